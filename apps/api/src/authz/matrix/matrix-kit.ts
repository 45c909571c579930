import type { Role } from '@mop/shared';
import type { ApiHarness, GqlResult } from '../../testing/api-harness';
import type { TenantFixtures, TenantRecords } from '../../testing/tenant-fixtures';

/**
 * The authorization matrix: every GraphQL operation × every role (plus a signed-in user without any
 * membership, and nobody signed in) × {a record of the actor's own tenant, one of another tenant}.
 * Each cell says whether the operation may reach the record; a cell that disagrees with the table
 * below is an unexpected allow or deny. Lists are asked for the target by id, so "allowed" means the
 * row comes back, and "denied" means an auth error or a list without it.
 */

export type Actor = 'anonymous' | 'noMembership' | Role;
export type Side = 'own' | 'other';
export type Outcome = 'allow' | 'deny';

export const ACTOR_EMAILS: Record<Exclude<Actor, 'anonymous' | 'noMembership'>, string> = {
  PLATFORM_ADMIN: 'admin@mop.local',
  PLATFORM_REVIEWER: 'reviewer@mop.local',
  OWNER: 'owner@harbor.example',
  MANAGER: 'manager@harbor.example',
  MARKETER: 'marketer@harbor.example',
  CLERK: 'clerk@harbor.example',
  PROVIDER_ADMIN: 'admin@nimbus.example',
  PROVIDER_OPERATOR: 'operator@nimbus.example',
};
export const ACTORS: Actor[] = ['anonymous', 'noMembership', ...(Object.keys(ACTOR_EMAILS) as Role[])];
export const PLATFORM: Actor[] = ['PLATFORM_ADMIN', 'PLATFORM_REVIEWER'];
export const WITH_MEMBERSHIP: Actor[] = ACTORS.filter((a) => a !== 'anonymous' && a !== 'noMembership');
export const SIGNED_IN: Actor[] = ACTORS.filter((a) => a !== 'anonymous');
export const isProviderSide = (a: Actor) => a === 'PROVIDER_ADMIN' || a === 'PROVIDER_OPERATOR';

export interface CaseContext {
  api: ApiHarness;
  actor: Actor;
  side: Side;
  t: TenantRecords;
  fixtures: TenantFixtures;
  /** The actor's shared session token (null for anonymous). */
  token: string | null;
  /** A session of the actor's own, for operations that end it. */
  freshToken(): Promise<string | null>;
}

export interface Operation {
  name: string;
  expected: Record<Side, Actor[]>;
  run(c: CaseContext): Promise<Outcome>;
}

export function classify(res: GqlResult, allowedWhen: (data: Record<string, unknown>) => boolean): Outcome {
  const code = res.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return 'deny';
  if (code === 'BAD_USER_INPUT' || code === 'CONFLICT') return 'allow'; // got past authorization
  if (code) throw new Error(`unexpected error ${code}: ${res.errors?.[0]?.message}`);
  return allowedWhen(res.data as Record<string, unknown>) ? 'allow' : 'deny';
}

/** allX, _allXMeta and X for one resource, each aimed at the target record by id. */
export function readOperations(
  type: string,
  plural: string,
  pick: (t: TenantRecords, actor: Actor, c: CaseContext) => string | Promise<string>,
  expected: Record<Side, Actor[]>,
): Operation[] {
  const filter = `${type}Filter`;
  return [
    {
      name: `all${plural}`,
      expected,
      run: async (c) => {
        const id = await pick(c.t, c.actor, c);
        const res = await c.api.gql(`query($f: ${filter}) { all${plural}(filter: $f, perPage: 100) { id } }`, { f: { ids: [id] } }, { token: c.token });
        return classify(res, (d) => (d[`all${plural}`] as { id: string }[]).some((r) => r.id === id));
      },
    },
    {
      name: `_all${plural}Meta`,
      expected,
      run: async (c) => {
        const res = await c.api.gql(`query($f: ${filter}) { _all${plural}Meta(filter: $f) { count } }`, { f: { ids: [await pick(c.t, c.actor, c)] } }, { token: c.token });
        return classify(res, (d) => (d[`_all${plural}Meta`] as { count: number }).count === 1);
      },
    },
    {
      name: type,
      expected,
      run: async (c) => {
        const id = await pick(c.t, c.actor, c);
        const res = await c.api.gql(`query($id: ID!) { ${type}(id: $id) { id } }`, { id }, { token: c.token });
        return classify(res, (d) => (d[type] as { id: string } | null)?.id === id);
      },
    },
  ];
}

export const everywhere = (actors: Actor[]) => ({ own: actors, other: actors });

export function randomIp() {
  return `10.${1 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
}

export function emailOf(c: Pick<CaseContext, 'actor' | 'fixtures'>): string | null {
  if (c.actor === 'anonymous') return null;
  if (c.actor === 'noMembership') return c.fixtures.loneUserEmail;
  return ACTOR_EMAILS[c.actor];
}

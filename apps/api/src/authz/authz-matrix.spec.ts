import { GraphQLSchemaHost } from '@nestjs/graphql';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { createTenantFixtures, type TenantFixtures } from '../testing/tenant-fixtures';
import { API_KEY_OPERATIONS } from './matrix/api-keys.ops';
import { BULK_ISSUE_OPERATIONS } from './matrix/bulk-issue.ops';
import { CLAIM_OPERATIONS } from './matrix/claims.ops';
import { COUPON_PUBLIC_OPERATIONS } from './matrix/coupon-public.ops';
import { COUPON_REDEMPTION_OPERATIONS } from './matrix/coupon-redemption.ops';
import { COUPON_OPERATIONS } from './matrix/coupons.ops';
import { FOUNDATION_OPERATIONS } from './matrix/foundation.ops';
import { ONBOARDING_REVIEW_OPERATIONS } from './matrix/onboarding-review.ops';
import { STAFF_STORE_OPERATIONS } from './matrix/staff-stores.ops';
import { WEBHOOK_OPERATIONS } from './matrix/webhooks.ops';
import { type Actor, ACTOR_EMAILS, ACTORS, type CaseContext, type Operation, type Outcome, type Side } from './matrix/matrix-kit';

/**
 * The authorization matrix: every GraphQL operation × every role (plus a signed-in user without any
 * membership, and nobody signed in) × {a record of the actor's own tenant, one of another tenant}.
 * The operations and the table of who may reach what live in ./matrix/*.ops.ts, one file per area.
 */
const OPERATIONS: Operation[] = [...FOUNDATION_OPERATIONS, ...ONBOARDING_REVIEW_OPERATIONS, ...STAFF_STORE_OPERATIONS, ...COUPON_OPERATIONS, ...COUPON_PUBLIC_OPERATIONS, ...COUPON_REDEMPTION_OPERATIONS, ...CLAIM_OPERATIONS, ...BULK_ISSUE_OPERATIONS, ...API_KEY_OPERATIONS, ...WEBHOOK_OPERATIONS];

describe('authorization matrix', () => {
  let api: ApiHarness;
  let fixtures: TenantFixtures;
  const tokens = new Map<Actor, string | null>();

  beforeAll(async () => {
    api = await startApi();
    fixtures = await createTenantFixtures(api.db);
    for (const actor of ACTORS) {
      const email = actor === 'anonymous' ? null : actor === 'noMembership' ? fixtures.loneUserEmail : ACTOR_EMAILS[actor];
      tokens.set(actor, email ? await api.login(email) : null);
    }
  });
  afterAll(() => api.close());

  it('covers every operation of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const inSchema = [...Object.keys(schema.getQueryType()?.getFields() ?? {}), ...Object.keys(schema.getMutationType()?.getFields() ?? {})].sort();
    expect(OPERATIONS.map((o) => o.name).sort()).toEqual(inSchema);
  });

  it('allows and denies exactly what the table says', async () => {
    const surprises: string[] = [];
    let cases = 0;
    let unexpectedAllows = 0;
    let unexpectedDenies = 0;
    for (const op of OPERATIONS) {
      for (const actor of ACTORS) {
        for (const side of ['own', 'other'] as Side[]) {
          const context: CaseContext = {
            api,
            actor,
            side,
            t: fixtures[side],
            fixtures,
            token: tokens.get(actor) ?? null,
            freshToken: async () => {
              const email = actor === 'anonymous' ? null : actor === 'noMembership' ? fixtures.loneUserEmail : ACTOR_EMAILS[actor];
              return email ? api.login(email) : null;
            },
          };
          const outcome = await op.run(context);
          const expected: Outcome = op.expected[side].includes(actor) ? 'allow' : 'deny';
          cases += 1;
          if (outcome !== expected) {
            if (outcome === 'allow') unexpectedAllows += 1;
            else unexpectedDenies += 1;
            surprises.push(`${op.name} as ${actor} on ${side} tenant: expected ${expected}, got ${outcome}`);
          }
        }
      }
    }
    console.log(`authz matrix: ${cases} cases, ${unexpectedAllows} unexpected allows, ${unexpectedDenies} unexpected denies`);
    expect(surprises).toEqual([]);
    expect(cases).toBe(OPERATIONS.length * ACTORS.length * 2);
  }, 180_000);
});

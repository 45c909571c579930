import type { Db } from '@mop/data-access';
import { DEMO_IDS, makeAuthorization, makeMembership, makeMerchant, makeProvider, makeStore, makeUser } from '@mop/data-access/testing';

/** The records one side of a tenant boundary owns, as the matrix targets them. */
export interface TenantRecords {
  merchantId: string;
  storeId: string;
  providerId: string;
  authorizationId: string;
  merchantMembershipId: string;
  providerMembershipId: string;
  merchantAuditEventId: string;
  providerAuditEventId: string;
  userId: string;
}

export interface TenantFixtures {
  /** Harbor Coffee and Nimbus Digital (authorized for Harbor): the demo actors' own tenants. */
  own: TenantRecords;
  /** Lumen Books and a second provider authorized only for Lumen: nobody's own tenant in the matrix. */
  other: TenantRecords;
  /** A signed-up user without any membership. */
  loneUserEmail: string;
}

async function auditEvent(db: Db, data: { merchantId?: string; providerId?: string }) {
  const row = await db.auditEvent.create({
    data: { actorLabel: 'fixture', action: 'fixture.event', subjectType: 'Fixture', requestId: 'fixture', ...data },
  });
  return row.id;
}

async function membershipOf(db: Db, userId: string) {
  return (await db.membership.findFirstOrThrow({ where: { userId } })).id;
}

/** Adds to the demo data what the other side of the boundary needs: a second provider with staff. */
export async function createTenantFixtures(db: Db): Promise<TenantFixtures> {
  const orbit = await makeProvider(db, { name: 'Orbit Agency' });
  const orbitOperator = await makeUser(db);
  const orbitMembership = await makeMembership(db, { userId: orbitOperator.id, providerId: orbit.id, role: 'PROVIDER_OPERATOR' });
  const orbitLumen = await makeAuthorization(db, { merchantId: DEMO_IDS.merchants.lumen, providerId: orbit.id });
  const lone = await makeUser(db);
  // A store of Harbor that the clerk is not bound to: the clerk's "other" within its own merchant.
  await makeStore(db, { merchantId: DEMO_IDS.merchants.harbor });
  await makeMerchant(db);

  return {
    own: {
      merchantId: DEMO_IDS.merchants.harbor,
      storeId: DEMO_IDS.stores.harborHq,
      providerId: DEMO_IDS.providers.nimbus,
      authorizationId: DEMO_IDS.authorizations.nimbusHarbor,
      merchantMembershipId: await membershipOf(db, DEMO_IDS.users.harborManager),
      providerMembershipId: await membershipOf(db, DEMO_IDS.users.nimbusOperator),
      merchantAuditEventId: await auditEvent(db, { merchantId: DEMO_IDS.merchants.harbor }),
      providerAuditEventId: await auditEvent(db, { providerId: DEMO_IDS.providers.nimbus }),
      userId: DEMO_IDS.users.harborMarketer,
    },
    other: {
      merchantId: DEMO_IDS.merchants.lumen,
      storeId: DEMO_IDS.stores.lumenCentral,
      providerId: orbit.id,
      authorizationId: orbitLumen.id,
      merchantMembershipId: await membershipOf(db, DEMO_IDS.users.lumenManager),
      providerMembershipId: orbitMembership.id,
      merchantAuditEventId: await auditEvent(db, { merchantId: DEMO_IDS.merchants.lumen }),
      providerAuditEventId: await auditEvent(db, { providerId: orbit.id }),
      userId: DEMO_IDS.users.lumenMarketer,
    },
    loneUserEmail: lone.email,
  };
}

// Test helpers: per-file databases cloned from a migrated template, factories, the demo seed.
export { createTestDatabase, type TestDatabase } from './test-database';
export {
  makeUser,
  makeMerchant,
  makeProvider,
  makeStore,
  makeMembership,
  makeAuthorization,
  testPasswordHash,
  uniqueSuffix,
  type MakeUserInput,
  type MakeMembershipInput,
  type MakeAuthorizationInput,
} from './factories';
export {
  seedDemo,
  DEMO_IDS,
  DEMO_PASSWORD,
  DEMO_PRODUCTS,
  hashPassword,
  workspaceKey,
  type SeedDemoOptions,
  type SeedDemoResult,
} from '../seed/demo-seed';

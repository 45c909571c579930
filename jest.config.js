// Every Jest project but the browser tests (those run serially, on their own: see tools/test.mjs).
module.exports = {
  // Global options are not read from the projects' configs: the shared timeout has to be set here too
  // (a file's beforeAll starts a whole API on a fresh database, which takes seconds on a busy 2-core box).
  testTimeout: require('./jest.preset.js').testTimeout,
  projects: [
    '<rootDir>/libs/shared',
    '<rootDir>/libs/data-access',
    '<rootDir>/libs/authz',
    '<rootDir>/libs/api-kit',
    '<rootDir>/libs/identity',
    '<rootDir>/libs/audit',
    '<rootDir>/libs/queues',
    '<rootDir>/libs/tenancy',
    '<rootDir>/libs/reviews',
    '<rootDir>/libs/onboarding',
    '<rootDir>/libs/catalog',
    '<rootDir>/libs/api-keys',
    '<rootDir>/libs/webhooks',
    '<rootDir>/libs/coupons',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/apps/console',
  ],
};

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'console-e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e.spec.ts'],
  // A real API, a built console and Chromium per file: slow, and serial by design.
  testTimeout: 180_000,
  maxWorkers: 1,
};

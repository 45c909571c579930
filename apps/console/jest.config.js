module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'console',
  rootDir: __dirname,
  // The console's unit tests are pure logic: no database to prepare.
  globalSetup: undefined,
};

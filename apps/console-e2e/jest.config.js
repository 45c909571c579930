module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'console-e2e',
  rootDir: __dirname,
};

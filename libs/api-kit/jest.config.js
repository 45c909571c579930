module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api-kit',
  rootDir: __dirname,
};

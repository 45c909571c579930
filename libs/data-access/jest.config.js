module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'data-access',
  rootDir: __dirname,
};

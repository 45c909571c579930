module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'reviews',
  rootDir: __dirname,
};

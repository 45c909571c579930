module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'coupons',
  rootDir: __dirname,
};

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'onboarding',
  rootDir: __dirname,
};

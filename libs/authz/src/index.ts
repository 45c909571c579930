export * from './lib/principal';
export * from './lib/ability';
export * from './lib/checks';

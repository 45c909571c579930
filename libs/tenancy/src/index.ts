export * from './lib/tenancy.module';
export * from './lib/tenancy.types';
export * from './lib/store-admin.types';
export { normalizeOpeningHours } from './lib/opening-hours';

export * from './lib/tenancy.module';
export * from './lib/tenancy.types';

export * from './lib/api-keys.module';
export * from './lib/api-key.service';
export * from './lib/api-key.types';
export * from './lib/api-key-principal.resolver';

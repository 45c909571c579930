export * from './lib/identity.module';
export * from './lib/request-context.factory';
export * from './lib/session.service';
export * from './lib/password.service';
export * from './lib/identity.types';
export * from './lib/auth.service';

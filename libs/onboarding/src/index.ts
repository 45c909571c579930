export * from './lib/onboarding.module';
export * from './lib/onboarding.types';

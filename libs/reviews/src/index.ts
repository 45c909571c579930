export * from './lib/reviews.module';
export * from './lib/review.service';
export * from './lib/application-effects';
export * from './lib/application.types';

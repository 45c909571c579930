export * from './lib/catalog.module';
export * from './lib/product.types';

export * from './StatusField';
export * from './EnumField';
export * from './LocaleDateField';
export * from './EmptyState';
export * from './ResourceTitle';

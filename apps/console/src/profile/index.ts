export * from './ProfilePage';

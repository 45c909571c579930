export * from './Layout';
export * from './AppBar';
export * from './Menu';
export * from './LanguageSwitcher';
export * from './WorkspaceSwitcher';
export * from './useSwitchWorkspace';

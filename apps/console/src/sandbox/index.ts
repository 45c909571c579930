export { SANDBOX_PATH, SandboxPage } from './SandboxPage';

// Self-hosted fonts: the same typography on every OS, and Chinese glyphs even where none are installed.
import '@fontsource-variable/inter';
import '@fontsource-variable/noto-sans-sc';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

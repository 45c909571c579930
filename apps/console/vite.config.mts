import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const apiUrl = process.env.MOP_API_URL ?? 'http://127.0.0.1:3000';

// The browser talks to one origin: /graphql and /health are proxied to the API so the
// HttpOnly, SameSite=Lax session cookie is a first-party cookie.
const proxy = {
  '/graphql': { target: apiUrl, changeOrigin: false },
  '/health': { target: apiUrl, changeOrigin: false },
};

export default defineConfig({
  root,
  cacheDir: `${workspaceRoot}node_modules/.vite/console`,
  plugins: [react()],
  resolve: {
    alias: {
      '@mop/shared/graphql': `${workspaceRoot}libs/shared/src/graphql`,
      '@mop/shared': `${workspaceRoot}libs/shared/src/index.ts`,
    },
  },
  server: { host: '127.0.0.1', port: 4200, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4200, strictPort: true, proxy },
  build: {
    outDir: `${workspaceRoot}dist/apps/console`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});

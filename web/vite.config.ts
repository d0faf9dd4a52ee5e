import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API process (server/src/http/console.ts); in dev, Vite proxies /api to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

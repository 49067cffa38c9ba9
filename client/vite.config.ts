import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@verbund/source', ...defaultClientConditions] },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true },
    },
  },
  // The budget that counts is the initial JavaScript, gzipped (e2e/tests/bundle.spec.ts: 250 KB);
  // the editor's chunk is loaded only when a text is opened, so its minified size warns for nothing.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
});

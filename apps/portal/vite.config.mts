import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@laerenett/portal-data-access': resolve(root, 'libs/portal/data-access/src/index.ts'),
      '@laerenett/shared-domain': resolve(root, 'libs/shared/domain/src/index.ts'),
    },
  },
  build: { outDir: resolve(root, 'dist/apps/portal'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 4200,
    proxy: { '/graphql': 'http://localhost:3000', '/api': 'http://localhost:3000' },
  },
});

import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const SIDE_EFFECT_FREE = [
  /[\\/]libs[\\/]shared[\\/]domain[\\/]src[\\/].*\.ts$/,
  /[\\/]node_modules[\\/]rrule[\\/]/,
  /[\\/]@digdir[\\/]designsystemet-react[\\/].*\.js$/,
];

export default defineConfig({
  root: here,
  // Next to every text file of the build, its gzip (.gz) and brotli (.br) forms at the highest
  // levels, made once here so that the API only picks the one the browser accepts.
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], exclude: [/\.map$/], logLevel: 'silent' })],
  resolve: {
    alias: {
      '@laerenett/portal-data-access': resolve(root, 'libs/portal/data-access/src/index.ts'),
      '@laerenett/shared-domain': resolve(root, 'libs/shared/domain/src/index.ts'),
    },
  },
  build: {
    outDir: resolve(root, 'dist/apps/portal'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // Modules that only declare things, so a page's import of one name brings only what that
        // name needs: Lærenett's shared domain (pure functions by rule; through its barrel, the
        // agency page's MAX_TARGET brought luxon and rrule with the recurrence rules), rrule (pure,
        // but it declares no `sideEffects`: the pool page's Oslo time brought it all along), and
        // Designsystemet's React components (the package declares no `sideEffects`, so one
        // component brought the combobox with its virtual list and floating-ui into the first
        // page). What registers Designsystemet's custom elements and polyfills is
        // @digdir/designsystemet-web: it stays side-effectful and comes with the components that
        // import it.
        moduleSideEffects: (id: string) => (SIDE_EFFECT_FREE.some((re) => re.test(id)) ? false : undefined),
      },
    },
  },
  server: {
    port: 4200,
    proxy: { '/graphql': 'http://localhost:3000', '/api': 'http://localhost:3000' },
  },
});

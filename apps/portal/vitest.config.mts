import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.mts';

/** Component tests: the portal's components rendered in happy-dom with Testing Library. */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.spec.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      restoreMocks: true,
    },
  }),
);

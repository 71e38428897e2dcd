import nx from '@nx/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import laerenett from './tools/eslint/module-boundaries.mjs';

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/generated/**', '.data/**', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Layers: apps use features, features use data-access/ui/domain, domain uses nothing.
      // The API and the portal never import each other; only scope:shared crosses over.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:portal', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:domain'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:domain'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:domain'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules: promises are awaited or handled, never dropped or passed where a
    // callback's result is ignored; no await on what is not a promise;
    // a switch over a union names every case.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  {
    // The launcher, code generation and benchmarks drive every project from outside, by path.
    files: ['tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['libs/shared/domain/**/*.ts'],
    rules: {
      // Pure rules: no framework, no I/O.
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'react', 'react-dom', 'typeorm', 'bullmq', 'pg', 'node:*', 'fs', 'http'] },
      ],
    },
  },
  {
    files: ['apps/portal/**/*.tsx', 'apps/portal/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.configs.recommended.rules, 'react-hooks/set-state-in-effect': 'off' },
  },
  {
    // Each module owns its tables; see docs/architecture.md and tools/eslint/module-boundaries.mjs.
    files: ['apps/api/src/**/*.ts'],
    plugins: { laerenett },
    rules: {
      'laerenett/module-boundaries': 'error',
      // One clock for every rule: inject `Clock` (common/clock.ts), so that tests can move time.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the injected Clock (clock.ms()).',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected Clock (clock.now()).' },
      ],
    },
  },
  {
    files: [
      'apps/api/src/common/clock.ts',
      'apps/api/src/**/__tests__/**',
      'apps/api/src/database/**',
      'apps/api/src/*.ts',
      'apps/api/src/graphql/**',
      'apps/api/src/config/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/config/**'],
    rules: {
      // Settings come from the validated config, never straight from the environment.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through AppConfig (apps/api/src/config).' },
      ],
    },
  },
  // Formatting is Prettier's (npm run format); no style rule may fight it.
  prettier,
);

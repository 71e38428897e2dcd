// Shared jest settings: SWC compiles TypeScript with the legacy decorators and the
// decorator metadata that NestJS's dependency injection reads.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // Nest 12 ships ESM only; jest on Node 20 needs it transformed.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|postal-mime)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@laerenett/shared-domain$': path.join(__dirname, 'libs/shared/domain/src/index.ts'),
    '^@laerenett/portal-data-access$': path.join(__dirname, 'libs/portal/data-access/src/index.ts'),
  },
};

// Integration tests against real servers. TEST_QUEUE_BACKEND picks the backend:
//   redis (default)  Postgres on 127.0.0.1:5432 and the queue on Redis: every file but the embedded one;
//   embedded         the embedded Postgres that `npm start` runs, the queue on BullMQ's PostgreSQL
//                    backend in it: every file whose story goes through a queue.
const embedded = process.env.TEST_QUEUE_BACKEND === 'embedded';
const QUEUE_STORIES = [
  'embedded',
  'gatherings',
  'gatherings-crash',
  'annual-summary',
  'annual-summary-crash',
  'action-plans',
  'participation',
  'pooling',
  'identity',
  'apprenticeship',
  'follow-up',
];

module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: embedded ? 'api-integration (embedded Postgres, queue on Postgres)' : 'api-integration (Postgres, queue on Redis)',
  rootDir: __dirname,
  testMatch: embedded ? QUEUE_STORIES.map((f) => `<rootDir>/test/${f}.integration-spec.ts`) : ['<rootDir>/test/**/*.integration-spec.ts'],
  testPathIgnorePatterns: embedded ? [] : ['/test/embedded\\.integration-spec\\.ts$'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};

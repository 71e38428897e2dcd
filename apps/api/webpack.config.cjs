// Bundles the API's three entry points for Node. ts-loader uses the TypeScript compiler, which
// emits the decorator metadata NestJS's dependency injection needs (esbuild does not).
const path = require('node:path');
const root = path.resolve(__dirname, '../..');

module.exports = {
  mode: 'production',
  target: 'node20',
  context: __dirname,
  // summary-pdf-thread: the December summary's PDFs on worker threads (summary-pdf.pool.ts).
  entry: {
    main: './src/main.ts',
    worker: './src/worker.ts',
    cli: './src/cli.ts',
    schema: './src/schema-cli.ts',
    'summary-pdf-thread': './src/modules/annual-summary/utils/summary-pdf.thread.ts',
  },
  output: { path: path.join(root, 'dist/apps/api'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  optimization: { minimize: false },
  resolve: {
    extensions: ['.ts', '.js'],
    alias: { '@laerenett/shared-domain': path.join(root, 'libs/shared/domain/src/index.ts') },
  },
  module: {
    rules: [
      { test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(__dirname, 'tsconfig.app.json') } },
    ],
  },
  // Every package from node_modules stays a runtime require.
  externals: [
    ({ request }, cb) => (/^[@a-z]/i.test(request) && !request.startsWith('@laerenett/') ? cb(null, `commonjs ${request}`) : cb()),
  ],
  externalsPresets: { node: true },
  stats: 'errors-warnings',
};

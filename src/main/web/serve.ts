/**
 * `npm run web`: Aurora Desk in a browser, for development and end-to-end tests. Not a product
 * surface: it binds 127.0.0.1 only and needs the printed URL's random token.
 *
 *   npm run web                                   embedded demo database in ./.aurora-data/web
 *   npm run web -- --port 5199                    a fixed port (default: a free one)
 *   npm run web -- --database-url postgres://…    a real database for this session
 *   npm run web -- --data-dir /tmp/desk           another settings/embedded-data folder
 *   npm run web -- --no-build                     serve out/renderer as it is
 *
 * The renderer is built into out/renderer first when missing or older than its sources.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { consoleLogger, startWebHarness, type WebHarnessOptions } from './harness.js';

export { startWebHarness, type WebHarness, type WebHarnessOptions } from './harness.js';

export function parseHarnessArgs(argv: string[]): WebHarnessOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      'no-build': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('Usage: npm run web -- [--port N] [--database-url postgres://…] [--data-dir DIR] [--no-build]');
    process.exit(0);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`--port must be a port number, not "${values.port}"`);
  }
  return {
    port,
    databaseUrl: values['database-url'] ?? process.env.AURORA_DATABASE_URL,
    dataDir: values['data-dir'],
    build: !values['no-build'],
  };
}

async function main(): Promise<void> {
  const log = consoleLogger();
  const harness = await startWebHarness({ ...parseHarnessArgs(process.argv.slice(2)), log });
  const connection = harness.services.connection();
  console.log(`\nAurora Desk web harness: ${harness.url}`);
  console.log(`  database: ${connection.label}${connection.problem ? ` (${connection.problem})` : ''}`);
  console.log('  For development and tests only. Ctrl+C stops it.\n');
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(`Aurora Desk web harness could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

// `npm run api [-- --port 8000 --host 127.0.0.1 --db data/careertrack.sqlite --faults]`
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startApi } from './app';
import { ensureDemoAccount } from './demo';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8000' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: resolve(repoRoot, 'data/careertrack.sqlite') },
    faults: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`CareerTrack API stand-in (a Laravel + Sanctum look-alike for development and tests)

  --port N     port to listen on (default 8000; 0 picks a free one)
  --host H     address to listen on (default 127.0.0.1)
  --db PATH    SQLite file (default data/careertrack.sqlite), or :memory:
  --faults     serve the test-only fault routes: POST/GET/DELETE /__faults, GET /__faults/log`);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

const dbPath = values.db === ':memory:' ? ':memory:' : resolve(values.db);
const api = await startApi({ port, host: values.host, db: dbPath, faults: values.faults }).catch(
  (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.error(`${values.host}:${port} is in use (another API running?). Try --port 8001.`);
    process.exit(1);
  },
);
const demo = await ensureDemoAccount(api.db);

console.log(`CareerTrack API stand-in listening on ${api.url}
  database:  ${dbPath}
  demo user: ${demo.email} / ${demo.password} (${demo.created ? 'created' : 're-used'})${
    demo.passwordWorks ? '' : ' (its password was changed in this database)'
  }
  token:     ${demo.token}
  faults:    ${values.faults ? `on (POST ${api.url}/__faults, GET ${api.url}/__faults/log)` : 'off'}
Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void api.close().then(() => process.exit(0));
  });
}

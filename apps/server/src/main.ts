import { buildApp } from './app';
import { seedDemo } from './demo/seed-demo';
import { loadNationalDays } from './modules/calendar';
import { systemClock } from './platform/clock';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db';
import { migrate } from './platform/migrate';

// start: config → db → migrations → (demo data) → app → listen
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const version = await migrate(handle.db);
await loadNationalDays(handle.db);
const deps = { db: handle.db, dbKind: handle.kind, clock: systemClock, config };
if (config.seedDemo) await seedDemo(deps);
const app = await buildApp(deps, { logger: { level: config.logLevel } });
app.log.info({ database: handle.kind, migration: version, dataDir: config.dataDir }, 'database ready');

const shutdown = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

await app.listen({ port: config.port, host: config.host });
app.log.info(`通办已启动：http://localhost:${config.port}`);

import { buildApp } from './app';
import { auditCheckpointJob } from './modules/audit';
import { seedDemo } from './demo/seed-demo';
import { forgetStaleThrottles } from './modules/auth';
import { loadNationalDays } from './modules/calendar';
import { inboxSiteAdapter } from './modules/inbox';
import { enqueueRatingInvites } from './modules/evaluations';
import { enqueueLedgerReminders } from './modules/ledger';
import { supervisionJob } from './modules/supervision';
import { systemClock } from './platform/clock';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db';
import { migrate } from './platform/migrate';
import { tuneRuntime } from './platform/runtime';
import { channelTransport, logTransport, startOutboxPoller } from './platform/outbox';

// V8's allocation settings first, before any request (platform/runtime.ts).
tuneRuntime();

// start: config → db → migrations → (demo data) → app → listen
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const version = await migrate(handle.db);
await loadNationalDays(handle.db);
const deps = { db: handle.db, dbKind: handle.kind, clock: systemClock, config };
if (config.seedDemo) await seedDemo(deps);
const app = await buildApp(deps, { logger: { level: config.logLevel } });
app.log.info({ database: handle.kind, migration: version, dataDir: config.dataDir }, 'database ready');

// The outbox poller and its jobs, in this process (ARCHITECTURE.md "jobs"; docs/outbox.md).
const poller = startOutboxPoller(deps, {
  // Site messages land in the recipient's inbox; SMS and e-mail are logged until a gateway is configured.
  transport: channelTransport([inboxSiteAdapter()], logTransport(app.log)),
  log: app.log,
  intervalMs: config.outboxIntervalMs,
  jobs: [
    { name: 'ledger.reminders', everyMs: 5 * 60_000, run: (now) => enqueueLedgerReminders(deps, now) },
    // TRUTH-1: sign every audit chain's head hourly (and at start), docs/DATABASE.md "Audit".
    auditCheckpointJob(deps),
    // SUP-1/SUP-2/RATE-1: clocks, escalations and figure rollups, from events and calendar changes.
    supervisionJob(deps),
    // 好差评: a concluded case still unrated after N days gets one SMS rating link.
    { name: 'evaluations.sms-invites', everyMs: 60 * 60_000, run: (now) => enqueueRatingInvites(deps, now) },
    { name: 'auth.throttle-cleanup', everyMs: 60 * 60_000, run: (now) => forgetStaleThrottles(deps, now) },
  ],
});

const shutdown = async () => {
  await poller.stop();
  await app.close();
  await handle.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

await app.listen({ port: config.port, host: config.host });
app.log.info(`通办已启动：http://localhost:${config.port}`);

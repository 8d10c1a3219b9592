import { loadConfig } from './config';
import { openDatabase } from './db';
import { migrate } from './migrate';

// `npm run migrate`: apply pending migrations to DATABASE_URL or the embedded database in DATA_DIR.
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  const version = await migrate(handle.db);
  console.log(`数据库（${handle.kind}）已迁移到版本 ${version}`);
} finally {
  await handle.close();
}

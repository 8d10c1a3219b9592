import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../../platform/clock';
import { loadConfig } from '../../platform/config';
import { openDatabase } from '../../platform/db';
import { checkpointKey } from './audit.policy';
import { exportCheckpoints, writeCheckpoints } from './audit.service';

// `npm run audit:checkpoint [-- --export file.json]` (TRUTH-1): signs the current head of every
// audit chain now, and optionally writes the newest checkpoint of each chain to a file to be kept
// outside the database (`npm run audit:verify -- --checkpoints file.json` compares against it).
// On the embedded database, run it with the server stopped (PGlite allows one process).
const { values } = parseArgs({ options: { export: { type: 'string' } } });
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  const now = systemClock.now();
  const r = await handle.db
    .transaction()
    .execute((tx) => writeCheckpoints(tx, checkpointKey(config.secrets.lookupKey), '%', now));
  console.log(`已写入检查点：${r.chains} 条链，新增 ${r.written} 个（其余自上次检查点后未增长）`);
  if (values.export) {
    const file = await exportCheckpoints(handle.db, '%', now);
    writeFileSync(values.export, `${JSON.stringify(file, null, 2)}\n`);
    console.log(`已导出 ${file.checkpoints.length} 个检查点到 ${values.export}，请保存在数据库之外`);
  }
} finally {
  await handle.close();
}

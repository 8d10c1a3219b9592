import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AuditCheckpointExport } from '@tongban/contracts';
import { loadConfig } from '../../platform/config';
import { openDatabase } from '../../platform/db';
import { checkpointKey } from './audit.policy';
import { runAuditVerify } from './audit-verify';

// `npm run audit:verify [-- --checkpoints file.json]`: walks every region's audit chains, compares
// them with their signed checkpoints (and an exported copy), and every case row with its events.
// Exit 0 when all is well, 1 naming each problem, 2 when the checkpoints file cannot be read.
// On the embedded database, run it with the server stopped (PGlite allows one process).
const { values } = parseArgs({ options: { checkpoints: { type: 'string' } } });
let external: AuditCheckpointExport | undefined;
if (values.checkpoints) {
  try {
    external = AuditCheckpointExport.parse(JSON.parse(readFileSync(values.checkpoints, 'utf8')));
  } catch (e) {
    console.error(
      `检查点文件无法读取：${values.checkpoints}（${e instanceof Error ? e.message.slice(0, 200) : ''}）`,
    );
    process.exit(2);
  }
}
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  const r = await runAuditVerify(handle.db, {
    checkpointKey: checkpointKey(config.secrets.lookupKey),
    ...(external ? { external: external.checkpoints } : {}),
  });
  for (const line of r.lines) (r.ok ? console.log : console.error)(line);
  if (external)
    console.log(`已对照外部检查点副本（导出于 ${external.exportedAt}，${external.checkpoints.length} 个）`);
  if (!r.ok) process.exitCode = 1;
} finally {
  await handle.close();
}

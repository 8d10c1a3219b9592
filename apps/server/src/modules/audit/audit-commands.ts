import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AuditCheckpointExport } from '@tongban/contracts';
import { systemClock } from '../../platform/clock';
import { loadConfig } from '../../platform/config';
import { openDatabase } from '../../platform/db';
import { checkpointKey } from './audit.policy';
import { exportCheckpoints, writeCheckpoints } from './audit.service';
import { runAuditVerify } from './audit-verify';

/** Where a command writes: standard output and standard error, or a test's capture of them. */
export type CommandIo = { out(line: string): void; err(line: string): void };

/**
 * `npm run audit:verify [-- --checkpoints file.json]`: walks every region's audit chains, compares
 * them with their signed checkpoints (and an exported copy), and every case row with its events.
 * Gives the exit code: 0 when all is well, 1 naming each problem, 2 when the checkpoints file
 * cannot be read. On the embedded database, run it with the server stopped (PGlite allows one
 * process).
 */
export async function auditVerifyCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  const { values } = parseArgs({ args, options: { checkpoints: { type: 'string' } } });
  let external: AuditCheckpointExport | undefined;
  if (values.checkpoints) {
    try {
      external = AuditCheckpointExport.parse(JSON.parse(readFileSync(values.checkpoints, 'utf8')));
    } catch (e) {
      io.err(
        `检查点文件无法读取：${values.checkpoints}（${e instanceof Error ? e.message.slice(0, 200) : ''}）`,
      );
      return 2;
    }
  }
  const config = loadConfig(env);
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const r = await runAuditVerify(handle.db, {
      checkpointKey: checkpointKey(config.secrets.lookupKey),
      ...(external ? { external: external.checkpoints } : {}),
    });
    for (const line of r.lines) (r.ok ? io.out : io.err)(line);
    if (external)
      io.out(`已对照外部检查点副本（导出于 ${external.exportedAt}，${external.checkpoints.length} 个）`);
    return r.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

/**
 * `npm run audit:checkpoint [-- --export file.json]` (TRUTH-1): signs the current head of every
 * audit chain now, and optionally writes the newest checkpoint of each chain to a file to be kept
 * outside the database (`npm run audit:verify -- --checkpoints file.json` compares against it).
 * On the embedded database, run it with the server stopped (PGlite allows one process).
 */
export async function auditCheckpointCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  const { values } = parseArgs({ args, options: { export: { type: 'string' } } });
  const config = loadConfig(env);
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const now = systemClock.now();
    const r = await handle.db
      .transaction()
      .execute((tx) => writeCheckpoints(tx, checkpointKey(config.secrets.lookupKey), '%', now));
    io.out(`已写入检查点：${r.chains} 条链，新增 ${r.written} 个（其余自上次检查点后未增长）`);
    if (values.export) {
      const file = await exportCheckpoints(handle.db, '%', now);
      writeFileSync(values.export, `${JSON.stringify(file, null, 2)}\n`);
      io.out(`已导出 ${file.checkpoints.length} 个检查点到 ${values.export}，请保存在数据库之外`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

/** The process's own standard output and error. */
export const processIo: CommandIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

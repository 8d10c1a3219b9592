import { loadConfig } from '../../platform/config';
import { openDatabase } from '../../platform/db';
import { verifyAuditChain } from './audit.service';

// `npm run audit:verify`: walks every region's audit chain and reports the first broken link.
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  const r = await verifyAuditChain(handle.db);
  if (r.ok) {
    console.log(`审计链完整：${r.regions} 个区划 ${r.chains} 条链，共 ${r.entries} 条记录`);
  } else {
    const b = r.firstBreak!;
    console.error(
      `审计链断裂：区划 ${b.regionCode || '（系统）'} 第 ${b.lane} 链 序号 ${b.seq}（${b.reason === 'hash_mismatch' ? '记录内容被改动' : '与前一条记录的链接不符'}）`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}

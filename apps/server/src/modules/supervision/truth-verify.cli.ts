import { parseArgs } from 'node:util';
import { systemClock } from '../../platform/clock';
import { loadConfig } from '../../platform/config';
import { openDatabase } from '../../platform/db';
import { shanghaiToday } from '../../platform/time';
import { verifyTruth } from './use-cases/verify-truth';
import { verifyAssessments } from '../reviews';
import { verifyRatingRollup } from '../evaluations';

// `npm run truth:verify [-- --region 350999 --from 2026-01 --to 2026-12]` (TRUTH-1): recomputes
// every figure of the region and period from the case events and compares it with the rollups the
// dashboards read. Exit 0 when they agree, 1 naming each figure that disagrees, 2 on bad arguments.
// On the embedded database, run it with the server stopped (PGlite allows one process).
const { values } = parseArgs({
  options: { region: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
});
const month = /^\d{4}-(0[1-9]|1[0-2])$/;
const thisMonth = shanghaiToday(new Date()).slice(0, 7);
const region = values.region ?? '350999';
const from = values.from ?? `${thisMonth.slice(0, 4)}-01`;
const to = values.to ?? thisMonth;
if (!/^\d{6}$/.test(region) || !month.test(from) || !month.test(to) || from > to) {
  console.error('用法：npm run truth:verify -- --region 350999 --from 2026-01 --to 2026-12');
  process.exit(2);
}
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  const started = Date.now();
  const deps = { db: handle.db, dbKind: handle.kind, clock: systemClock, config };
  const r = await verifyTruth(deps, { regionCode: region, from, to });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  for (const d of r.disagreements)
    console.error(
      `不一致：${d.figure} ${d.part === 'numerator' ? '分子' : '分母'}（${d.cut}：${d.group}）事件重算 ${d.fromEvents}，汇总表 ${d.fromRollups}`,
    );
  const line = `区划 ${region} ${from} 至 ${to}：${r.cases} 件，比对 ${r.compared} 项，不一致 ${r.disagreements.length} 项（${secs} 秒）`;
  (r.disagreements.length ? console.error : console.log)(line);
  if (r.disagreements.length) process.exitCode = 1;
  // ASSESS-1: stored assessments of the period, computed again by a second path (reviews module).
  const a = await verifyAssessments(deps, { regionCode: region, from, to });
  for (const d of a.disagreements)
    console.error(`不一致：考核 ${d.assessment} ${d.unit} ${d.what} 存储 ${d.stored}，重算 ${d.recomputed}`);
  (a.disagreements.length ? console.error : console.log)(
    `考核结果 ${a.assessments} 份，比对 ${a.compared} 项，不一致 ${a.disagreements.length} 项`,
  );
  if (a.disagreements.length) process.exitCode = 1;
  // EVAL-4: the 好差评 figures' rollup, counted again from the ratings (evaluations module).
  const e = await verifyRatingRollup(deps, { regionCode: region, from, to });
  for (const d of e.disagreements)
    console.error(
      `不一致：好差评汇总 ${d.regionCode} ${d.day} ${d.subject} 评价重算 ${d.counted}，汇总表 ${d.stored}`,
    );
  (e.disagreements.length ? console.error : console.log)(
    `好差评汇总 ${e.compared} 行，不一致 ${e.disagreements.length} 项`,
  );
  if (e.disagreements.length) process.exitCode = 1;
} finally {
  await handle.close();
}

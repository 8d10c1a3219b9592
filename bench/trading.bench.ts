/**
 * `npm run bench:trading` (issue 22): the expert draw and the deposits-overdue board on the local
 * PostgreSQL. An expert pool of 20,000 with 10,000 declared relationships; panels drawn for 1,000
 * projects with 20 bidders each (commit + run through the use cases, in-process, each in its own
 * transaction with its audit entry); the board over 1,000,000 historical deposits. The bulk rows are
 * generated server-side (insert … select from generate_series: no COPY client in the workspace).
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the admin connection; a
 * fresh database is created and dropped. `--small` (or BENCH_SCALE=0.05) runs a twentieth of the sizes.
 * Targets: one draw p99 ≤ 200 ms; the board p99 ≤ 200 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadNationalDays } from '../apps/server/src/modules/calendar';
import { commitDraw, runPanelDraw } from '../apps/server/src/modules/trading';
import { getDepositBoard } from '../apps/server/src/modules/trading/use-cases/deposit-board';
import { SYSTEM_ACTOR, type Actor } from '../apps/server/src/platform/access';
import type { Deps } from '../apps/server/src/platform/app-types';
import { systemClock } from '../apps/server/src/platform/clock';
import { loadConfig } from '../apps/server/src/platform/config';
import { openDatabase, sql } from '../apps/server/src/platform/db';
import { migrate } from '../apps/server/src/platform/migrate';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCALE = process.argv.includes('--small') ? 0.05 : Number(process.env.BENCH_SCALE ?? 1);
const EXPERTS = Math.round(20_000 * SCALE);
const RELATIONS = Math.round(10_000 * SCALE);
const PROJECTS = Math.max(20, Math.round(1_000 * SCALE));
const BIDDERS = 20;
const DEPOSITS = Math.round(1_000_000 * SCALE);
const BOARD_READS = 200;
const REGION = '350999';
const SPECIALTIES = 20;
const COMPANIES = 5_000;

const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!;

async function main() {
  const name = `tb_bench_trading_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tb-bench-trading-'));
  const handle = await openDatabase({ url: url.toString() });
  try {
    const db = handle.db;
    await migrate(db);
    await loadNationalDays(db);
    const deps: Deps = {
      db,
      dbKind: handle.kind,
      clock: systemClock,
      config: loadConfig({ ...process.env, DATA_DIR: dataDir }),
    };
    const actor: Actor = { ...SYSTEM_ACTOR, regionCode: REGION };
    const t0 = performance.now();
    await sql`insert into region (code, name, level) values (${REGION}, '云溪县', 3)`.execute(db);
    await sql`
      insert into trading_expert (region_code, name, specialties, employer, employer_key)
      select ${REGION}, '专家' || g, array['专业' || (g % ${SPECIALTIES})] || case when g % 3 = 0 then array['专业' || ((g + 7) % ${SPECIALTIES})] else '{}'::text[] end,
             e, e
      from (select g, case when g % 50 = 0 then '公司' || (g % ${COMPANIES}) else '设计院' || (g % 400) end as e
            from generate_series(1, ${EXPERTS}) g) s`.execute(db);
    await sql`
      insert into trading_expert_relation (region_code, expert_id, kind, company_name, company_key)
      select ${REGION}, e.id, (array['employment','ownership','kin'])[1 + (e.n % 3)], '公司' || ((e.n * 7) % ${COMPANIES}), '公司' || ((e.n * 7) % ${COMPANIES})
      from (select id, row_number() over (order by id) as n from trading_expert) e
      where e.n <= ${RELATIONS}`.execute(db);
    await sql`
      insert into trading_project (region_code, project_no, name, kind, method, tenderer_name, estimate_yuan, status, bid_deadline, opened_at)
      select ${REGION}, 'JY2026' || lpad(g::text, 7, '0'), '压测项目' || g, 'construction', 'open', '招标人' || (g % 97), 10000000, 'opened', now() - interval '1 day', now()
      from generate_series(1, ${PROJECTS}) g`.execute(db);
    await sql`
      insert into trading_bidder (region_code, project_id, name, bid_at)
      select p.region_code, p.id, '公司' || ((p.n * ${BIDDERS} + b) % ${COMPANIES}), now() - interval '2 days'
      from (select region_code, id, row_number() over (order by id) as n from trading_project) p, generate_series(1, ${BIDDERS}) b`.execute(
      db,
    );
    // Every deposit ever held since 2012: about 1% unrefunded and past due (the red board).
    await sql`
      insert into trading_deposit (region_code, project_label, bidder_name, regime, amount_yuan, payer_account, paid_on, refund_trigger, triggered_on, refund_due_on, refunded_on)
      select ${REGION}, '历史项目' || (g / 20), '公司' || (g % ${COMPANIES}), 'tender', 20000, '6222' || lpad(g::text, 12, '0'),
             d, 'contract', d + 30, d + 35, case when g % 100 = 0 then null else d + 33 end
      from (select g, (date '2012-01-01' + (g % 5000)) as d from generate_series(1, ${DEPOSITS}) g) s`.execute(
      db,
    );
    await sql`analyze`.execute(db);
    const loadSeconds = (performance.now() - t0) / 1000;

    const projects = await db.selectFrom('tradingProject').select('id').orderBy('id').execute();
    const openAt = new Date(Date.now() + 3_600_000).toISOString();
    const lat: number[] = [];
    const start = performance.now();
    for (const [i, p] of projects.entries()) {
      const a = performance.now();
      const d = await commitDraw(deps, actor, p.id, {
        panelSize: 7,
        ownerReps: 1,
        reserveCount: 2,
        requests: [
          { specialty: `专业${i % SPECIALTIES}`, count: 4 },
          { specialty: `专业${(i + 5) % SPECIALTIES}`, count: 2 },
        ],
        openAt,
      });
      await runPanelDraw(deps, actor, d.id);
      lat.push(performance.now() - a);
    }
    const drawSeconds = (performance.now() - start) / 1000;

    const board: number[] = [];
    for (let i = 0; i < BOARD_READS; i++) {
      const a = performance.now();
      const b = await getDepositBoard(
        deps,
        { ...actor, role: 'supervisor' },
        { view: 'overdue', limit: 100, offset: 0 },
      );
      board.push(performance.now() - a);
      if (i === 0)
        console.log(
          `board: ${b.overdueCount} overdue of ${DEPOSITS} deposits, oldest unrefunded ${b.oldestUnrefundedOn}`,
        );
    }
    console.log(
      `scale ${SCALE}: ${EXPERTS} experts, ${RELATIONS} relations, ${projects.length} projects × ${BIDDERS} bidders, ${DEPOSITS} deposits; loaded in ${loadSeconds.toFixed(1)} s`,
    );
    console.log(
      `draws: ${projects.length} in ${drawSeconds.toFixed(1)} s; p50 ${lat.sort((a, b) => a - b)[Math.floor(lat.length / 2)]!.toFixed(1)} ms`,
    );
    const result = {
      drawsPerSec: Math.round((projects.length / drawSeconds) * 10) / 10,
      drawP99Ms: Math.round(p99(lat) * 10) / 10,
      depositBoardP99Ms: Math.round(p99(board) * 10) / 10,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

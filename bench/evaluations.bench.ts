/**
 * `npm run bench:evaluations [-- --small]`: 好差评 under load (issue 17). On a fresh database of the
 * local PostgreSQL, the demo plus N earlier ratings (COPY-speed insert; full size 1,000,000, `--small`
 * 20,000), then CLIENTS concurrent pads (default 200) each rating visits over HTTP for SECONDS. pgbench's
 * TPC-B runs with the same client count on a scratch database of the same server; ratings/s is printed
 * as a ratio of its TPS. Then the figures endpoint (a department and the region) is timed over the N
 * ratings. Last line: RESULT {"ratingsRatio","submitP99Ms","figuresP99Ms"}.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_RATINGS,
 * BENCH_CLIENTS, BENCH_SECONDS (default 15), BENCH_FIGURE_CALLS (default 40).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CSRF_HEADER } from '../packages/contracts/src/auth';
import { buildApp } from '../apps/server/src/app';
import { seedDemo } from '../apps/server/src/demo/seed-demo';
import { loadNationalDays } from '../apps/server/src/modules/calendar';
import { registerPad } from '../apps/server/src/modules/evaluations/use-cases/register-pad';
import { orgService } from '../apps/server/src/modules/org';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/access';
import { systemClock } from '../apps/server/src/platform/clock';
import { loadConfig } from '../apps/server/src/platform/config';
import { openDatabase, sql } from '../apps/server/src/platform/db';
import { migrate } from '../apps/server/src/platform/migrate';

const small = process.argv.includes('--small');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const N = Number(process.env.BENCH_RATINGS ?? (small ? 20_000 : 1_000_000));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? (small ? 10 : 30));
const FIGURE_CALLS = Number(process.env.BENCH_FIGURE_CALLS ?? 40);

const dbUrl = (name: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};
async function admin(q: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}
const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function main() {
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const appDb = `tb_bench_eval_${stamp}`;
  const tpcbDb = `tb_bench_eval_tpcb_${stamp}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-eval-'));
  await admin(`create database ${appDb}`);
  const handle = await openDatabase({ url: dbUrl(appDb), dataDir });
  try {
    await migrate(handle.db);
    await loadNationalDays(handle.db);
    const config = loadConfig(
      { DATA_DIR: dataDir, RATE_LIMIT_SCALE: '1000', DATABASE_URL: dbUrl(appDb) },
      [],
    );
    const deps = { db: handle.db, dbKind: handle.kind, clock: systemClock, config };
    await seedDemo(deps);
    const windows = (await orgService.listWindows(deps, SYSTEM_ACTOR)).filter(
      (w) => w.regionCode === '350999',
    );
    const staff = await orgService.listStaff(deps, SYSTEM_ACTOR);
    const depts = await orgService.listDepartments(deps, SYSTEM_ACTOR);

    // N earlier ratings over the past year, spread over windows, staff and departments.
    const t0 = Date.now();
    await sql`
      insert into eval_rating (region_code, channel, visit_id, window_id, window_name, staff_id, staff_name,
        department_id, department_name, level, indicators, reason_category, real_name, created_at)
      select '350999', 'site', gen_random_uuid(), w.id, w.number, s.id, s.name, s.department_id, d.name,
        lvl, jsonb_build_object('overall', lvl), case when lvl <= 2 then 'other' end, false,
        now() - (i % 365) * interval '1 day' - (i % 480) * interval '1 minute'
      from generate_series(1, ${N}) i
      cross join lateral (select (array[5,5,5,5,4,4,4,3,2,1])[1 + (i % 10)] as lvl) l
      join lateral (select * from staff where window_id is not null order by id offset (i % ${staff.filter((s) => s.windowId).length}) limit 1) s on true
      join hall_window w on w.id = s.window_id
      join department d on d.id = s.department_id`.execute(handle.db);
    await sql`analyze eval_rating`.execute(handle.db);
    console.log(`${N} earlier ratings loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // CLIENTS pads, spread over the windows.
    const pads: { token: string; windowId: string; regionCode: string }[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const w = windows[i % windows.length]!;
      const r = await registerPad(deps, SYSTEM_ACTOR, { windowId: w.id, label: `压测评价器${i}` });
      pads.push({ token: r.token, windowId: w.id, regionCode: w.regionCode });
    }
    const app = await buildApp(deps);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });

    // Each pad: a visit opened (as hall does when a ticket ends), then the applicant's rating.
    const lat: number[] = [];
    let done = 0;
    let failed = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      pads.map(async (pad, i) => {
        let n = 0;
        while (Date.now() < until) {
          const visitId = crypto.randomUUID();
          await sql`insert into eval_visit (region_code, id, window_id, opened_at) values (${pad.regionCode}, ${visitId}, ${pad.windowId}, now())`.execute(
            handle.db,
          );
          const level = [5, 4, 5, 3, 4, 5, 2, 5, 4, 1][(i + n++) % 10]!;
          const s = performance.now();
          const res = await fetch(`${address}/api/public/evaluations/pads/${pad.token}/ratings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ visitId, level, reasonCategory: level <= 2 ? 'efficiency' : null }),
          });
          await res.arrayBuffer();
          lat.push(performance.now() - s);
          if (res.status === 201) done++;
          else failed++;
        }
      }),
    );
    const ratingsPerSecond = done / SECONDS;

    // pgbench with the same client count on the same server.
    await admin(`create database ${tpcbDb}`);
    const u = new URL(ADMIN_URL);
    const pgArgs = [
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username || 'postgres'),
    ];
    execFileSync('pgbench', [...pgArgs, '-i', '-q', tpcbDb], { stdio: 'ignore' });
    const out = execFileSync(
      'pgbench',
      [
        ...pgArgs,
        '-c',
        String(Math.min(CLIENTS, 50)),
        '-j',
        '2',
        '-T',
        String(Math.min(SECONDS, 10)),
        tpcbDb,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? NaN);

    // The figures endpoint over the N ratings, for a department and for the region.
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: 'Tongban@2026' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const market = depts.find((d) => d.name === '云溪县市场监督管理局')!.id;
    const month = new Date().toISOString().slice(0, 7);
    const figureLat: number[] = [];
    for (let i = 0; i < FIGURE_CALLS; i++) {
      const q =
        i % 2 === 0 ? `by=staff&from=${month}-01&departmentId=${market}` : `by=department&from=${month}-01`;
      const s = performance.now();
      const r = await fetch(`${address}/api/evaluations/figures?${q}`, {
        headers: { cookie, [CSRF_HEADER]: csrf },
      });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`figures: ${r.status}`);
      figureLat.push(performance.now() - s);
    }
    await app.close();
    const result = {
      ratingsRatio: Number((ratingsPerSecond / tps).toFixed(3)),
      submitP99Ms: Number(p(lat, 0.99).toFixed(1)),
      figuresP99Ms: Number(p(figureLat, 0.99).toFixed(1)),
    };
    console.log(
      `earlier ratings ${N}, pads ${CLIENTS}, ${SECONDS} s: ${done} ratings (${failed} refused), ${ratingsPerSecond.toFixed(1)}/s; ` +
        `pgbench ${tps.toFixed(1)} tps; submit p50 ${p(lat, 0.5).toFixed(1)} ms p99 ${result.submitP99Ms} ms; ` +
        `figures (this month, a department and the region) p50 ${p(figureLat, 0.5).toFixed(1)} ms p99 ${result.figuresP99Ms} ms`,
    );
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await handle.close();
    await admin(`drop database if exists ${appDb} with (force)`);
    await admin(`drop database if exists ${tpcbDb} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

/**
 * `npm run bench:evaluations [-- --small]`: 好差评 under load (issue 17). On a fresh database of the
 * local PostgreSQL, the demo plus N earlier ratings (COPY-speed insert; full size 1,000,000, `--small`
 * 20,000); a clerk signed in at every staffed window; CLIENTS pads (default 200) on those windows.
 * 1. Throughput: the pads rate visits over HTTP as fast as they are answered for SECONDS; pgbench's
 *    TPC-B runs afterwards with up to 50 clients on a scratch database of the same server;
 *    ratingsRatio is ratings/s over its TPS. The compiled server runs in its own process with a pool
 *    of DB_POOL_MAX (default here 20) connections.
 * 2. Latency: the same pads send ratings at half that throughput, with random arrivals, for
 *    PACED_WARMUP_SECONDS (default 2, not timed: the server settles from the saturated loop, whose
 *    backlog of garbage V8 collects as the load drops) and then PACED_SECONDS; submitP99Ms is timed
 *    from when each rating was due. (In the saturated loop every answer waits behind the other 199
 *    pads: its latency is CLIENTS / throughput, printed too.)
 * Then the figures endpoint (a department and the region) is timed over the N ratings.
 * Last line: RESULT {"ratingsRatio","submitP99Ms","figuresP99Ms"}.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_RATINGS,
 * BENCH_CLIENTS, BENCH_SECONDS (default 30, `--small` 10), BENCH_PACED_SECONDS (default 20, `--small`
 * 10), BENCH_PACED_WARMUP_SECONDS (default 2), BENCH_FIGURE_CALLS (default 40).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgbenchConnection } from './lib/pgbench';
import { KeepAliveConnection } from './lib/keepalive-client';
import { CSRF_HEADER } from '../packages/contracts/src/auth';
import { seedDemo } from '../apps/server/src/demo/seed-demo';
import { loadNationalDays } from '../apps/server/src/modules/calendar';
import { rebuildRatingDays } from '../apps/server/src/modules/evaluations';
import { registerPad } from '../apps/server/src/modules/evaluations/use-cases/register-pad';
import { orgService } from '../apps/server/src/modules/org';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/access';
import { systemClock } from '../apps/server/src/platform/clock';
import { loadConfig } from '../apps/server/src/platform/config';
import { uuidv7 } from '../apps/server/src/platform/crypto';
import { openDatabase, sql } from '../apps/server/src/platform/db';
import { migrate } from '../apps/server/src/platform/migrate';

const small = process.argv.includes('--small');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const N = Number(process.env.BENCH_RATINGS ?? (small ? 20_000 : 1_000_000));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? (small ? 10 : 30));
const FIGURE_CALLS = Number(process.env.BENCH_FIGURE_CALLS ?? 40);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? (small ? 10 : 20));
const PACED_WARMUP_SECONDS = Number(process.env.BENCH_PACED_WARMUP_SECONDS ?? 2);
/** Visits opened ahead per pad: more than a pad rates in both timed loops. */
const VISITS_PER_PAD = Number(process.env.BENCH_VISITS_PER_PAD ?? (small ? 100 : 400));

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

/** pgbench's client count. */
const PGBENCH_CLIENTS = Math.min(CLIENTS, 50);
/** The server's pool (DB_POOL_MAX; the server's default is twice the cores). */
const POOL = Number(process.env.DB_POOL_MAX ?? 20);
const ROOT = path.resolve(import.meta.dirname, '..');
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

async function main() {
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const appDb = `tb_bench_eval_${stamp}`;
  const tpcbDb = `tb_bench_eval_tpcb_${stamp}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-eval-'));
  await admin(`create database ${appDb}`);
  const handle = await openDatabase({ url: dbUrl(appDb), dataDir });
  let closed = false;
  let server: ChildProcess | undefined;
  const stopServer = () =>
    new Promise<void>((r) => {
      const c = server;
      if (!c || c.exitCode !== null) return r();
      c.once('exit', () => r());
      c.kill('SIGTERM');
    });
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
    // Loaded in bulk, past the submit that keeps the figures' rollup: count it as the migration does.
    await rebuildRatingDays(handle.db);
    // Earlier ratings are months old on a working server: vacuumed, analysed and checkpointed long
    // ago. Without this the autovacuum of the million fresh rows and the checkpoint of their WAL
    // run inside the timed loops, and measure the bulk load rather than the submit (checkpoint below).
    await sql`vacuum (analyze) eval_rating`.execute(handle.db);
    await sql`vacuum (analyze) eval_rating_day`.execute(handle.db);
    console.log(`${N} earlier ratings loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // A clerk signed in (hall presence) at every window that has staff: the pads show and rate them.
    const staffed = windows.flatMap((w) => {
      const s = staff.find((x) => x.windowId === w.id);
      return s ? [{ w, s }] : [];
    });
    await sql`update hall_presence set signed_out_at = now() where signed_out_at is null`.execute(handle.db);
    for (const { w, s } of staffed)
      await sql`insert into hall_presence (region_code, hall_id, window_id, staff_id, signed_in_at)
        values (${w.regionCode}, ${w.hallId}, ${w.id}, ${s.id}, now())`.execute(handle.db);

    // CLIENTS pads, spread over the staffed windows, each with visits opened ahead (as hall opens one
    // when a ticket ends), so the timed loops send ratings only.
    const pads: { token: string; windowId: string; regionCode: string; visits: string[] }[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const { w, s } = staffed[i % staffed.length]!;
      const r = await registerPad(deps, SYSTEM_ACTOR, { windowId: w.id, label: `压测评价器${i}` });
      // Ids as hall gives them (time-ordered, platform/crypto.ts uuidv7).
      const ids = Array.from({ length: VISITS_PER_PAD }, () => uuidv7());
      const visits = await sql<{ id: string }>`
        insert into eval_visit (id, region_code, window_id, staff_id, opened_at)
        select i::uuid, ${w.regionCode}, ${w.id}, ${s.id}, now() from unnest(${`{${ids.join(',')}}`}::text[]) i
        returning id`.execute(handle.db);
      pads.push({
        token: r.token,
        windowId: w.id,
        regionCode: w.regionCode,
        visits: visits.rows.map((v) => v.id),
      });
    }
    // Everything set up so far (the pads, the visits opened ahead) written out before measuring:
    // the setup's own writes are not the submit's to pay for.
    await sql`checkpoint`.execute(handle.db);
    // The compiled server in its own process (as deployed), on this database and data directory (its
    // secrets, so the pads' tokens are known), without the demo seeder and with request logs off.
    execFileSync(process.execPath, ['apps/server/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    const port = await freePort();
    const address = `http://127.0.0.1:${port}`;
    // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p") profiles the server.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    server = spawn(process.execPath, [...nodeArgs, 'apps/server/dist/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl(appDb),
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        TONGBAN_NO_DEMO: '1',
        RATE_LIMIT_SCALE: '1000',
        DB_POOL_MAX: String(POOL),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (const t0 = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
      if (Date.now() - t0 > 240_000) throw new Error('server did not start');
      if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}`);
      if (
        await fetch(`${address}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
    }

    let n = 0;
    let failed = 0;
    const connections: Record<string, KeepAliveConnection> = {};
    const rate = async (pad: (typeof pads)[number]): Promise<boolean> => {
      const visitId = pad.visits.pop();
      if (!visitId) return false;
      const level = [5, 4, 5, 3, 4, 5, 2, 5, 4, 1][n++ % 10]!;
      // One lean keep-alive connection per pad (lib/keepalive-client.ts): with 200 pads, fetch's
      // own work took a large share of the two cores the server and PostgreSQL run on.
      const conn = (connections[pad.token] ??= new KeepAliveConnection('127.0.0.1', port));
      const res = await conn.post(
        `/api/public/evaluations/pads/${pad.token}/ratings`,
        JSON.stringify({ visitId, level, reasonCategory: level <= 2 ? 'efficiency' : null }),
        {},
      );
      if (res.status !== 201) failed++;
      return res.status === 201;
    };

    // 1. Throughput: every pad sends its next rating as soon as the last one is answered (closed
    // loop, the server saturated). Latency here is queueing (Little's law: CLIENTS / throughput).
    const satLat: number[] = [];
    let done = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      pads.map(async (pad) => {
        while (Date.now() < until) {
          const s = performance.now();
          if (pad.visits.length === 0) throw new Error('a pad ran out of visits: raise BENCH_VISITS_PER_PAD');
          const ok = await rate(pad);
          satLat.push(performance.now() - s);
          if (ok) done++;
        }
      }),
    );
    const ratingsPerSecond = done / SECONDS;

    // 2. Submit latency under load: the CLIENTS pads together send ratings at half the throughput
    // just measured (random arrivals), each timed from when it was due, so a slow answer that delays
    // the next send still counts against it.
    const paced = Math.max(1, ratingsPerSecond * 0.5);
    const lat: number[] = [];
    // The bench's own process frozen (its event loop late by more than 20 ms): on this VM the whole
    // machine sometimes stops for 30–250 ms, the server and the bench at the same instant. Such a
    // stall is counted in submitP99Ms like any other delay; the ratings that overlap one are counted
    // and their p99 left out in a line of its own, so a reader can tell the two apart.
    const stalls: { from: number; to: number }[] = [];
    const spans: { due: number; end: number }[] = [];
    let tick = performance.now();
    const monitor = setInterval(() => {
      const now = performance.now();
      if (now - tick - 5 > 20) stalls.push({ from: tick + 5, to: now });
      tick = now;
    }, 5);
    // The paced arrivals start PACED_WARMUP_SECONDS before the timed window; ratings due earlier are
    // sent (the load is the same) but not timed.
    const timedFrom = performance.now() + PACED_WARMUP_SECONDS * 1000;
    const pacedUntil = timedFrom + PACED_SECONDS * 1000;
    const pacedStartedAt = new Date(Date.now() + PACED_WARMUP_SECONDS * 1000).toISOString();
    await Promise.all(
      pads.map(async (pad) => {
        let due = performance.now() + Math.random() * (CLIENTS / paced) * 1000;
        while (due < pacedUntil) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (pad.visits.length === 0) throw new Error('a pad ran out of visits: raise BENCH_VISITS_PER_PAD');
          await rate(pad);
          const end = performance.now();
          if (due >= timedFrom) {
            lat.push(end - due);
            spans.push({ due, end });
          }
          due += -Math.log(1 - Math.random()) * (CLIENTS / paced) * 1000;
        }
      }),
    );
    clearInterval(monitor);
    const clear = spans
      .filter((r) => !stalls.some((st) => r.due < st.to && r.end > st.from))
      .map((r) => r.end - r.due);
    const stalled = spans.length - clear.length;
    // Where the slow answers fall: in bursts (a stall somewhere) or spread out (queueing).
    const pacedFrom = Math.min(...spans.map((r) => r.due));
    const slowBySecond = new Map<number, number>();
    for (const r of spans)
      if (r.end - r.due > 50) {
        const sec = Math.floor((r.due - pacedFrom) / 1000);
        slowBySecond.set(sec, (slowBySecond.get(sec) ?? 0) + 1);
      }

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
    // The server and the setup pool let go of their connections before pgbench takes its own.
    for (const c of Object.values(connections)) c.close();
    await stopServer();
    await handle.close();
    closed = true;

    // pgbench on the same server.
    await admin(`create database ${tpcbDb}`);
    const { args: pgArgs, env: pgEnv } = pgbenchConnection(ADMIN_URL);
    execFileSync('pgbench', [...pgArgs, '-i', '-q', tpcbDb], { env: pgEnv, stdio: 'ignore' });
    const out = execFileSync(
      'pgbench',
      [...pgArgs, '-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(Math.min(SECONDS, 10)), tpcbDb],
      { env: pgEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? NaN);

    const result = {
      ratingsRatio: Number((ratingsPerSecond / tps).toFixed(3)),
      submitP99Ms: Number(p(lat, 0.99).toFixed(1)),
      figuresP99Ms: Number(p(figureLat, 0.99).toFixed(1)),
    };
    console.log(
      `earlier ratings ${N}, pads ${CLIENTS}, ${SECONDS} s saturated: ${done} ratings (${failed} refused in all), ` +
        `${ratingsPerSecond.toFixed(1)}/s (queueing p50 ${p(satLat, 0.5).toFixed(1)} ms p99 ${p(satLat, 0.99).toFixed(1)} ms); ` +
        `pgbench ${tps.toFixed(1)} tps; at ${paced.toFixed(0)}/s for ${PACED_SECONDS} s (after ${PACED_WARMUP_SECONDS} s not timed): ${lat.length} ratings, submit p50 ${p(lat, 0.5).toFixed(1)} ms p99 ${result.submitP99Ms} ms; ` +
        `figures (this month, a department and the region) p50 ${p(figureLat, 0.5).toFixed(1)} ms p99 ${result.figuresP99Ms} ms`,
    );
    console.log(
      `the bench's own process stalled ${stalls.length} times (longest ${Math.max(0, ...stalls.map((st) => st.to - st.from)).toFixed(0)} ms) ` +
        `during the paced ratings; ${stalled} ratings overlapped a stall; without them submit p99 ${p(clear, 0.99).toFixed(1)} ms`,
    );
    console.log(
      `ratings answered after more than 50 ms, by second of the paced phase (from ${pacedStartedAt}): ${
        [...slowBySecond]
          .sort((x, y) => x[0] - y[0])
          .map(([sec, n]) => `${sec}s ${n}`)
          .join(', ') || 'none'
      }`,
    );
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await stopServer();
    if (!closed) await handle.close();
    await admin(`drop database if exists ${appDb} with (force)`);
    await admin(`drop database if exists ${tpcbDb} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

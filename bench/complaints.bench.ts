/**
 * `npm run bench:complaints` (issue 18): concurrent HTTP clients drive full work-order cycles —
 * intake → dispatch → 退单 on every 4th → 改派 → reply → callback → close — against the server
 * running as its own process on the local PostgreSQL. Two databases, each with its own server: the
 * demo database ("empty") and the demo with N earlier complaints loaded in bulk (BENCH_COMPLAINTS,
 * default 1,000,000; `--small` = 20,000). The two sides and pgbench TPC-B take turns in rounds
 * (BENCH_ROUNDS, default 4; the order alternates), so the machine's drift and other load fall on
 * all three alike and the history's cost is a comparison made in the same minutes. transitions/s
 * with the history is printed as a ratio of pgbench's TPS.
 * Prints `RESULT {"cyclesPerSec","cyclesPerSecEmpty","ratio","p99Ms"}` last.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_CLIENTS (8),
 * BENCH_SECONDS (per side in all, 20), BENCH_PGBENCH_SECONDS (in all, 10), BENCH_WARMUP_SECONDS (5).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgbenchConnection } from './lib/pgbench';
import { KeepAliveConnection } from './lib/keepalive-client';
import { CSRF_HEADER, SESSION_COOKIE } from '../packages/contracts/src/auth';

const SMALL = process.argv.includes('--small');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? (SMALL ? 4 : 8));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMALL ? 8 : 20));
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? (SMALL ? 4 : 10));
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? (SMALL ? 3 : 5));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMALL ? 2 : 4));
const HISTORY = Number(process.env.BENCH_COMPLAINTS ?? (SMALL ? 20_000 : 1_000_000));
const PASSWORD = 'Tongban@2026';
const ROOT = path.resolve(import.meta.dirname, '..');
const REGION = '350999';

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const dbUrl = (name: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

type Session = { cookie: string; csrf: string };

async function main() {
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const emptyDb = `tb_bench_cpl_empty_${stamp}`;
  const fullDb = `tb_bench_cpl_full_${stamp}`;
  const tpcbDb = `tb_bench_cpl_tpcb_${stamp}`;
  const dataDirs: string[] = [];
  const servers: ChildProcess[] = [];
  execFileSync(process.execPath, ['apps/server/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

  /** A server on its own database and port, started and seeded with the demo. */
  const start = async (dbName: string) => {
    await admin(ADMIN_URL, (c) => c.query(`create database ${dbName}`));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-cpl-'));
    dataDirs.push(dataDir);
    // BENCH_SERVER_ARGS: extra node flags for the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
    const extra = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...extra, 'apps/server/dist/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl(dbName),
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    servers.push(child);
    const t0 = Date.now();
    for (;;) {
      if (Date.now() - t0 > 300_000) throw new Error('server did not start within 300 s');
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return { dbName, port, base };
  };
  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  /** Our clients against one server: sessions, departments, one full cycle, a timed run. */
  const side = async (srv: { dbName: string; port: number; base: string }) => {
    const signIn = async (username: string): Promise<Session> => {
      const r = await fetch(`${srv.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (!r.ok) throw new Error(`sign-in ${username}: ${r.status}`);
      const cookie = (r.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '').split(
        ';',
      )[0]!;
      return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
    };
    const [clerk, sup, head, clerk2, leader] = [
      await signIn('clerk'),
      await signIn('supervisor'),
      await signIn('depthead'),
      await signIn('clerk2'),
      await signIn('leader'),
    ];
    const depts = await admin(dbUrl(srv.dbName), (c) =>
      c.query<{ id: string; short_name: string }>(
        'select id, short_name from department where region_code = $1',
        [REGION],
      ),
    );
    const market = depts.rows.find((d) => d.short_name === '市场监管')!.id;
    const health = depts.rows.find((d) => d.short_name === '卫健')!.id;

    const latencies: number[] = [];
    let transitions = 0;
    let errors = 0;
    const post = async (conn: KeepAliveConnection, s: Session, url: string, body: unknown) => {
      const t0 = performance.now();
      const r = await conn.post(url, JSON.stringify(body), { cookie: s.cookie, [CSRF_HEADER]: s.csrf });
      latencies.push(performance.now() - t0);
      const json = JSON.parse(r.text) as { id: string; version: number; message?: string };
      if (r.status >= 300) {
        errors++;
        throw new Error(`${url}: ${r.status} ${json.message ?? ''}`);
      }
      transitions++;
      return json;
    };
    let n = 0;
    const cycle = async (conn: KeepAliveConnection) => {
      const k = n++;
      const c = await post(conn, clerk, '/api/complaints', {
        source: 'window',
        type: 'complain',
        title: `压测工单 ${k}`,
        content: '窗口等候时间过长',
        complainantName: '压测',
        phone: '13800000000',
      });
      const at = (verb: string) => `/api/complaints/${c.id}/${verb}`;
      let v = (await post(conn, sup, at('dispatch'), { version: 0, leadDepartmentId: market })).version;
      let holder = head;
      if (k % 4 === 0) {
        v = (await post(conn, head, at('return'), { version: v, reason: '不属于本部门' })).version;
        v = (
          await post(conn, sup, at('decide-return'), {
            version: v,
            accept: true,
            leadDepartmentId: health,
            note: '改派',
          })
        ).version;
        holder = clerk2;
      }
      v = (await post(conn, holder, at('reply'), { version: v, text: '已处理' })).version;
      v = (await post(conn, leader, at('callback'), { version: v, result: 'satisfied', note: '满意' }))
        .version;
      await post(conn, leader, at('close'), { version: v });
    };
    // Connections are opened for each run: a server closes those idle past its keep-alive timeout,
    // as they are while the other side and pgbench take their turns.
    const totals = { cycles: 0, transitions: 0, seconds: 0, errors: 0, latencies: [] as number[] };
    const run = async (seconds: number, measured: boolean) => {
      const conns = Array.from({ length: CLIENTS }, () => new KeepAliveConnection('127.0.0.1', srv.port));
      latencies.length = 0;
      transitions = 0;
      errors = 0;
      let cycles = 0;
      const deadline = Date.now() + seconds * 1000;
      const t0 = performance.now();
      try {
        await Promise.all(
          conns.map(async (conn) => {
            while (Date.now() < deadline) {
              await cycle(conn);
              cycles++;
            }
          }),
        );
      } finally {
        for (const c of conns) c.close();
      }
      const s = (performance.now() - t0) / 1000;
      if (measured) {
        totals.cycles += cycles;
        totals.transitions += transitions;
        totals.seconds += s;
        totals.errors += errors;
        totals.latencies.push(...latencies);
      }
      return { cyclesPerSec: cycles / s, transitionsPerSec: transitions / s };
    };
    const result = () => {
      const sorted = [...totals.latencies].sort((a, b) => a - b);
      return {
        cyclesPerSec: totals.cycles / totals.seconds,
        transitionsPerSec: totals.transitions / totals.seconds,
        p99: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? NaN,
        errors: totals.errors,
      };
    };
    return { run, result };
  };

  try {
    const [emptySrv, fullSrv] = [await start(emptyDb), await start(fullDb)];
    // N earlier complaints in the second database, loaded in bulk (closed ones spread over two
    // years, like a real history).
    const t0 = Date.now();
    await admin(dbUrl(fullDb), async (c) => {
      const market = (
        await c.query<{ id: string }>(
          `select id from department where region_code = $1 and short_name = '市场监管'`,
          [REGION],
        )
      ).rows[0]!.id;
      await c.query(
        `insert into complaint (region_code, order_no, source, type, title, content, anonymous, subject_kind,
           status, lead_department_id, received_at, due_date, reply_text, replied_at, callback_result,
           callback_at, closed_at, updated_at, created_at)
         select $1, 'HX' || lpad(i::text, 8, '0'), (array['hotline_12345','window','online','comment_book'])[1 + i % 4],
           (array['consult','help','suggest','complain','report','praise'])[1 + i % 6], '历史工单', '历史诉求内容', true, 'none',
           'closed', $2::uuid, now() - (i % 730) * interval '1 day', (now() - (i % 730) * interval '1 day' + interval '14 day')::date,
           '已答复', now() - (i % 730) * interval '1 day', 'satisfied', now() - (i % 730) * interval '1 day',
           now() - (i % 730) * interval '1 day' + interval '5 day', now(), now()
         from generate_series(1, $3::int) i`,
        [REGION, market, HISTORY],
      );
      await c.query('analyze complaint');
    });
    console.log(`loaded ${HISTORY} earlier complaints in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    await admin(ADMIN_URL, (c) => c.query(`create database ${tpcbDb}`));
    const { args: pgArgs, env: pgEnv } = pgbenchConnection(ADMIN_URL);
    execFileSync('pgbench', [...pgArgs, '-i', '-q', tpcbDb], { env: pgEnv, stdio: 'ignore' });
    let tpcbTx = 0;
    let tpcbSeconds = 0;
    const pgbench = (seconds: number) => {
      const out = execFileSync(
        'pgbench',
        [...pgArgs, '-c', String(CLIENTS), '-j', '2', '-T', String(seconds), tpcbDb],
        { env: pgEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? NaN);
      tpcbTx += tps * seconds;
      tpcbSeconds += seconds;
      return tps;
    };

    const empty = await side(emptySrv);
    const full = await side(fullSrv);
    await empty.run(WARMUP, false);
    await full.run(WARMUP, false);
    const per = SECONDS / ROUNDS;
    // pgbench takes whole seconds.
    const perPg = Math.max(1, Math.round(PGBENCH_SECONDS / ROUNDS));
    console.log(
      `${ROUNDS} rounds of: ${CLIENTS} clients × ${per.toFixed(1)} s on the empty database and on the one with ${HISTORY} earlier complaints, and pgbench TPC-B ${perPg} s (order alternating)`,
    );
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['empty', 'full'] as const) : (['full', 'empty'] as const);
      const got: Record<string, number> = {};
      for (const which of order)
        got[which] = (await (which === 'empty' ? empty : full).run(per, true)).cyclesPerSec;
      const tps = pgbench(perPg);
      console.log(
        `  round ${r + 1}: empty ${got.empty!.toFixed(1)} cycles/s, with history ${got.full!.toFixed(1)} cycles/s, pgbench ${tps.toFixed(1)} tps`,
      );
    }
    const e = empty.result();
    const f = full.result();
    const tps = tpcbTx / tpcbSeconds;
    const ratio = f.transitionsPerSec / tps;
    console.log(
      `empty database: ${e.cyclesPerSec.toFixed(1)} cycles/s, ${e.transitionsPerSec.toFixed(1)} transitions/s, p99 ${e.p99.toFixed(1)} ms, errors ${e.errors}`,
    );
    console.log(
      `${HISTORY} earlier: ${f.cyclesPerSec.toFixed(1)} cycles/s, ${f.transitionsPerSec.toFixed(1)} transitions/s, p99 ${f.p99.toFixed(1)} ms, errors ${f.errors}`,
    );
    console.log(
      `pgbench TPC-B ${CLIENTS} clients: ${tps.toFixed(1)} tps; ratio ${ratio.toFixed(2)} (target ≥ 0.4); history cost ${((1 - f.cyclesPerSec / e.cyclesPerSec) * 100).toFixed(0)}% (target ≤ 20%)`,
    );
    const r1 = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    console.log(
      `RESULT ${JSON.stringify({ cyclesPerSec: r1(f.cyclesPerSec), cyclesPerSecEmpty: r1(e.cyclesPerSec), ratio: r1(ratio, 2), p99Ms: r1(f.p99), history: HISTORY, clients: CLIENTS })}`,
    );
  } finally {
    for (const s of servers) await stop(s);
    await admin(ADMIN_URL, async (c) => {
      for (const d of [emptyDb, fullDb, tpcbDb]) await c.query(`drop database if exists ${d} with (force)`);
    });
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  }
}

await main();

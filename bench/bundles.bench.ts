/**
 * `npm run bench:bundles` (issue 20): concurrent clients drive 一件事 bundles of five branches in five
 * departments over HTTP, from one intake at the comprehensive window to the one delivery, against the
 * server running as its own process on the local PostgreSQL. The five branches of each bundle are
 * advanced concurrently, each by its own department's approvers (one reviews, another decides:
 * SOD-1), so the last branches of a bundle race for the join. pgbench's TPC-B runs on a scratch
 * database of the same server with the same client count, taking turns with our clients (rounds),
 * and our transitions/s is printed as a ratio of its TPS. A transition is counted as bench:cases
 * counts one: one case moved one step (its audit entry). A bundle's intake files and accepts every
 * branch (2 transitions per branch) and its delivery prepares and hands over every branch (2 per
 * branch), so a bundle of five makes 30 case transitions in 12 state-changing requests; both the
 * transitions (counted from the audit log, round by round) and the requests are printed.
 *
 * Printed: bundles/s, transitions/s, the ratio, p50/p99 latency of the state-changing requests,
 * deadlocks (PostgreSQL's own count for the app's database, plus any request refused for one) and
 * lost joins (BUN-1: every bundle whose branches all concluded is concluded exactly once — a bundle
 * left open with every branch concluded, or concluded twice, counts; so does a bundle whose delivery
 * was refused as not concluded). Last line: `RESULT {…}`.
 *
 * `--small`: a short run (< 1 min) for a quick check. BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) is the admin connection; fresh databases are created
 * and dropped. BENCH_CLIENTS (default 8), BENCH_SECONDS (ours in all, default 20),
 * BENCH_PGBENCH_SECONDS (default 10), BENCH_ROUNDS (default 5), BENCH_WARMUP_SECONDS (default 8),
 * BENCH_NODE_ARGS (the server's node options, e.g. a CPU profile).
 * Targets (issue 20): ratio ≥ 0.4, p99 ≤ 100 ms, deadlocks 0, lost joins 0.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgbenchConnection } from './lib/pgbench';
import { KeepAliveConnection } from './lib/keepalive-client';
import { CSRF_HEADER, SESSION_COOKIE } from '../packages/contracts/src/auth';
import { DEMO_CASES } from '../apps/server/src/demo/seed-cases-demo';

const SMALL = process.argv.includes('--small');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? (SMALL ? 4 : 8));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMALL ? 6 : 20));
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? (SMALL ? 3 : 10));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? (SMALL ? 2 : 5)));
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? (SMALL ? 3 : 8));
const PASSWORD = 'Tongban@2026';
const REGION = '350999';
const ROOT = path.resolve(import.meta.dirname, '..');

/** The five branches: one item of each department, its reviewer and its decider (SOD-1). */
const BRANCHES = [
  { item: '食品经营许可', reviewer: 'approver', decider: 'approver2' },
  { item: '公共场所卫生许可', reviewer: 'approver_health', decider: 'approver_health2' },
  { item: '城市建筑垃圾处置核准', reviewer: 'approver_housing', decider: 'approver_housing2' },
  {
    item: '建设项目用地预审与选址意见书核发',
    reviewer: 'approver_resources',
    decider: 'approver_resources2',
  },
  { item: '社会团体成立登记', reviewer: 'approver_civil', decider: 'approver_civil2' },
] as const;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function dbUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

type Session = { cookie: string; csrf: string };

async function main() {
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const appDb = `tb_bench_bundles_${stamp}`;
  const tpcbDb = `tb_bench_btpcb_${stamp}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-bundles-'));
  await withClient(ADMIN_URL, (c) => c.query(`create database ${appDb}`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  execFileSync(process.execPath, ['apps/server/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p") profiles the server, as in bench:cases.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const startServer = async () => {
    const child = spawn(process.execPath, [...nodeArgs, 'apps/server/dist/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl(appDb),
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const started = Date.now();
    for (;;) {
      if (Date.now() - started > 180_000) throw new Error('server did not start within 180 s');
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return { child, seconds: (Date.now() - started) / 1000 };
  };
  const stopServer = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  let server: ChildProcess | undefined;
  const cleanup = async () => {
    if (server) await stopServer(server);
    await withClient(ADMIN_URL, async (c) => {
      await c.query(`drop database if exists ${appDb} with (force)`);
      await c.query(`drop database if exists ${tpcbDb} with (force)`);
    });
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    // First start: migrations and the demo, as on a new installation; the measured server is the
    // second start on that database.
    const first = await startServer();
    console.log(`first start with migrations and demo data: ${first.seconds.toFixed(1)} s`);
    await stopServer(first.child);
    const second = await startServer();
    server = second.child;
    console.log(`server up in ${second.seconds.toFixed(1)} s (pid ${server.pid})`);

    const signIn = async (username: string): Promise<Session> => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (!r.ok) throw new Error(`sign-in ${username}: ${r.status}`);
      const cookie = (r.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '').split(
        ';',
      )[0]!;
      const body = (await r.json()) as { csrfToken: string };
      return { cookie, csrf: body.csrfToken };
    };
    const sessions = new Map<string, Session>();
    for (const u of ['admin', 'clerk', ...BRANCHES.flatMap((b) => [b.reviewer, b.decider])])
      sessions.set(u, await signIn(u));
    const as = (u: string) => sessions.get(u)!;

    const latencies: number[] = [];
    const byKind = new Map<string, number[]>();
    let transitions = 0;
    let errors = 0;
    let deadlockErrors = 0;
    let notConcludedAtDelivery = 0;
    const firstErrors: string[] = [];
    const connections: KeepAliveConnection[] = [];
    const connect = () => {
      const c = new KeepAliveConnection('127.0.0.1', port);
      connections.push(c);
      return c;
    };
    type Reply = { status: number; json: Record<string, unknown> };
    const request = async (
      conn: KeepAliveConnection,
      s: Session,
      method: 'GET' | 'POST',
      url: string,
      body?: unknown,
    ): Promise<Reply> => {
      const headers = { cookie: s.cookie, [CSRF_HEADER]: s.csrf };
      const r =
        method === 'POST'
          ? await conn.post(url, JSON.stringify(body), headers)
          : await conn.get(url, headers);
      return { status: r.status, json: JSON.parse(r.text) as Record<string, unknown> };
    };
    /** A state-changing request: timed and counted as a transition when it succeeds. */
    const post = async (conn: KeepAliveConnection, s: Session, url: string, body: unknown) => {
      const t0 = performance.now();
      const r = await request(conn, s, 'POST', url, body);
      const ms = performance.now() - t0;
      latencies.push(ms);
      const kind = url.replace(/[0-9a-f-]{36}/g, ':id');
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      if (r.status >= 300) {
        errors++;
        const text = `${url.replace(/[0-9a-f-]{36}/g, ':id')}: ${r.status} ${String(r.json.code ?? '')} ${String(r.json.message ?? '')}`;
        if (/deadlock|死锁/i.test(text)) deadlockErrors++;
        if (r.json.code === 'BUNDLE_NOT_CONCLUDED') notConcludedAtDelivery++;
        if (firstErrors.length < 5) firstErrors.push(text);
        throw new Error(text);
      }
      transitions++;
      return r.json;
    };

    // The bench's theme: five published items of five departments, defined and published by admin.
    const items = await withClient(dbUrl(appDb), async (c) => {
      const rows = await c.query<{ item_id: string; name: string }>(
        `select item_id, name from catalog_item_version where region_code = $1 and status = 'published'`,
        [REGION],
      );
      return new Map(rows.rows.map((r) => [r.name, r.item_id] as const));
    });
    const setup = connect();
    const draft = await post(setup, as('admin'), '/api/bundles/definitions', {
      code: `BENCH5_${Date.now().toString(36)}`,
      name: '基准测试：五部门并联一件事',
      items: BRANCHES.map((b) => {
        const id = items.get(b.item);
        if (!id) throw new Error(`the demo catalog has no published item ${b.item}`);
        return { itemId: id };
      }),
    });
    const def = (await post(
      setup,
      as('admin'),
      `/api/bundles/definitions/${String(draft.versionId)}/publish`,
      {},
    )) as {
      id: string;
      materials: { name: string }[];
    };
    const materials = def.materials.map((m) => ({ name: m.name, status: 'provided' }));

    // One bundle from intake to delivery: the five branches advanced at once, each by its own
    // department's reviewer then decider; the clerk delivers once every branch has concluded.
    const runBundle = async (conns: KeepAliveConnection[]) => {
      const [front, ...desks] = conns;
      const made = await post(front!, as('clerk'), '/api/bundles', {
        definitionId: def.id,
        applicantId: DEMO_CASES.enterpriseApplicantId,
        formValues: {},
        materials,
        accept: true,
      });
      const detail = await request(front!, as('clerk'), 'GET', `/api/bundles/${String(made.bundleId)}`);
      const branches = detail.json.branches as { caseId: string; itemName: string }[];
      await Promise.all(
        branches.map(async (br, k) => {
          const who = BRANCHES.find((b) => b.item === br.itemName)!;
          const conn = desks[k]!;
          const current = await request(conn, as(who.reviewer), 'GET', `/api/cases/${br.caseId}`);
          let v = current.json.version as number;
          v = (
            (await post(conn, as(who.reviewer), `/api/cases/${br.caseId}/complete-step`, {
              version: v,
              opinion: '材料齐全，符合要求',
            })) as { version: number }
          ).version;
          await post(conn, as(who.decider), `/api/cases/${br.caseId}/decide`, {
            version: v,
            outcome: 'grant',
            reason: '',
            legalBasis: '',
            opinion: '准予',
          });
        }),
      );
      const after = await request(front!, as('clerk'), 'GET', `/api/bundles/${String(made.bundleId)}`);
      await post(front!, as('clerk'), `/api/bundles/${String(made.bundleId)}/deliver`, {
        version: after.json.version,
        method: 'window',
        receivedBy: '经营者本人',
      });
    };

    const clients = Array.from({ length: CLIENTS }, () => Array.from({ length: 6 }, () => connect()));
    let bundles = 0;
    const loop = (deadline: number, each: () => void = () => {}) =>
      Promise.all(
        clients.map(async (conns) => {
          while (Date.now() < deadline) {
            try {
              await runBundle(conns);
              each();
            } catch {
              /* counted in errors; the next bundle starts */
            }
          }
        }),
      );
    await loop(Date.now() + WARMUP * 1000);
    latencies.length = 0;
    byKind.clear();
    transitions = 0;
    errors = 0;
    const deadlocksBefore = await withClient(dbUrl(appDb), async (c) =>
      Number(
        (await c.query(`select deadlocks from pg_stat_database where datname = $1`, [appDb])).rows[0]!
          .deadlocks,
      ),
    );

    await withClient(ADMIN_URL, (c) => c.query(`create database ${tpcbDb}`));
    const { args: pgArgs, env: pgEnv } = pgbenchConnection(ADMIN_URL);
    execFileSync('pgbench', [...pgArgs, '-i', '-q', tpcbDb], { env: pgEnv, stdio: 'ignore' });
    const pgbench = (seconds: number) => {
      const out = execFileSync(
        'pgbench',
        [...pgArgs, '-c', String(CLIENTS), '-j', String(Math.min(CLIENTS, 2)), '-T', String(seconds), tpcbDb],
        { env: pgEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? NaN);
      const count = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? NaN);
      return { tps, seconds: count / tps };
    };
    if (WARMUP > 0) pgbench(Math.max(1, Math.round(WARMUP / 2)));
    const ourSeconds = SECONDS / ROUNDS;
    const pgbenchSeconds = Math.max(1, Math.round(PGBENCH_SECONDS / ROUNDS));
    console.log(
      `${ROUNDS} rounds of: ${CLIENTS} clients × ${ourSeconds} s looping bundles of ${BRANCHES.length} branches (intake, 2 × ${BRANCHES.length} branch transitions, delivery), then pgbench TPC-B ${CLIENTS} clients × ${pgbenchSeconds} s …`,
    );
    let elapsed = 0;
    let pgbenchTransactions = 0;
    let pgbenchElapsed = 0;
    // Case transitions recorded: one audit entry each (bench:cases' unit). A round's bundles all
    // finish inside it (the loop starts no bundle after the deadline and waits for those running).
    const caseEntries = () =>
      withClient(dbUrl(appDb), async (c) =>
        Number(
          (await c.query(`select count(*)::int as n from audit_log where entity_type = 'case'`)).rows[0]!.n,
        ),
      );
    let caseTransitions = 0;
    for (let r = 1; r <= ROUNDS; r++) {
      const before = transitions;
      const entriesBefore = await caseEntries();
      const t0 = performance.now();
      await loop(Date.now() + ourSeconds * 1000, () => bundles++);
      const seconds = (performance.now() - t0) / 1000;
      elapsed += seconds;
      const moved = (await caseEntries()) - entriesBefore;
      caseTransitions += moved;
      const ours = moved / seconds;
      const theirs = pgbench(pgbenchSeconds);
      pgbenchTransactions += theirs.tps * theirs.seconds;
      pgbenchElapsed += theirs.seconds;
      console.log(
        `  round ${r}: ${ours.toFixed(1)} case transitions/s (${((transitions - before) / seconds).toFixed(1)} requests/s), pgbench ${theirs.tps.toFixed(1)} tps, ratio ${(ours / theirs.tps).toFixed(2)}`,
      );
    }
    for (const c of connections) c.close();

    // BUN-1 exactly once, from the database itself: every bundle whose branches all concluded is
    // concluded (or delivered), and has exactly one 'concluded' event.
    const audit = await withClient(dbUrl(appDb), async (c) => {
      const open = await c.query(
        `select count(*)::int as n from bundle_case b
          where b.status in ('open', 'awaiting_choice')
            and not exists (select 1 from bundle_branch x where x.bundle_case_id = b.id
                            and x.status not in ('granted', 'denied', 'refused', 'withdrawn'))`,
      );
      const twice = await c.query(
        `select count(*)::int as n from (select bundle_case_id from bundle_event where type = 'concluded'
          group by bundle_case_id having count(*) > 1) t`,
      );
      const deadlocks = await c.query(`select deadlocks from pg_stat_database where datname = $1`, [appDb]);
      const total = await c.query(`select count(*)::int as n from bundle_case`);
      return {
        open: Number(open.rows[0]!.n),
        twice: Number(twice.rows[0]!.n),
        deadlocks: Number(deadlocks.rows[0]!.deadlocks) - deadlocksBefore,
        total: Number(total.rows[0]!.n),
      };
    });
    const lostJoins = audit.open + audit.twice + notConcludedAtDelivery;
    const deadlocks = Math.max(audit.deadlocks, deadlockErrors);

    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    const transitionsPerSec = caseTransitions / elapsed;
    const requestsPerSec = transitions / elapsed;
    const bundlesPerSec = bundles / elapsed;
    const tps = pgbenchTransactions / pgbenchElapsed;
    const ratio = transitionsPerSec / tps;
    for (const [kind, list] of byKind) {
      const s = [...list].sort((a, b) => a - b);
      const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
      console.log(`  ${kind}: ${s.length} × p50 ${at(50).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms`);
    }
    if (firstErrors.length) console.log(`first errors:\n  ${firstErrors.join('\n  ')}`);
    console.log(
      `bundles ${bundles} (${bundlesPerSec.toFixed(2)}/s), case transitions ${caseTransitions} in ${elapsed.toFixed(1)} s: ${transitionsPerSec.toFixed(1)}/s (${(caseTransitions / Math.max(1, bundles)).toFixed(1)} per bundle); state-changing requests ${transitions}: ${requestsPerSec.toFixed(1)}/s; p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms; errors ${errors}`,
    );
    console.log(`pgbench TPC-B, ${CLIENTS} clients, ${pgbenchElapsed.toFixed(1)} s: ${tps.toFixed(1)} tps`);
    console.log(
      `ratio (transitions/s ÷ pgbench tps): ${ratio.toFixed(2)}; deadlocks ${deadlocks}; lost joins ${lostJoins} (open with every branch concluded ${audit.open}, concluded twice ${audit.twice}, delivery refused as not concluded ${notConcludedAtDelivery}) over ${audit.total} bundles  (targets: ratio ≥ 0.4, p99 ≤ 100 ms, 0, 0)`,
    );
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    console.log(
      `RESULT ${JSON.stringify({
        bundlesPerSec: round(bundlesPerSec, 2),
        transitionsPerSec: round(transitionsPerSec),
        requestsPerSec: round(requestsPerSec),
        pgbenchTps: round(tps),
        ratio: round(ratio, 2),
        p50Ms: round(pct(50)),
        p99Ms: round(pct(99)),
        errors,
        deadlocks,
        lostJoins,
      })}`,
    );
  } finally {
    await cleanup();
  }
}

await main();

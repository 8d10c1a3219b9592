/**
 * `npm run bench:hall` (issue 19): a booking rush, then a queue day, over HTTP against the compiled
 * server on local PostgreSQL.
 *
 * 1. Booking rush: ATTEMPTS concurrent booking attempts (hold) from PERSONS identity numbers on
 *    SLOTS slots of PLACES / SLOTS places; bookings/s as a ratio of pgbench TPC-B tps with the same
 *    client count in the same run; p99 of an attempt; then, from the database, places overbooked
 *    and persons over their limit (both must be 0: APT-1 held by the database).
 * 2. Queue day: TICKETS tickets through WINDOWS windows (clerks calling next and finishing) while
 *    an SSE client watches the call screen; call-to-screen latency p99.
 *
 * `--small` (or BENCH_SMALL=1): 1,000 attempts, 500 persons, 50 places, 200 tickets, 10 windows.
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_CLIENTS (64).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgbenchConnection } from './lib/pgbench';
import { CSRF_HEADER, SESSION_COOKIE } from '../packages/contracts/src/auth';
import { KeepAliveConnection } from './lib/keepalive-client';
import { idCardCheckChar } from '../packages/contracts/src/validators/id-card';

const SMALL = process.argv.includes('--small') || process.env.BENCH_SMALL === '1';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const ATTEMPTS = SMALL ? 1000 : 10_000;
const PERSONS = SMALL ? 500 : 5000;
const SLOTS = 50;
const PLACES = SMALL ? 50 : 500;
const TICKETS = SMALL ? 200 : 2000;
const WINDOWS = SMALL ? 10 : 20;
const PASSWORD = 'Tongban@2026';
const ROOT = path.resolve(import.meta.dirname, '..');

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.max(0, Math.ceil(0.99 * s.length) - 1)]! : 0;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const dbUrl = (name: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** Runs `n` tasks with at most `width` in flight. */
async function pool(n: number, width: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

const idNumber = (i: number) => {
  const first17 = `350999${1960 + (i % 40)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
};

async function main() {
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const appDb = `tb_bench_hall_${stamp}`;
  const tpcbDb = `tb_bench_tpcb_${stamp}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-hall-'));
  await admin(ADMIN_URL, (c) => c.query(`create database ${appDb}`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  execFileSync(process.execPath, ['apps/server/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  let server: ChildProcess | undefined;
  let screenServer: ChildProcess | undefined;
  const start = async (port: number) => {
    const base = `http://127.0.0.1:${port}`;
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
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
        RATE_LIMIT_SCALE: '100000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (const t0 = Date.now(); ;) {
      if (Date.now() - t0 > 240_000) throw new Error('server did not start');
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) return child;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const stop = (c: ChildProcess) =>
    new Promise<void>((r) => (c.exitCode !== null ? r() : (c.once('exit', () => r()), c.kill('SIGTERM'))));
  try {
    server = await start(port);
    type Session = { cookie: string; csrf: string };
    const signIn = async (username: string, password = PASSWORD): Promise<Session> => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!r.ok) throw new Error(`sign-in ${username}: ${r.status} ${await r.text()}`);
      const cookie = r.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
        .split(';')[0]!;
      return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
    };
    const api = async (s: Session | null, method: string, url: string, body?: unknown) => {
      const r = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(s ? { cookie: s.cookie, [CSRF_HEADER]: s.csrf } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : undefined };
    };
    const sup = await signIn('supervisor');
    const adm = await signIn('admin');
    const halls = (await api(null, 'GET', '/api/public/hall/halls')).body.halls;
    const hall = halls[0] as { id: string; groups: { id: string; code: string }[] };
    // A bench group: 1 booking per person per 30 days; 50 one-hour slots over 5 days.
    const group = (
      await api(sup, 'POST', '/api/hall/groups', {
        hallId: hall.id,
        code: 'Z',
        name: '压测分组',
        personLimit: 1,
        limitPeriodDays: 30,
      })
    ).body;
    const slotIds: string[] = [];
    for (let d = 0; d < SLOTS / 10; d++) {
      const date = new Date(Date.now() + (20 + d) * 86_400_000).toISOString().slice(0, 10);
      const r = await api(sup, 'POST', '/api/hall/slots', {
        hallId: hall.id,
        groupId: group.id,
        date,
        from: '08:00',
        to: '18:00',
        minutes: 60,
        capacity: PLACES / SLOTS,
      });
      slotIds.push(...r.body.slots.map((s: { id: string }) => s.id));
    }

    // pgbench's TPC-B on the same server, same client count.
    await admin(ADMIN_URL, (c) => c.query(`create database ${tpcbDb}`));
    const { args: pgArgs, env: pgEnv } = pgbenchConnection(ADMIN_URL);
    execFileSync('pgbench', [...pgArgs, '-i', '-q', tpcbDb], { env: pgEnv, stdio: 'ignore' });
    const pgOut = execFileSync(
      'pgbench',
      [...pgArgs, '-c', String(CLIENTS), '-j', '2', '-T', SMALL ? '5' : '10', tpcbDb],
      { env: pgEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(pgOut)?.[1] ?? NaN);

    // 1. The booking rush.
    console.log(
      `booking rush: ${ATTEMPTS} attempts, ${PERSONS} persons, ${PLACES} places in ${SLOTS} slots, ${CLIENTS} in flight …`,
    );
    const lat: number[] = [];
    const outcomes: Record<string, number> = {};
    // One keep-alive connection per client in flight (a lean client: it shares the cores with the
    // server and PostgreSQL, while pgbench on the other side of the ratio is written in C).
    const conns = Array.from({ length: CLIENTS }, () => new KeepAliveConnection('127.0.0.1', port));
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      conns.map(async (conn) => {
        while (next < ATTEMPTS) {
          const i = next++;
          const slotId = slotIds[(i * 7919) % slotIds.length]!;
          const a = performance.now();
          const r = await conn.post(
            '/api/public/hall/bookings',
            JSON.stringify({
              slotId,
              name: '压测',
              idNumber: idNumber(i % PERSONS),
              phone: '13900000000',
              idempotencyKey: `bench-${stamp}-${i}`,
            }),
            {},
          );
          lat.push(performance.now() - a);
          const k =
            r.status === 201 ? 'booked' : String((JSON.parse(r.text) as { code?: string }).code ?? r.status);
          outcomes[k] = (outcomes[k] ?? 0) + 1;
        }
      }),
    );
    for (const c of conns) c.close();
    const elapsed = (performance.now() - t0) / 1000;
    const perSecond = ATTEMPTS / elapsed;
    const checks = await admin(dbUrl(appDb), async (c) => {
      const over = await c.query(
        `select coalesce(sum(greatest(n - capacity, 0)), 0)::int as over from (
           select s.capacity, count(a.id) as n from hall_slot s
           left join hall_appointment a on a.region_code = s.region_code and a.slot_id = s.id
             and a.status in ('held', 'confirmed', 'checked_in')
           where s.group_id = $1 group by s.id, s.capacity) x`,
        [group.id],
      );
      const limit = await c.query(
        `select count(*)::int as n from (select person_hash from hall_appointment
           where group_id = $1 and status in ('held', 'confirmed', 'checked_in')
           group by person_hash having count(*) > 1) x`,
        [group.id],
      );
      return { overbooked: over.rows[0].over as number, overLimit: limit.rows[0].n as number };
    });
    console.log(
      `  ${elapsed.toFixed(1)} s, ${perSecond.toFixed(1)} attempts/s, p99 ${p99(lat).toFixed(1)} ms, outcomes ${JSON.stringify(outcomes)}`,
    );
    console.log(
      `  pgbench TPC-B: ${tps.toFixed(1)} tps; overbooked ${checks.overbooked}, persons over limit ${checks.overLimit}`,
    );

    // 2. A queue day: WINDOWS windows with a clerk each, TICKETS tickets, SSE watching.
    const depts = (await api(adm, 'GET', '/api/org/departments')).body;
    const market = (depts.items as { id: string; name: string }[]).find(
      (d: { name: string }) => d.name === '云溪县市场监督管理局',
    )!;
    const clerks: Session[] = [];
    for (let w = 0; w < WINDOWS; w++) {
      const win = (
        await api(adm, 'POST', '/api/org/windows', {
          hallId: hall.id,
          number: `Q${String(w).padStart(2, '0')}`,
          name: `压测窗口${w}`,
          kind: 'comprehensive',
        })
      ).body;
      const staff = (
        await api(adm, 'POST', '/api/org/staff', {
          name: `压测员${w}`,
          departmentId: market.id,
          windowId: win.id,
          employment: 'contractor',
          stationedFrom: '2025-01-01',
        })
      ).body;
      const username = `benchclerk${w}`;
      const pw = 'Bench#Hall-2026-x';
      const made = await api(adm, 'POST', '/api/org/users', {
        username,
        displayName: `压测员${w}`,
        password: pw,
        role: 'clerk',
        regionCode: '350999',
        departmentId: market.id,
      });
      if (made.status >= 300) throw new Error(`user: ${JSON.stringify(made.body)}`);
      const s = await signIn(username, pw);
      await api(sup, 'POST', `/api/hall/halls/${hall.id}/tidal`, {
        windowId: win.id,
        toGroupIds: [group.id],
        reason: '压测',
      });
      const p = await api(s, 'POST', '/api/hall/presence/sign-in', { windowId: win.id, staffId: staff.id });
      if (p.status !== 200) throw new Error(`presence: ${JSON.stringify(p.body)}`);
      clerks.push(s);
    }
    await pool(TICKETS, CLIENTS, async () => {
      await api(null, 'POST', '/api/public/hall/tickets', { hallId: hall.id, groupId: group.id });
    });
    // A call's start per window (each clerk calls at its own window, one call at a time): the screen's
    // event for that window's ticket closes it. Matching by window, not by ticket number, counts an
    // event that arrives before the clerk's HTTP answer does.
    const sent = new Map<string, { ticket: string | null; at: number }>();
    const screenLat: number[] = [];
    const ac = new AbortController();
    // The call screen is served by a second server process on the same database: calls made through
    // the first reach it through PostgreSQL's NOTIFY, as they would behind a load balancer.
    const screenPort = await freePort();
    screenServer = await start(screenPort);
    const stream = await fetch(
      `http://127.0.0.1:${screenPort}/api/public/hall/halls/${hall.id}/calls/stream`,
      {
        signal: ac.signal,
      },
    );
    const reader = stream.body!.getReader();
    const seen = (async () => {
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buf += new TextDecoder().decode(value);
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const chunk = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = /data: (.*)/.exec(chunk)?.[1];
          if (!data) continue;
          const c = JSON.parse(data) as { ticketNumber: string; windowNumber: string; recall: boolean };
          const s = sent.get(c.windowNumber);
          if (s !== undefined && !c.recall && s.ticket !== c.ticketNumber) {
            screenLat.push(performance.now() - s.at);
            s.ticket = c.ticketNumber;
          }
        }
      }
    })();
    console.log(`queue day: ${TICKETS} tickets through ${WINDOWS} windows …`);
    const q0 = performance.now();
    let served = 0;
    await Promise.all(
      clerks.map(async (s, w) => {
        const windowNumber = `Q${String(w).padStart(2, '0')}`;
        for (;;) {
          const pending = sent.get(windowNumber);
          sent.set(windowNumber, { ticket: pending?.ticket ?? null, at: performance.now() });
          const r = await api(s, 'POST', '/api/hall/queue/next');
          if (r.status !== 200) break;
          await api(s, 'POST', '/api/hall/queue/finish');
          served++;
        }
      }),
    );
    // Let the last events arrive before the stream is closed.
    await new Promise((r) => setTimeout(r, 500));
    ac.abort();
    await seen;
    console.log(
      `  ${served} served in ${((performance.now() - q0) / 1000).toFixed(1)} s; call-to-screen p99 ${p99(screenLat).toFixed(1)} ms over ${screenLat.length} calls`,
    );
    console.log(
      `scale: ${SMALL ? 'small' : 'issue'} (${ATTEMPTS} attempts, ${TICKETS} tickets); targets ratio ≥ 0.5, p99 ≤ 100 ms, call-to-screen ≤ 500 ms`,
    );
    console.log(
      `RESULT ${JSON.stringify({
        bookingRatio: round(perSecond / tps),
        bookingP99Ms: round(p99(lat)),
        overbooked: checks.overbooked,
        overLimit: checks.overLimit,
        callToScreenP99Ms: round(p99(screenLat)),
      })}`,
    );
  } finally {
    if (screenServer) await stop(screenServer);
    if (server) await stop(server);
    await admin(ADMIN_URL, async (c) => {
      await c.query(`drop database if exists ${appDb} with (force)`);
      await c.query(`drop database if exists ${tpcbDb} with (force)`);
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

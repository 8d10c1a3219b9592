/**
 * `npm run bench:supervision [-- --cases 200000 --open 5000 --regions 10 --departments 50 --years 3 --seed 16]`
 * (issue 16): a seeded, province-shaped case history loaded with COPY into a fresh database on the
 * local PostgreSQL, then the supervision job builds its projection and rollups, and we measure:
 * p99 of the dashboard for a county and for the province, p99 of the red/yellow board for a county,
 * a closure added to one county until every affected open case's colour is right, truth:verify for
 * one county-year (and its disagreements). The full size of the issue is --cases 10000000 --open
 * 100000 --regions 100; the default here is small (the machine is shared).
 *
 * Every region gets --departments departments of its own (50 by default, as the issue asks), its
 * own copy of the demo county's published items and of the demo applicant (a case's item,
 * department and applicant are of its region: the keys say so since issue 23); a case is handled
 * by its item's department, one in twenty by another of the county (the figures cut by the case's). The generator streams its rows to
 * CSV files in chunks, so the full size needs disk, not memory. Simplification (reported): the dashboards are measured at the use-case level (the route adds only
 * Fastify's serialization). casesRatio runs bench:cases' own transition loop (its server, its
 * pgbench TPC-B in the same run, taking turns) with the supervision job maintaining the clocks,
 * escalations and rollups every second (TONGBAN_SUPERVISION_EVERY_MS=1000) instead of every minute;
 * BENCH_CASES_SECONDS (default 20) is our side's time in all.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): admin connection; the
 * database is created and dropped.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedDemo } from '../apps/server/src/demo/seed-demo';
import { DEMO_CASES } from '../apps/server/src/demo/seed-cases-demo';
import { caseFeed } from '../apps/server/src/modules/cases';
import { loadNationalDays } from '../apps/server/src/modules/calendar';
import { refreshSupervision, verifyTruth } from '../apps/server/src/modules/supervision';
import { getBoard, listClocks } from '../apps/server/src/modules/supervision/use-cases/read-board';
import { getDashboard } from '../apps/server/src/modules/supervision/use-cases/read-figures';
import type { Actor } from '../apps/server/src/platform/access';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/access';
import type { Deps } from '../apps/server/src/platform/app-types';
import { fixedClock } from '../apps/server/src/platform/clock';
import { loadConfig } from '../apps/server/src/platform/config';
import { openDatabase } from '../apps/server/src/platform/db';
import { migrate } from '../apps/server/src/platform/migrate';
import { addLocalDay } from '../apps/server/src/modules/calendar/calendar.service';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '50000' },
    open: { type: 'string', default: '2000' },
    regions: { type: 'string', default: '5' },
    departments: { type: 'string', default: '50' },
    years: { type: 'string', default: '3' },
    seed: { type: 'string', default: '16' },
    samples: { type: 'string', default: '30' },
    /** Keep the database afterwards (to EXPLAIN the dashboards' queries on it); drop it by hand. */
    keep: { type: 'boolean', default: false },
    /** A database kept by an earlier --keep run whose load finished: build and measure it again. */
    database: { type: 'string' },
  },
});
const CONCLUDED = Number(args.cases);
const OPEN = Number(args.open);
const REGIONS = Number(args.regions);
const DEPARTMENTS = Number(args.departments);
const YEARS = Number(args.years);
const SAMPLES = Number(args.samples);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;
const NOW = new Date('2026-11-20T02:00:00Z');
const PROVINCE = '990000';

/** mulberry32: the generator is seeded, so two runs load the same history. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const regionCode = (i: number) =>
  `99${String(1 + Math.floor(i / 10)).padStart(2, '0')}${String(1 + (i % 10)).padStart(2, '0')}`;
const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const csv = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const uuid = (r: () => number) =>
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const n = Math.floor(r() * 16);
    return (c === 'x' ? n : (n & 3) | 8).toString(16);
  });

async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

async function main() {
  const reuse = args.database;
  const name = reuse ?? `tb_bench_sup16_${process.pid}_${Date.now().toString(36)}`;
  if (!reuse) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-sup-'));
  const handle = await openDatabase({ url });
  const clock = fixedClock(NOW);
  const config = loadConfig(
    { DATA_DIR: dataDir, TONGBAN_LOOKUP_KEY: 'a'.repeat(64), TONGBAN_SM4_KEY: 'b'.repeat(32) },
    [],
  );
  const deps: Deps = { db: handle.db, dbKind: handle.kind, clock, config };
  const out: Record<string, unknown> = {};
  let events = 0;
  try {
    if (reuse) events = await loadedEvents(url);
    else events = await generateAndLoad();
    // ── the generator and the load, in a function so a kept database can skip them ──
    async function generateAndLoad(): Promise<number> {
      await migrate(handle.db);
      await loadNationalDays(handle.db);
      await seedDemo(deps);
      // Regions: one province, REGIONS counties under cities of ten.
      const regionRows = [`${PROVINCE},基准省,,1`];
      for (let c = 0; c < Math.ceil(REGIONS / 10); c++)
        regionRows.push(`99${String(c + 1).padStart(2, '0')}00,基准市${c + 1},${PROVINCE},2`);
      for (let i = 0; i < REGIONS; i++)
        regionRows.push(`${regionCode(i)},基准县${i + 1},${regionCode(i).slice(0, 4)}00,3`);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-sup-csv-'));
      writeFileSync(path.join(dir, 'region.csv'), regionRows.join('\n') + '\n');

      // ── the generator ──
      const r = rng(Number(args.seed));
      const departmentRows: string[] = [];
      const departmentsOf = new Map<string, string[]>();
      for (let i = 0; i < REGIONS; i++) {
        const ids: string[] = [];
        for (let d = 0; d < DEPARTMENTS; d++) {
          const id = uuid(r);
          ids.push(id);
          departmentRows.push([id, regionCode(i), `基准部门${d + 1}`].join(','));
        }
        departmentsOf.set(regionCode(i), ids);
      }
      writeFileSync(path.join(dir, 'department.csv'), departmentRows.join('\n') + '\n');
      const psql = (cmd: string) =>
        execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c', cmd], { stdio: 'pipe' });
      psql(`\\copy region(code,name,parent_code,level) from '${dir}/region.csv' csv`);
      psql(`\\copy department(id,region_code,name) from '${dir}/department.csv' csv`);
      // A case's item, department and applicant are of the case's own region (the keys say so since
      // issue 23): every county gets its own copy of the demo's published items, each with one of its
      // departments, and of the demo applicant.
      psql(`create table bench_item_map as
      select r.code as region, v.item_id as src_item, v.id as src_version,
        gen_random_uuid() as item_id, gen_random_uuid() as version_id,
        (select d.id from department d where d.region_code = r.code order by d.name
          limit 1 offset abs(hashtext(v.id::text)) % ${DEPARTMENTS}) as department_id
      from region r cross join catalog_item_version v
      where r.level = 3 and r.code like '99%' and v.status = 'published' and v.region_code = '350999'`);
      psql(`insert into catalog_item select (jsonb_populate_record(null::catalog_item,
        to_jsonb(i) || jsonb_build_object('id', m.item_id, 'region_code', m.region))).*
      from catalog_item i join bench_item_map m on m.src_item = i.id`);
      psql(`insert into catalog_item_version select (jsonb_populate_record(null::catalog_item_version,
        to_jsonb(v) || jsonb_build_object('id', m.version_id, 'item_id', m.item_id, 'region_code', m.region,
          'department_id', m.department_id))).*
      from catalog_item_version v join bench_item_map m on m.src_version = v.id`);
      psql(`create table bench_applicant_map as
      select code as region, gen_random_uuid() as applicant_id from region where level = 3 and code like '99%'`);
      psql(`insert into applicant select (jsonb_populate_record(null::applicant,
        to_jsonb(a) || jsonb_build_object('id', m.applicant_id, 'region_code', m.region))).*
      from applicant a cross join bench_applicant_map m where a.id = '${DEMO_CASES.personApplicantId}'`);
      const itemsOf = new Map<string, { itemId: string; versionId: string; departmentId: string }[]>();
      for (const m of await pgRows<{
        region: string;
        itemId: string;
        versionId: string;
        departmentId: string;
      }>(
        url,
        `select region, item_id as "itemId", version_id as "versionId", department_id as "departmentId"
         from bench_item_map order by region, src_version`,
      ))
        itemsOf.set(m.region, [...(itemsOf.get(m.region) ?? []), m]);
      const applicantOf = new Map(
        (
          await pgRows<{ region: string; applicantId: string }>(
            url,
            `select region, applicant_id as "applicantId" from bench_applicant_map`,
          )
        ).map((m) => [m.region, m.applicantId]),
      );
      psql('drop table bench_item_map; drop table bench_applicant_map');
      /** Rows go to the CSV file a chunk at a time: ten million cases do not fit in memory as strings. */
      const sink = (file: string) => {
        const fd = openSync(path.join(dir, file), 'w');
        let buf: string[] = [];
        let count = 0;
        return {
          push(line: string) {
            buf.push(line);
            count++;
            if (buf.length >= 20_000) this.flush();
          },
          flush() {
            if (buf.length > 0) writeSync(fd, buf.join('\n') + '\n');
            buf = [];
          },
          close() {
            this.flush();
            closeSync(fd);
          },
          get count() {
            return count;
          },
        };
      };
      const caseLines = sink('case.csv');
      const eventLines = sink('event.csv');
      const start = NOW.getTime() - YEARS * 365 * DAY;
      const serial = new Map<string, number>();
      const channels = ['window', 'window', 'window', 'online', 'online', 'kiosk', 'mail', 'agent'] as const;
      const gen = (open: boolean) => {
        const region = regionCode(Math.floor(r() * REGIONS));
        const regionItems = itemsOf.get(region)!;
        const item = regionItems[Math.floor(r() * regionItems.length)]!;
        const regionDepartments = departmentsOf.get(region)!;
        // A case is handled by its item's department (实施主体), now and then by another one of the
        // county (a window accepting for a department without its own).
        const departmentId =
          r() < 0.95 ? item.departmentId : regionDepartments[Math.floor(r() * regionDepartments.length)]!;
        const received = open
          ? // Most open cases are recent, one in ten has waited up to 40 days (a hall's usual mix: a
            // few red, not most; every level a case reaches fires through the audit chain at build).
            NOW.getTime() - Math.floor(r() * (r() < 0.1 ? 40 : 12) * DAY)
          : start + Math.floor(r() * (YEARS * 365 - 60) * DAY);
        const day = new Date(received + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
        const k = `${region}-${day}`;
        const n = (serial.get(k) ?? 0) + 1;
        serial.set(k, n);
        const channel = channels[Math.floor(r() * channels.length)]!;
        const at = (ms: number) => new Date(ms);
        const evs: caseFeed.CaseEvent[] = [{ type: 'submitted', channel, at: at(received), actorId: null }];
        let t = received + 3600_000;
        if (r() < 0.15) {
          evs.push({ type: 'supplement_requested', noticeNo: 'x', items: [], at: at(t), actorId: null });
          t += (1 + Math.floor(r() * 3)) * DAY;
          evs.push({ type: 'supplement_received', at: at(t), actorId: null });
        }
        t += Math.floor(r() * 2) * DAY;
        evs.push({ type: 'accepted', noticeNo: 'x', deferred: [], deemed: false, at: at(t), actorId: null });
        const visits = channel === 'online' ? (r() < 0.7 ? 0 : 1) : 1 + Math.floor(r() * 2);
        for (let v = 0; v < visits; v++)
          evs.push({ type: 'visit', purpose: '核验', at: at(t + 60_000), actorId: null });
        const span = open ? NOW.getTime() - t - 3600_000 : (2 + Math.floor(r() * 12)) * DAY;
        if (r() < 0.1 && span > 4 * DAY) {
          evs.push({
            type: 'suspended',
            kind: 'testing',
            expectedDays: 5,
            countsInLimit: false,
            noticeNo: 'x',
            at: at(t + DAY),
            actorId: null,
          });
          if (!open || r() < 0.5) evs.push({ type: 'resumed', at: at(t + 3 * DAY), actorId: null });
        }
        if (!open) {
          if (r() < 0.05) {
            evs.push({
              type: 'extension_requested',
              days: 5,
              reason: 'x',
              at: at(t + span - 2 * 3600_000),
              actorId: null,
            });
            evs.push({
              type: 'extension_decided',
              approved: true,
              noticeNo: 'x',
              at: at(t + span - 3600_000),
              actorId: null,
            });
          }
          evs.push({
            type: 'step_completed',
            stepIndex: 0,
            opinion: '同意',
            at: at(t + span - 1800_000),
            actorId: null,
          });
          evs.push({
            type: 'decided',
            outcome: 'grant',
            reason: '',
            legalBasis: '',
            at: at(t + span),
            actorId: null,
          });
          // 办结 and delivered: no longer open (a concluded case of the history).
          evs.push({
            type: 'delivered',
            method: 'electronic',
            receivedBy: '申请人',
            at: at(t + span + 3600_000),
            actorId: null,
          });
        }
        const state = caseFeed.replayCase(evs);
        const id = uuid(r);
        caseLines.push(
          [
            id,
            region,
            `${k}-${String(n).padStart(5, '0')}`,
            item.itemId,
            item.versionId,
            departmentId,
            applicantOf.get(region)!,
            channel,
            state.status,
            state.suspension !== null,
            state.extension?.status ?? null,
            state.outcome,
            iso(state.receivedAt),
            iso(state.acceptedAt),
            iso(state.decidedAt),
            state.visits,
            state.version,
            state,
          ]
            .map(csv)
            .join(','),
        );
        evs.forEach((e, i) => {
          const { type, at: when, actorId: _a, ...payload } = e;
          eventLines.push([region, id, i + 1, type, payload, '系统', when.toISOString()].map(csv).join(','));
        });
      };
      const [, genMs] = await timeIt(async () => {
        for (let i = 0; i < CONCLUDED; i++) gen(false);
        for (let i = 0; i < OPEN; i++) gen(true);
      });
      caseLines.close();
      eventLines.close();
      // The generated history is consistent by construction: the load skips the per-row foreign key
      // triggers (session_replication_role = replica), as a bulk restore does.
      const copy = (cmd: string) =>
        execFileSync(
          'psql',
          [url, '-v', 'ON_ERROR_STOP=1', '-c', 'set session_replication_role = replica', '-c', cmd],
          {
            stdio: 'pipe',
          },
        );
      const [, copyMs] = await timeIt(async () => {
        copy(
          `\\copy service_case(id,region_code,case_no,item_id,item_version_id,department_id,applicant_id,channel,status,suspended,extension_status,outcome,received_at,accepted_at,decided_at,visits,version,state) from '${dir}/case.csv' csv`,
        );
        copy(
          `\\copy case_event(region_code,case_id,seq,type,payload,actor_name,at) from '${dir}/event.csv' csv`,
        );
        psql('analyze');
      });
      rmSync(dir, { recursive: true, force: true });
      console.log(
        `generated ${CONCLUDED + OPEN} cases, ${eventLines.count} events in ${(genMs / 1000).toFixed(1)} s; COPY ${(copyMs / 1000).toFixed(1)} s`,
      );
      return eventLines.count;
    }

    // The history was loaded in bulk: every case once, in key order (as a first pass does).
    const [first, buildMs] = await timeIt(() => refreshSupervision(deps, { rebuild: true }));
    console.log(`projection and rollups built: ${JSON.stringify(first)} in ${(buildMs / 1000).toFixed(1)} s`);
    // Autovacuum is off on the benchmark's server: what it would have done after the build (the
    // upserts leave dead rows; the visibility map lets the dashboards scan indexes only).
    const [, vacMs] = await timeIt(async () =>
      execFileSync('psql', [url, '-c', 'vacuum analyze'], { stdio: 'pipe' }),
    );
    console.log(`vacuum analyze ${(vacMs / 1000).toFixed(1)} s`);

    const county = regionCode(0);
    const leader = (code: string): Actor => ({
      ...SYSTEM_ACTOR,
      userId: null,
      role: 'leader',
      regionCode: code,
    });
    const period = { from: '2026-01', to: '2026-11' };
    const sample = async (fn: () => Promise<unknown>) => {
      await fn();
      const xs: number[] = [];
      for (let i = 0; i < SAMPLES; i++) xs.push((await timeIt(fn))[1]);
      return Math.round(p99(xs));
    };
    out.dashboardP99Ms = await sample(() =>
      getDashboard(deps, leader(county), { ...period, regionCode: county }),
    );
    out.provinceDashboardP99Ms = await sample(() => getDashboard(deps, leader(PROVINCE), period));
    const sup: Actor = { ...leader(county), role: 'supervisor' };
    out.redBoardP99Ms = await sample(async () => {
      await getBoard(deps, sup);
      await listClocks(deps, sup, { colour: 'red', limit: 100, offset: 0 });
    });

    // A closure in one county today: until every affected open case's colour is right.
    const today = new Date(NOW.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const [, calMs] = await timeIt(async () => {
      await addLocalDay(deps, SYSTEM_ACTOR, {
        regionCode: county,
        date: today,
        kind: 'closure',
        reason: '台风停工（基准）',
      });
      await refreshSupervision(deps);
    });
    out.calendarChangeSec = Math.round(calMs) / 1000;

    const [truth, truthMs] = await timeIt(() =>
      verifyTruth(deps, { regionCode: county, from: '2025-12', to: '2026-11' }),
    );
    out.truthVerifySec = Math.round(truthMs) / 1000;
    out.truthDisagreements = truth.disagreements.length;
    console.log(`truth:verify ${county} 2025-12..2026-11: ${truth.cases} cases, ${truth.compared} compared`);
    out.casesRatio = casesRatio();
    out.scale = {
      concluded: CONCLUDED,
      open: OPEN,
      regions: REGIONS,
      departmentsPerRegion: DEPARTMENTS,
      years: YEARS,
      events,
    };
  } finally {
    await handle.close();
    const a = new pg.Client({ connectionString: ADMIN_URL });
    await a.connect();
    if (args.keep) console.log(`kept database ${name}`);
    else await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`RESULT ${JSON.stringify(out)}`);
}

/**
 * bench:cases' transition loop with the aggregates maintained: its ratio of case transitions/s to
 * pgbench TPC-B tps, measured in this run (null when it fails, with its output shown).
 */
function casesRatio(): number | null {
  const seconds = process.env.BENCH_CASES_SECONDS ?? '20';
  console.log(`bench:cases with the supervision job every second (${seconds} s of transitions) …`);
  try {
    const text = execFileSync(process.execPath, ['--import', 'tsx', 'bench/cases.bench.ts'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: {
        ...process.env,
        TONGBAN_SUPERVISION_EVERY_MS: '1000',
        BENCH_SECONDS: seconds,
        BENCH_PGBENCH_SECONDS: String(Math.max(5, Math.round(Number(seconds) / 2))),
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const line of text.split('\n')) if (!line.startsWith('RESULT')) console.log(`  cases: ${line}`);
    const result = text.split('\n').find((l) => l.startsWith('RESULT '));
    const ratio = result ? (JSON.parse(result.slice(7)) as { ratio?: number }).ratio : undefined;
    return typeof ratio === 'number' ? ratio : null;
  } catch (e) {
    console.error(`bench:cases failed: ${(e as Error).message}`);
    return null;
  }
}

function iso(d: Date | null) {
  return d ? d.toISOString() : null;
}

/** The events of a kept database (the scale line of a run that reuses it). */
async function loadedEvents(url: string): Promise<number> {
  const [r] = await pgRows<{ n: string }>(url, 'select count(*) as n from case_event');
  return Number(r!.n);
}

async function pgRows<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

await main();

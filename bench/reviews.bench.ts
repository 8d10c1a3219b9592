// npm run bench:reviews [-- --small | --cases N]
//
// Issue 21 on local PostgreSQL: the time to draw a quarterly 卷宗评查 for 100 departments (FR-1), to
// compute a year's assessment of every department and township of a region (ASSESS-1), and to
// evaluate every automatic-finding rule over a region's month. The record: the demo, plus 100
// departments, 20 townships and N concluded cases spread over a year (default 1,000,000; --small
// 20,000), generated in SQL from a demo case, with the RATE-1 facts the supervision job would store. Targets: ≤ 2 s, ≤ 10 s, ≤ 10 s.
// Prints `RESULT {"drawMs","assessmentSec","autoFindingSec"}` last.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_SCHEMES, type Role } from '@tongban/contracts';
import { seedDemo } from '../apps/server/src/demo/seed-demo';
import { loadNationalDays } from '../apps/server/src/modules/calendar';
import { computeAssessment } from '../apps/server/src/modules/reviews/use-cases/compute-assessment';
import { createReviewPlan } from '../apps/server/src/modules/reviews/use-cases/create-review-plan';
import { drawReviewPlan } from '../apps/server/src/modules/reviews/use-cases/draw-review-plan';
import { evaluateAutoRules } from '../apps/server/src/modules/reviews/use-cases/evaluate-auto-rules';
import { publishScheme } from '../apps/server/src/modules/reviews/use-cases/publish-scheme';
import type { Actor } from '../apps/server/src/platform/access';
import type { Deps } from '../apps/server/src/platform/app-types';
import { fixedClock } from '../apps/server/src/platform/clock';
import { loadConfig } from '../apps/server/src/platform/config';
import { openDatabase } from '../apps/server/src/platform/db';
import { migrate } from '../apps/server/src/platform/migrate';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const argv = process.argv.slice(2);
const casesArg = argv.indexOf('--cases');
const N = casesArg >= 0 ? Number(argv[casesArg + 1]) : argv.includes('--small') ? 20_000 : 1_000_000;
const DEPTS = 100;
const TOWNSHIPS = 20;
const YEAR = 2025;

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
const seconds = async <T>(label: string, fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${s.toFixed(2)} s`);
  return [out, s];
};

async function main() {
  const name = `tb_bench_reviews_${process.pid}_${Date.now().toString(36)}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-reviews-'));
  await admin(`create database ${name}`);
  const handle = await openDatabase({ url: dbUrl(name) });
  const config = loadConfig(
    { DATA_DIR: dataDir, TONGBAN_LOOKUP_KEY: 'a'.repeat(64), TONGBAN_SM4_KEY: 'b'.repeat(32) },
    [],
  );
  const deps: Deps = {
    db: handle.db,
    dbKind: handle.kind,
    clock: fixedClock(new Date(`${YEAR + 1}-01-20T02:00:00Z`)),
    config,
  };
  try {
    await seconds('migrate, national days and the demo', async () => {
      await migrate(handle.db);
      await loadNationalDays(handle.db);
      await seedDemo(deps);
    });
    const db = handle.db;
    await seconds(`generate ${DEPTS} departments, ${TOWNSHIPS} townships, ${N} concluded cases`, async () => {
      await sql`insert into department (region_code, hall_id, name, short_name)
        select '350999', (select id from hall where region_code = '350999' limit 1), '基准部门' || g, '基准' || g
        from generate_series(1, ${DEPTS}) g`.execute(db);
      await sql`insert into region (code, name, parent_code, level)
        select '350999' || lpad((200 + g)::text, 3, '0') || '000', '基准乡镇' || g, '350999', 4
        from generate_series(1, ${TOWNSHIPS}) g`.execute(db);
      // One concluded demo case is the template: its item, applicant and state; department, region,
      // channel and decision time vary. A case's item, department and applicant are of its own
      // region (the region keys, issue 23), so each township gets its 便民服务中心 and a copy of the
      // template's item and applicant; a fifth of the cases are the townships'.
      await sql`create table bench_tpl as
        select * from service_case where status in ('decided', 'delivered') and decided_at is not null
        order by case_no limit 1`.execute(db);
      await sql`insert into department (region_code, name, short_name)
        select code, '基准乡镇便民服务中心', '便民服务中心' from region where name like '基准乡镇%'`.execute(
        db,
      );
      await sql`create table bench_twp as
        select r.code, gen_random_uuid() as item_id, gen_random_uuid() as version_id,
          gen_random_uuid() as applicant_id, (select d.id from department d where d.region_code = r.code) as department_id
        from region r where r.name like '基准乡镇%'`.execute(db);
      await sql`insert into catalog_item select (jsonb_populate_record(null::catalog_item,
          to_jsonb(i) || jsonb_build_object('id', w.item_id, 'region_code', w.code))).*
        from catalog_item i cross join bench_twp w where i.id = (select item_id from bench_tpl)`.execute(db);
      await sql`insert into catalog_item_version select (jsonb_populate_record(null::catalog_item_version,
          to_jsonb(v) || jsonb_build_object('id', w.version_id, 'item_id', w.item_id, 'region_code', w.code,
            'department_id', w.department_id))).*
        from catalog_item_version v cross join bench_twp w where v.id = (select item_version_id from bench_tpl)`.execute(
        db,
      );
      await sql`insert into applicant select (jsonb_populate_record(null::applicant,
          to_jsonb(a) || jsonb_build_object('id', w.applicant_id, 'region_code', w.code))).*
        from applicant a cross join bench_twp w where a.id = (select applicant_id from bench_tpl)`.execute(
        db,
      );
      await sql`insert into service_case (region_code, case_no, item_id, item_version_id, department_id,
          applicant_id, channel, status, step_index, outcome, received_at, accepted_at, decided_at, version, state)
        select x.region, 'BENCH-' || lpad(g::text, 8, '0'),
          coalesce(w.item_id, t.item_id), coalesce(w.version_id, t.item_version_id),
          coalesce(w.department_id, (select array_agg(id order by name) from department where name like '基准部门%')[1 + (g / 5) % ${DEPTS}]),
          coalesce(w.applicant_id, t.applicant_id), case when g % 4 = 0 then 'online' else 'window' end, 'decided',
          t.step_index, 'grant', d - interval '3 days', d - interval '3 days', d, t.version, t.state
        from generate_series(1, ${N}) g
        cross join lateral (select case when g % 5 = 1 then '350999' || lpad((200 + 1 + g % ${TOWNSHIPS})::text, 3, '0') || '000' else '350999' end as region) x
        cross join lateral (select timestamptz '${sql.raw(String(YEAR))}-01-01 02:00:00+00' + ((g::bigint * 7919) % 365) * interval '1 day' + (g % 8) * interval '1 hour' as d) dd
        cross join bench_tpl t
        left join bench_twp w on w.code = x.region`.execute(db);
      await sql`drop table bench_tpl; drop table bench_twp`.execute(db);
      // What the supervision job stores for them (RATE-1 facts), written directly: assessments and
      // the overdue-share rule read these, never the cases' clocks. One case in nine is late.
      await sql`insert into supervision_case_fact (region_code, case_id, case_no, department_id, department_name,
          item_id, item_name, channel, received_month, concluded_month, online, full_online, zero_visit_item,
          zero_visit, instant, on_time, early, overdue_promised, overdue_legal, working_days, first_time, case_version)
        select c.region_code, c.id, c.case_no, c.department_id, d.name, c.item_id, v.name, c.channel,
          to_char(c.received_at at time zone 'Asia/Shanghai', 'YYYY-MM'),
          to_char(c.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM'),
          c.channel = 'online', c.channel = 'online', false, false, false,
          substr(c.case_no, 7)::int % 9 <> 0, false, substr(c.case_no, 7)::int % 9 = 0, false, 3, true, c.version
        from service_case c
        join department d on d.id = c.department_id
        join catalog_item_version v on v.id = c.item_version_id
        where c.case_no like 'BENCH-%'`.execute(db);
      await sql`analyze service_case`.execute(db);
      await sql`analyze supervision_case_fact`.execute(db);
    });
    const users = await db
      .selectFrom('appUser')
      .select(['id', 'username', 'displayName', 'role', 'regionCode', 'departmentId'])
      .where('regionCode', '=', '350999')
      .execute();
    const sup = users.find((u) => u.username === 'supervisor')!;
    const actor: Actor = { ...sup, userId: sup.id, role: sup.role as Role, clientIp: '127.0.0.1' };
    const depts = await db.selectFrom('department').select('id').where('name', 'like', '基准部门%').execute();

    const plan = await createReviewPlan(deps, actor, {
      title: `${YEAR}年第二季度卷宗评查（基准）`,
      periodStart: `${YEAR}-04-01`,
      periodEnd: `${YEAR}-06-30`,
      departmentIds: depts.map((d) => d.id),
      casesPerDepartment: 3,
      reviewerPool: users.filter((u) => u.role === 'approver').map((u) => u.id),
    });
    const [, drawSec] = await seconds(`draw a quarterly review for ${depts.length} departments`, () =>
      drawReviewPlan(deps, actor, plan.id),
    );

    const schemes = await Promise.all(
      (['department', 'township'] as const).map((unitKind) =>
        publishScheme(deps, actor, {
          unitKind,
          name: `基准${unitKind}`,
          indicators: DEFAULT_SCHEMES[unitKind],
        }),
      ),
    );
    let assessmentSec = 0;
    for (const s of schemes) {
      const [, sec] = await seconds(`year assessment (${s.unitKind})`, () =>
        computeAssessment(deps, actor, { schemeId: s.id, periodKind: 'year', period: String(YEAR) }),
      );
      assessmentSec += sec;
    }
    const [r, autoFindingSec] = await seconds('every automatic rule over a month', () =>
      evaluateAutoRules(deps, actor, `${YEAR}-06`),
    );
    console.log(`automatic findings opened: ${r.opened} (departments checked: ${r.checked})`);
    console.log(`scale: ${N} concluded cases, ${DEPTS} + demo departments, ${TOWNSHIPS} townships`);
    console.log(
      `RESULT ${JSON.stringify({
        drawMs: Math.round(drawSec * 1000),
        assessmentSec: Number(assessmentSec.toFixed(2)),
        autoFindingSec: Number(autoFindingSec.toFixed(2)),
      })}`,
    );
  } finally {
    await handle.close();
    await admin(`drop database if exists ${name} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

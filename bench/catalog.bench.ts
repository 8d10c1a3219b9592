/**
 * `npm run bench:catalog`: public catalog search over 20,000 published items through HTTP, by name
 * substring and by pinyin initials; median and p99 latency (target p99 ≤ 30 ms on PostgreSQL).
 *
 * Creates a fresh database on the local PostgreSQL (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres), migrates it, bulk-inserts the items (search columns
 * computed with the same pinyin function the service uses), starts the app in-process on a free
 * 127.0.0.1 port, runs the searches a few at a time, and drops the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { namePinyin } from '../apps/server/src/modules/catalog';
import { orgService } from '../apps/server/src/modules/org';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/access';
import { systemClock } from '../apps/server/src/platform/clock';
import { loadConfig } from '../apps/server/src/platform/config';
import { openDatabase, sql } from '../apps/server/src/platform/db';
import { migrate } from '../apps/server/src/platform/migrate';

const ITEMS = 20_000;
const QUERIES = 2_000;
const CONCURRENCY = 4;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// Names built like real catalog entries: subject + action (+ a variant), so searches hit many rows.
const SUBJECTS = [
  '食品',
  '药品',
  '医疗器械',
  '化妆品',
  '建筑工程',
  '公共场所',
  '医疗机构',
  '道路运输',
  '危险化学品',
  '烟草专卖',
  '城镇排水',
  '燃气经营',
  '消防设施',
  '林木采伐',
  '渔业捕捞',
  '文物保护',
  '户外广告',
  '旅馆业',
  '娱乐场所',
  '出版物',
  '农作物种子',
  '兽药',
  '饲料',
  '特种设备',
  '计量器具',
  '人力资源服务',
  '劳务派遣',
  '民办学校',
  '养老机构',
  '殡葬服务',
  '社会团体',
  '民办非企业单位',
  '律师事务所',
  '公证机构',
  '取水',
  '河道采砂',
  '建设用地',
  '不动产',
  '测绘资质',
  '广播电视',
  '互联网上网服务',
  '放射诊疗',
  '母婴保健技术',
];
const ACTIONS = [
  '经营许可',
  '生产许可',
  '设立登记',
  '变更登记',
  '注销登记',
  '备案',
  '延续',
  '核发',
  '审批',
  '补办',
  '年度报告',
  '资质认定',
  '许可证换发',
  '执业登记',
  '审核确认',
];
const VARIANTS = [
  '',
  '（新办）',
  '（变更）',
  '（延续）',
  '（注销）',
  '（补证）',
  '（跨区域）',
  '（告知承诺）',
];
const TYPES = ['licensing', 'benefit', 'confirmation', 'filing', 'public_service', 'other_power'] as const;
const ONLINE = ['full_online', 'online_pretrial', 'offline'] as const;

function pick<T>(arr: readonly T[], i: number): T {
  return arr[i % arr.length]!;
}

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

async function main() {
  const name = `tb_bench_catalog_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
  const handle = await openDatabase({ url: url.toString() });
  try {
    await migrate(handle.db);
    const config = loadConfig(
      {
        DATA_DIR: dataDir,
        TONGBAN_LOOKUP_KEY: 'a'.repeat(64),
        TONGBAN_SM4_KEY: 'b'.repeat(32),
        // Every request comes from 127.0.0.1: the public search's per-address limit (SEC-2) is lifted.
        RATE_LIMIT_SCALE: '100000',
      },
      [],
    );
    const deps = { db: handle.db, dbKind: handle.kind, clock: systemClock, config };
    const region = '350999';
    await orgService.createRegion(deps, SYSTEM_ACTOR, { code: region, name: '云溪县', parentCode: null });
    const departments: string[] = [];
    for (let d = 0; d < 30; d++) {
      const row = await orgService.createDepartment(deps, SYSTEM_ACTOR, {
        regionCode: region,
        name: `云溪县测试局${d + 1}`,
      });
      departments.push(row.id);
    }

    const t0 = performance.now();
    const batch = 1000;
    for (let start = 0; start < ITEMS; start += batch) {
      const n = Math.min(batch, ITEMS - start);
      const items = await handle.db
        .insertInto('catalogItem')
        .values(
          Array.from({ length: n }, (_, k) => ({
            regionCode: region,
            itemCode: `BENCH-${String(start + k).padStart(6, '0')}`,
          })),
        )
        .returning('id')
        .execute();
      const now = new Date();
      const versions = await handle.db
        .insertInto('catalogItemVersion')
        .values(
          items.map(({ id }, k) => {
            const i = start + k;
            const itemName = `${pick(SUBJECTS, i)}${pick(ACTIONS, Math.floor(i / SUBJECTS.length))}${pick(
              VARIANTS,
              Math.floor(i / (SUBJECTS.length * ACTIONS.length)),
            )}`;
            const py = namePinyin(itemName);
            const instant = i % 5 === 0;
            return {
              regionCode: region,
              itemId: id,
              versionNo: 1,
              status: 'published' as const,
              name: itemName,
              namePinyin: py.full,
              namePinyinInitials: py.initials,
              itemType: pick(TYPES, i),
              departmentId: pick(departments, i),
              legalBasis: JSON.stringify([{ name: '《测试条例》', article: `第${(i % 90) + 1}条` }]),
              acceptanceConditions: '符合法定条件',
              handling: instant ? ('instant' as const) : ('promised' as const),
              legalLimitDays: instant ? 0 : 20,
              promisedLimitDays: instant ? 0 : (i % 10) + 1,
              specialProcedures: '[]',
              fees: '[]',
              location: '政务服务中心',
              hours: '工作日',
              consultPhone: '0599-7712345',
              complaintPhone: '12345',
              maxVisits: i % 3,
              onlineLevel: pick(ONLINE, i),
              hallExemption: null,
              steps: JSON.stringify(['受理', '审查', '决定', '办结']),
              guides: JSON.stringify({
                zh: { name: itemName, conditions: '符合法定条件', process: '受理→审查→决定→办结', notes: '' },
              }),
              createdAt: now,
              publishedAt: now,
            };
          }),
        )
        .returning('id')
        .execute();
      await handle.db
        .insertInto('catalogMaterial')
        .values(
          versions.flatMap(
            ({ id }) =>
              [
                {
                  regionCode: region,
                  versionId: id,
                  sortOrder: 1,
                  name: '申请书',
                  requirement: 'required',
                  form: 'original',
                },
                {
                  regionCode: region,
                  versionId: id,
                  sortOrder: 2,
                  name: '身份证明',
                  requirement: 'required',
                  form: 'copy',
                },
              ] as const,
          ),
        )
        .execute();
    }
    await sql`analyze`.execute(handle.db);
    console.log(`generated ${ITEMS} published items in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const app = await buildApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}/api/public/catalog/items`;

    const nameQueries = [...SUBJECTS.slice(0, 20), ...ACTIONS, '食品经营', '医疗机构执业', '许可', '跨区域'];
    const pinyinQueries = [
      'spjy',
      'ypsc',
      'jzgc',
      'ggcs',
      'yljg',
      'dlys',
      'wxhxp',
      'yczm',
      'rqjy',
      'xfss',
      'slrs',
      'mbxx',
      'yljgzy',
      'shipin',
      'jianzhu',
      'yiliao',
      'xuke',
      'dengji',
      'bgdj',
      'zxdj',
    ];

    async function run(
      label: string,
      queries: string[],
    ): Promise<{ median: number; p99: number; hits: number }> {
      // Warm-up: plans cached, connections open.
      for (const q of queries) await fetch(`${base}?q=${encodeURIComponent(q)}`).then((r) => r.arrayBuffer());
      const times: number[] = [];
      let next = 0;
      let hits = 0;
      const worker = async () => {
        for (;;) {
          const i = next++;
          if (i >= QUERIES) return;
          const q = queries[i % queries.length]!;
          const page = (i % 3) + 1;
          const start = performance.now();
          const res = await fetch(
            `${base}?q=${encodeURIComponent(q)}&page=${page}&pageSize=20&regionCode=${region}`,
          );
          const body = (await res.json()) as { total: number };
          times.push(performance.now() - start);
          if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
          if (body.total > 0) hits++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      times.sort((a, b) => a - b);
      const r = { median: percentile(times, 50), p99: percentile(times, 99), hits };
      console.log(
        `${label}: ${QUERIES} searches, ${CONCURRENCY} concurrent — median ${r.median.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${hits} with results)`,
      );
      return r;
    }

    const byName = await run('name', nameQueries);
    const byPinyin = await run('pinyin', pinyinQueries);
    await app.close();
    const target = 30;
    console.log(
      `target p99 ≤ ${target} ms: name ${byName.p99 <= target ? 'met' : 'MISSED'}, pinyin ${byPinyin.p99 <= target ? 'met' : 'MISSED'}`,
    );
    console.log(
      `RESULT ${JSON.stringify({ searchP99Ms: Number(byName.p99.toFixed(1)), pinyinP99Ms: Number(byPinyin.p99.toFixed(1)) })}`,
    );
  } finally {
    await handle.close();
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    if (!process.env.BENCH_KEEP) await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

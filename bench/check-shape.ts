import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crossModuleQueries, largestServerFile, ROOT } from './lib/shape';

/**
 * `npm run check:shape` (issue 13): the module-shape figures. By default it only reads the source
 * (largest file, cross-module queries) and the last `bench:cases` result, so it is cheap on a shared
 * machine. `--with-integration` also times `vitest run --project integration` on PGlite (the issue's
 * baseline before the template database: ~170 s; target ≤ half). `--with-cases` runs
 * `npm run bench:cases` at a small size (a few seconds per phase; `--full-cases` for the issue-5
 * defaults) and keeps its RESULT in .tmp/bench-cases.result.json, which later runs read.
 * Last line: RESULT {…}.
 */
const args = new Set(process.argv.slice(2));
const CASES_RESULT = path.join(ROOT, '.tmp/bench-cases.result.json');
/** Integration suite on PGlite before issue 13 (the issue's figure: ~10 s per file, ~170 s in all). */
const INTEGRATION_SECONDS_BEFORE = 170;
/** bench:cases small: short phases, one round (the ratio is a ratio, so it stays comparable). */
const SMALL_CASES_ENV = {
  BENCH_SECONDS: '4',
  BENCH_PGBENCH_SECONDS: '4',
  BENCH_ROUNDS: '1',
  BENCH_WARMUP_SECONDS: '2',
};

const largest = largestServerFile();
console.log(`largest file under apps/server/src: ${largest.file} (${largest.lines} lines; target ≤ 500)`);

const cross = crossModuleQueries();
console.log(`table queries outside the owning module: ${cross.length} (target 0)`);
for (const q of cross) console.log(`  ${q.file}:${q.line} ${q.module} → ${q.table}`);

let integrationSeconds: number | null = null;
if (args.has('--with-integration')) {
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL; // PGlite only: the figure the issue tracks
  const started = performance.now();
  const r = spawnSync('npx', ['vitest', 'run', '--project', 'integration'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  integrationSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(
    `integration suite on PGlite: ${integrationSeconds} s (before: ~${INTEGRATION_SECONDS_BEFORE} s; target ≤ ${INTEGRATION_SECONDS_BEFORE / 2} s)${r.status === 0 ? '' : ` (exit ${r.status}: some tests failed)`}`,
  );
} else console.log('integration suite: not timed (pass --with-integration; it runs the whole suite)');

let casesRatio: number | null = null;
if (args.has('--with-cases')) {
  const r = spawnSync('npm', ['run', '--silent', 'bench:cases'], {
    cwd: ROOT,
    env: args.has('--full-cases') ? process.env : { ...SMALL_CASES_ENV, ...process.env },
    encoding: 'utf8',
    stdio: 'pipe',
  });
  process.stdout.write(r.stdout);
  const line = r.stdout.split('\n').findLast((l) => l.startsWith('RESULT '));
  if (line) {
    mkdirSync(path.dirname(CASES_RESULT), { recursive: true });
    writeFileSync(CASES_RESULT, line.slice('RESULT '.length));
  }
}
if (existsSync(CASES_RESULT)) {
  casesRatio = (JSON.parse(readFileSync(CASES_RESULT, 'utf8')) as { ratio?: number }).ratio ?? null;
  console.log(`bench:cases ratio (last run): ${casesRatio} (must stay ≥ 0.4)`);
} else console.log('bench:cases ratio: no result yet (run with --with-cases)');

console.log(
  `RESULT ${JSON.stringify({
    largestServerFileLines: largest.lines,
    crossModuleTableQueries: cross.length,
    integrationSuiteSeconds: integrationSeconds,
    casesRatio,
  })}`,
);

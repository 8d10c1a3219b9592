import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crossModuleQueries, largestServerFile, ROOT } from './lib/shape';

/**
 * `npm run check:shape` (issue 13): the module-shape figures. Runs the integration suite on PGlite
 * to time it (`--no-integration` skips that); `--with-cases` runs `npm run bench:cases` and keeps its
 * RESULT in .tmp/bench-cases.result.json, which later runs read. Last line: RESULT {…}.
 */
const args = new Set(process.argv.slice(2));
const CASES_RESULT = path.join(ROOT, '.tmp/bench-cases.result.json');

const largest = largestServerFile();
console.log(`largest file under apps/server/src: ${largest.file} (${largest.lines} lines; target ≤ 500)`);

const cross = crossModuleQueries();
console.log(`table queries outside the owning module: ${cross.length} (target 0)`);
for (const q of cross) console.log(`  ${q.file}:${q.line} ${q.module} → ${q.table}`);

let integrationSeconds: number | null = null;
if (!args.has('--no-integration')) {
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
    `integration suite on PGlite: ${integrationSeconds} s${r.status === 0 ? '' : ` (exit ${r.status}: some tests failed)`}`,
  );
}

let casesRatio: number | null = null;
if (args.has('--with-cases')) {
  const r = spawnSync('npm', ['run', '--silent', 'bench:cases'], {
    cwd: ROOT,
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

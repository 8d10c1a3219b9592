/**
 * npm run bench:calendar — how fast the compiled calendar (packages/calendar) answers deadlines,
 * against walking day by day with chinese-days `isWorkday` (what a naive implementation does).
 * Targets (issue 3): ≥ 2,000,000 addWorkingDays/s on one core and ≥ 100× the day walk.
 * Everything runs on the main thread; the last line is machine-readable.
 */
// chinese-days ships CommonJS: Node's ESM loader only exposes its default export.
import chineseDays from 'chinese-days';
import {
  addWorkingDays,
  compileCalendar,
  computeCaseClock,
  daysFromChineseDays,
  fromDayNumber,
  toDayNumber,
  type CaseClockInput,
} from '../packages/calendar/src/index';

/** Deterministic inputs, so two runs measure the same work (mulberry32). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Runs `batch` repeatedly for at least `seconds`; returns operations per second. */
function measure(seconds: number, opsPerBatch: number, batch: () => void): number {
  batch(); // warm up the JIT
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    batch();
    ops += opsPerBatch;
    elapsed = performance.now() - started;
  } while (elapsed < seconds * 1000);
  return (ops / elapsed) * 1000;
}

function walkWithChineseDays(start: string, n: number): string {
  let day = toDayNumber(start);
  for (let left = n; left > 0;) {
    day++;
    if (chineseDays.isWorkday(fromDayNumber(day))) left--;
  }
  return fromDayNumber(day);
}

const formatRate = (rate: number): string => Math.round(rate).toLocaleString('en-US');

const compileStarted = performance.now();
const calendar = compileCalendar(daysFromChineseDays(), { from: '2004-01-01', to: '2035-12-31' });
console.log(`compileCalendar 2004–2035: ${(performance.now() - compileStarted).toFixed(1)} ms`);

// Typical deadline queries: a start between 2019 and mid-2026 and 1–45 working days (DEC-1/DEC-2 limits).
const random = createRandom(20260215);
const QUERY_COUNT = 100_000;
const firstStart = toDayNumber('2019-01-01');
const startSpan = toDayNumber('2026-06-30') - firstStart;
const starts: string[] = [];
const counts: number[] = [];
for (let i = 0; i < QUERY_COUNT; i++) {
  starts.push(fromDayNumber(firstStart + Math.floor(random() * startSpan)));
  counts.push(1 + Math.floor(random() * 45));
}

let sink = 0;
const addPerSec = measure(2, QUERY_COUNT, () => {
  for (let i = 0; i < QUERY_COUNT; i++) sink += addWorkingDays(calendar, starts[i]!, counts[i]!).length;
});
console.log(`addWorkingDays (compiled calendar): ${formatRate(addPerSec)} calls/s`);

// The day walk is slow: a bounded slice of the same queries, checked against the compiled answers.
const WALK_COUNT = 2_000;
let mismatches = 0;
for (let i = 0; i < 200; i++) {
  if (walkWithChineseDays(starts[i]!, counts[i]!) !== addWorkingDays(calendar, starts[i]!, counts[i]!))
    mismatches++;
}
const walkPerSec = measure(2, WALK_COUNT, () => {
  for (let i = 0; i < WALK_COUNT; i++) sink += walkWithChineseDays(starts[i]!, counts[i]!).length;
});
console.log(`day-by-day walk with chinese-days isWorkday: ${formatRate(walkPerSec)} calls/s`);
console.log(`same deadlines: ${mismatches === 0 ? 'yes' : `NO — ${mismatches} of 200 differ`}`);
const ratio = addPerSec / walkPerSec;
console.log(`ratio compiled / walk: ${ratio.toFixed(0)}×`);

// Full case clocks: acceptance, decision (legal + promised, suspensions, extension) and delivery.
const CLOCK_COUNT = 10_000;
const hour = 3_600_000;
const clockInputs: CaseClockInput[] = [];
const clockNows: Date[] = [];
for (let i = 0; i < CLOCK_COUNT; i++) {
  const received = Date.parse(`${starts[i]!}T09:00:00+08:00`) + Math.floor(random() * 8) * hour;
  const accepted = received + Math.floor(random() * 3) * 24 * hour;
  const input: CaseClockInput = {
    materialsReceivedAt: new Date(received),
    acceptedAt: new Date(accepted),
    isBundle: random() < 0.2,
    promisedLimitDays: 5 + Math.floor(random() * 10),
    suspensions: [],
  };
  const suspensions = input.suspensions as NonNullable<CaseClockInput['suspensions']>[number][];
  if (random() < 0.5) {
    const start = accepted + Math.floor(random() * 10) * 24 * hour;
    suspensions.push({
      kind: 'testing',
      countsInLimit: random() < 0.2,
      start: new Date(start),
      end: new Date(start + Math.floor(1 + random() * 15) * 24 * hour),
    });
  }
  if (random() < 0.3) input.extension = { days: 1 + Math.floor(random() * 10) };
  if (random() < 0.4) {
    const decided = accepted + Math.floor(20 + random() * 20) * 24 * hour;
    input.decidedAt = new Date(decided);
    if (random() < 0.5) input.deliveredAt = new Date(decided + Math.floor(random() * 10) * 24 * hour);
  }
  clockInputs.push(input);
  clockNows.push(new Date(accepted + 60 * 24 * hour));
}
const clockPerSec = measure(2, CLOCK_COUNT, () => {
  for (let i = 0; i < CLOCK_COUNT; i++) {
    sink += computeCaseClock(clockInputs[i]!, calendar, undefined, clockNows[i]!).today.length;
  }
});
console.log(`computeCaseClock (full clock): ${formatRate(clockPerSec)} clocks/s`);

const targetsMet = addPerSec >= 2_000_000 && ratio >= 100 && mismatches === 0;
console.log(
  `targets (≥ 2,000,000/s, ≥ 100× the walk, same answers): ${targetsMet ? 'met' : 'NOT met'} (sink ${sink % 10})`,
);
console.log(
  `RESULT ${JSON.stringify({
    addWorkingDaysPerSec: Math.round(addPerSec),
    clockPerSec: Math.round(clockPerSec),
    ratioVsDayWalk: Math.round(ratio),
  })}`,
);

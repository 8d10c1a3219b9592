import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledQuery, Kysely } from 'kysely';
import { offendingTables } from '../src/platform/citus-statements';
import { MIGRATIONS_DIR } from '../src/platform/migrate';
import { SERVER_ROOT } from '../src/platform/paths';

/**
 * Issue 23's statement test (ADR 0006): during the integration suite every statement the app sends is
 * checked for naming its `region_code` when it touches a business table (citus-statements.ts).
 * Offenders are recorded, one JSON line each, in `test-results/statement-check/<pid>.jsonl` (with
 * the module the statement came from and its SQL text, never its parameters); a statement from a
 * module listed in ENFORCED fails the test that sent it, unless it is on the named CROSS_REGION list.
 * Modules join ENFORCED as their repositories come to name the region in every statement.
 */
// inbox: no offender over its own and the outbox tests (issue 23, first module enforced).
// platform: the outbox and stored files (outbox and files tests); calendar (calendar tests).
// auth: the session keeps its account's region (migration 0060); an account found by its name or id
// alone is first found in account_name (coordinator-local), then read in its region.
// trading, intermediaries: their public pages arrive with a number, a token or an id alone (below).
// evaluations: a pad's token and an SMS link's token arrive alone (below); the invite job names the
// regions of its candidate cases.
// hall: a hall's rows are read in the hall's region; a slot, booking, ticket, patrol, problem or notice by id alone (below).
// supervision: its dashboards read the scope's rollups (a prefix); the job names the regions of its cases (below).
// bundles: a bundle number carries its region; a branch is in its case's region; a theme id or 一业一证 token arrives alone (below).
export const ENFORCED: readonly string[] = [
  'inbox',
  'platform',
  'calendar',
  'auth',
  'trading',
  'intermediaries',
  'evaluations',
  'bundles',
  'hall',
  'supervision',
];

/**
 * Statements that must span regions or arrive with an id alone, by module and table, and why
 * (ADR 0006: few, named). A region-free lookup first, then single-shard statements.
 */
export const CROSS_REGION: Record<string, string> = {
  'platform outbox_message':
    'the poller serves every region: which regions have messages due is one read without locks (outbox.ts deliverDue); claiming and recording name the region',
  'platform stored_file_owner':
    'GET /files/<sha256> arrives with the hash alone: which records, in which regions, hold the file is one region-free lookup (files.ts listFileOwners); the owner module then reads its record in that region',
  'calendar local_day':
    'DELETE /api/calendar/local-days/:id arrives with the id alone: the day is found by it (calendar.repository.ts findLocalDay), then deleted in its region',
  'trading trading_project':
    'GET /api/public/trading/projects/:projectNo arrives with the project number alone: the project is found by it (trading.repository.ts findProjectByNo), then its entries and bidders are read in its region',
  'intermediaries intermediary':
    "an intermediary's own requests (linking an item, quoting) arrive with its management token alone: the record is found by the token's hash (intermediaries.repository.ts findByToken); what follows names its region",
  'intermediaries intermediary_purchase':
    'POST /api/public/intermediaries/complaints arrives with the purchase id alone: the purchase is found by it (findPurchaseAnyRegion), then the complaint is written in its region',
  'evaluations eval_pad':
    "a rating pad's requests arrive with its token alone: the pad is found by the token's hash (evaluations.repository.ts findPadByTokenHash, findPadAndVisit), then its visit and rating are in the pad's region",
  'evaluations eval_sms_link':
    'an SMS rating link (/rate/s/<token>) arrives with its token alone: the link is found by its hash (findSmsLinkByHash), then used and rated in its region',
  'evaluations eval_rating_day':
    "rebuilding the rating rollup after a bulk load (rebuildRatingDays: the benchmark's and a test's load) empties and recounts every region's rows; the submit path names the region",
  'hall hall_slot':
    "a portal booking names its slot by id alone, and a capacity change by slot id answers 403 outside the admin's region: the slot is found by it (hall.repository.ts findSlot), then booked or changed in its region",
  'hall hall_appointment':
    'the portal confirms or cancels a booking by its id (and code) alone: the booking is found by it (hall-appointments.repository.ts findAppointment), then changed in its region',
  'hall hall_ticket':
    "a kiosk slip's public page (/api/public/hall/tickets/:id) names its ticket by id alone, and staff's ticket detail answers 403 outside their region: the ticket is found by it (hall-queue.repository.ts findTicketAnyRegion); the queue ahead and its events are read in its region",
  'hall hall_patrol':
    "a patrol's routes (/api/hall/patrols/:id/…) arrive with its id alone and answer 403 outside the supervisor's region: the patrol is found by it (hall-patrols.repository.ts findPatrol), then changed in its region",
  'hall hall_patrol_problem':
    "a problem's photo is attached by the problem's id alone (403 outside the region, through its patrol): the problem is found by it (findProblem), then changed in its region",
  'hall hall_inspection_notice':
    "a 督查告知书's routes (/api/hall/notices/:id/…) arrive with its id alone and answer 403 outside the actor's region or department: the notice is found by it (findNotice), then changed in its region",
  'supervision supervision_order':
    'the supervision job serves every region: which open 督办单 are past their reply date is one read without locks (supervision.repository.ts listUnansweredPastDue); marking each late and escalating it name its region',
  'bundles bundle_definition_version':
    "a bundle theme is applied for (online or at a window) and shown on the public guide by its definition or version id alone: the version is found by it (bundles.repository.ts findVersion, findCurrentVersion without a scope), then its parts are read in its region; staff's reads name their scope",
  'bundles bundle_license':
    '一业一证 verification (/api/public/bundles/licenses/<token>, a printed QR code) arrives with the token alone: the license is found by it (bundles.repository.ts findLicenseByToken); nothing else is read',
  'cases case_change':
    "the supervision job reads every region's changed-case marks in one statement (case-feed.ts listChangedCases); acknowledging them names the region",
};

const OUT_DIR = path.join(SERVER_ROOT, '..', '..', 'test-results', 'statement-check');
let known: Set<string> | null = null;
let installed = false;

function knownTables(): Set<string> {
  if (known) return known;
  known = new Set<string>();
  for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')))
    for (const m of readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8').matchAll(
      /create table (?:if not exists )?(\w+)/gi,
    ))
      known.add(m[1]!.toLowerCase());
  return known;
}

/**
 * The module a statement came from: the innermost frame under src/modules/<m>; else src/platform or
 * src/demo (the outbox, files, the demo seed); else the test itself, which is not checked.
 */
function origin(stack: string): string {
  const lines = stack.split('\n').slice(1);
  // A migration changes the schema once, on the coordinator (docs/deploy-citus.md): not a statement
  // the application sends.
  if (lines.some((l) => /apps\/server\/src\/platform\/migrate\.ts/.test(l))) return 'migration';
  for (const line of lines) {
    const m = /apps\/server\/src\/modules\/(\w[\w-]*)\//.exec(line);
    if (m) return m[1]!;
  }
  for (const line of lines) {
    const m = /apps\/server\/src\/(platform|demo)\//.exec(line);
    if (m && !/platform\/(db|fixed-statement|pg-dialect|pglite-dialect)\.ts/.test(line)) return m[1]!;
  }
  return 'test';
}

function check(q: CompiledQuery): void {
  const tables = offendingTables(q.sql, knownTables());
  if (tables.length === 0) return;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60; // Kysely's own frames come first
  const from = origin(new Error().stack ?? '');
  Error.stackTraceLimit = limit;
  // A test reading the database to check it, or a migration: not the application.
  if (from === 'test' || from === 'migration') return;
  const named = tables.every((t) => CROSS_REGION[`${from} ${t}`] !== undefined);
  if (named) return;
  mkdirSync(OUT_DIR, { recursive: true });
  appendFileSync(
    path.join(OUT_DIR, `${process.pid}.jsonl`),
    JSON.stringify({ module: from, tables, sql: q.sql.replace(/\s+/g, ' ').slice(0, 500) }) + '\n',
  );
  if (ENFORCED.includes(from))
    throw new Error(
      `statement on ${tables.join(', ')} without a region_code condition from module ${from} (issue 23, ADR 0006): ${q.sql}`,
    );
}

/**
 * Wraps the query executor of every Kysely instance in this process (transactions make new
 * executors, so the shared prototype is wrapped), once. Pipelined statements travel behind the
 * first one under a symbol: they are checked too.
 */
export function installStatementCheck(db: Kysely<unknown>): void {
  if (installed || process.env.TONGBAN_STATEMENT_CHECK === 'off') return;
  installed = true;
  let proto = Object.getPrototypeOf(db.getExecutor()) as Record<string, unknown>;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'executeQuery'))
    proto = Object.getPrototypeOf(proto) as Record<string, unknown>;
  const original = proto.executeQuery as (
    this: unknown,
    q: CompiledQuery,
    ...rest: unknown[]
  ) => Promise<unknown>;
  proto.executeQuery = function (this: unknown, q: CompiledQuery, ...rest: unknown[]) {
    check(q);
    for (const s of Object.getOwnPropertySymbols(q)) {
      const v = (q as unknown as Record<symbol, unknown>)[s];
      if (Array.isArray(v))
        for (const x of v) if (x && typeof (x as CompiledQuery).sql === 'string') check(x as CompiledQuery);
    }
    return original.call(this, q, ...rest);
  };
}

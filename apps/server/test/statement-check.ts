import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledQuery, Kysely } from 'kysely';
import { offendingTables, regionFreeName } from '../src/platform/citus-statements';
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
// ledger: a ledger row's id arriving alone is tried in the actor's region, then found by the id (below).
// complaints: an order's id arriving alone is tried in the actor's region, then found by the id (below).
// catalog: an item's or a version's id arrives alone (a staff route, a public guide, another module): found
// by it, then read and written in its region (below).
// org: a hall, department, window or staff id arrives alone (PATCH keeps ORG_OUT_OF_REGION, a form's
// ids, the public board, other modules' reads without the region): found by it, then in its region.
// audit: the chains' writes and reads name their region; audit:verify walks every region (below).
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
  // cases: a case id, a notice's case, a license token or a draft token arriving alone is found by one
  // named region-free statement (REGION_FREE); a case number starts with its region's code.
  'cases',
  'ledger',
  'complaints',
  // reviews: its draws and reviews read their own tables in the reviewer's region; the cases they
  // draw come from the cases module (listConcludedCaseFacts), which names the regions.
  'reviews',
  'catalog',
  'org',
  'audit',
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
  'ledger ledger_inspection':
    "the ledger's routes (/api/ledger/inspections/:id/…) and the public report page and its feedback form (/api/public/reports/:inspectionId) arrive with an inspection id alone, possibly of a region below the actor's: tried in the actor's (or remembered) region, on a miss its region is found by the id (ledger-access.ts locate, ledger.repository.ts regionOfRow), then read there; the public list of published reports (list-public-reports.ts) spans every region",
  'ledger ledger_finding':
    "/api/ledger/findings/:id/… arrive with the finding's id alone: tried in the actor's region, on a miss its region is found by the id (regionOfRow); what follows names its region",
  'ledger ledger_measure':
    "/api/ledger/measures/:id/… and GET /files for a measure's evidence (mayReadMeasure) arrive with its id alone: tried in the actor's region, on a miss found by the id (regionOfRow); the reminder job (ledger-reminders.ts) reads every region's measures due, then their progress in their regions",
  'complaints complaint':
    "an order's routes (/api/complaints/:id/…) arrive with its id alone, possibly of a region below the actor's: tried in the remembered or actor's region, on a miss its region is found by the id (complaints.repository.ts findComplaintRegion; also the order a 并单 names), then locked or read there; the supervision job's reopened-refusal read (listReopenedRefusals) serves every region",
  'catalog catalog_item':
    "a staff route (/api/catalog/items/:id/…) or a public guide (/guide/:id) arrives with the item's id alone: the item is found by it (catalog.repository.ts findItemAnyRegion), then its versions and materials are read and written in its region",
  'catalog catalog_item_version':
    "a version's id (PATCH /api/catalog/versions/:id, a case's pinned version) or a live item's id (a public guide, an application, a bundle) arrives alone: the version is found by it (findVersionRowAnyRegion, findPublishedRowAnyRegion, findPublishedVersionIdAnyRegion; getVersion and getPublishedVersion take the region when the caller has it), then read in its region; the public guide search spans every region's live versions (catalog-search-index.ts loadEntries, once per catalog revision)",
  'org hall':
    "PATCH /api/org/halls/:id, a form's hall id and the public 公示牌 arrive with the hall's id alone: the hall is found by it in any region (org.repository.ts findHall without a region; outside the admin's scope stays 403 ORG_OUT_OF_REGION), then written or read in its region; other modules' reads by a hall id without its region (org-records.ts: the region is an optional last argument)",
  'org department':
    "PATCH /api/org/departments/:id and a form's department id arrive alone: found by it in any region (org-scope.ts getDepartmentIn; outside the admin's scope stays 403 ORG_OUT_OF_REGION), then written in its region; other modules' department reads by id without their record's region (org-lookups.ts findDepartment, departmentNames, org-records.ts, findDepartmentBrief, the demo's credit codes: the region is an optional last argument)",
  'org hall_window':
    "PATCH /api/org/windows/:id and a staff form's window id arrive alone: found by it in any region (org.repository.ts findWindow without a region; outside the admin's scope stays 403 ORG_OUT_OF_REGION), then written in its region; other modules' window reads by id or hall id without their record's region (org-records.ts: the region is an optional last argument)",
  'org staff':
    "PATCH /api/org/staff/:id and its photo arrive with the id alone: found by it in any region (org.repository.ts findStaff without a region; outside the admin's scope stays 403 ORG_OUT_OF_REGION), then written in its region; other modules' staff reads by id, window or hall without their record's region (org-records.ts: the region is an optional last argument)",
  'audit audit_log':
    'audit:verify walks every chain of every region in one snapshot: which chains there are is one read over all regions (audit.repository.ts listChains); each chain is then paged in its region',
  'audit audit_checkpoint':
    "audit:verify: which chains a checkpoint names, over all regions (listCheckpointedChains); each chain's checkpoints are then read in its region",
  'audit audit_head':
    "audit:verify: every chain's head, over all regions (listHeads), compared with the chain's last entry; the writers lock and move one chain's head in its region",
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

/**
 * Single statements that may span regions, by the name they carry (platform/db.ts regionFree), and
 * why. Unlike CROSS_REGION (a module's every statement on a table), each entry admits one statement.
 */
export const REGION_FREE: Record<string, string> = {
  'cases.case-by-id':
    'a case id arrives alone (GET /api/cases/:id and its documents, a transition whose region guess missed): the case is found by it, then everything else names its region',
  'cases.license-by-token':
    'SEC-2: the public verifies an e-license by its random token alone (/verify/<token>)',
  'cases.applicant-by-id':
    'GET /api/applicants/:id arrives with the id alone: the applicant is found by it, then its region is checked against the reader',
  'cases.draft-by-token':
    "an online draft is found by the keyed hash of its token alone (the applicant's link)",
  'cases.draft-by-id':
    'a draft id arrives alone (reading the case a draft became): one lookup of its case id',
  'cases.my-online-cases':
    "我的办件: a citizen's online cases may lie in any region; they are found by the account that filed them",
  'cases.walk-all-cases':
    'the projection check (TRUTH-1, audit:verify) walks every case of every region in key order',
  'cases.concluded-between': "the SMS rating job's candidates: cases of every region concluded in a period",
  'cases.case-histories-by-id':
    'readCaseHistories: cases named by id alone (the supervision refresh, the demo); readCaseHistoriesByKey names the regions',
  'cases.any-case': 'the demo seeds only an empty database: whether any case exists anywhere',
  'cases.open-case-keys':
    'the supervision job (ADR 0005) reads the keys of every open case of every region when it rebuilds',
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

/** A statement's text decides its offending tables: the suite sends the same few thousand texts again and again. */
const offendingByText = new Map<string, string[]>();

function check(q: CompiledQuery): void {
  let tables = offendingByText.get(q.sql);
  if (!tables) offendingByText.set(q.sql, (tables = offendingTables(q.sql, knownTables())));
  if (tables.length === 0) return;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60; // Kysely's own frames come first
  const from = origin(new Error().stack ?? '');
  Error.stackTraceLimit = limit;
  // A test reading the database to check it, or a migration: not the application.
  if (from === 'test' || from === 'migration') return;
  const free = regionFreeName(q.sql);
  if (free !== undefined && REGION_FREE[free] !== undefined) return;
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

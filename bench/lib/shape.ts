import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The module shape of the server (issue 13), measured: which module owns each table, and which
 * query calls reach a table of another module. Used by `npm run check:shape` and table-owners.test.ts.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SERVER_SRC = path.join(ROOT, 'apps/server/src');
export const MIGRATIONS = path.join(ROOT, 'apps/server/migrations');

/** Every table of the migrations and the one module whose repository may query it. */
export const TABLE_OWNERS: Record<string, string> = {
  // org: the county's structure
  region: 'org',
  hall: 'org',
  department: 'org',
  hall_window: 'org',
  staff: 'org',
  // auth: identity — accounts, passwords, sessions (org administers users through auth)
  app_user: 'auth',
  account_name: 'auth',
  user_session: 'auth',
  login_throttle: 'auth',
  audit_log: 'audit',
  audit_head: 'audit',
  audit_checkpoint: 'audit',
  national_day: 'calendar',
  local_day: 'calendar',
  calendar_revision: 'calendar',
  catalog_item: 'catalog',
  catalog_item_version: 'catalog',
  catalog_material: 'catalog',
  catalog_revision: 'catalog',
  applicant: 'cases',
  service_case: 'cases',
  case_event: 'cases',
  case_change: 'cases',
  case_material: 'cases',
  case_notice: 'cases',
  license: 'cases',
  case_license_type: 'cases',
  case_no_counter: 'cases',
  case_sequence: 'cases',
  idempotency_key: 'cases',
  case_draft: 'cases',
  ledger_inspection: 'ledger',
  ledger_category: 'ledger',
  ledger_finding: 'ledger',
  ledger_measure: 'ledger',
  ledger_progress: 'ledger',
  ledger_revisit: 'ledger',
  ledger_accountability: 'ledger',
  ledger_regulation: 'ledger',
  ledger_regulation_finding: 'ledger',
  ledger_recovery: 'ledger',
  ledger_lead: 'ledger',
  ledger_public_feedback: 'ledger',
  // platform: the outbox (platform/outbox.ts) and content-addressed files (platform/files.ts)
  inbox_item: 'inbox',
  // ── supervision ──
  supervision_clock: 'supervision',
  supervision_item_threshold: 'supervision',
  supervision_escalation: 'supervision',
  supervision_order: 'supervision',
  supervision_work_escalation: 'supervision',
  supervision_case_fact: 'supervision',
  supervision_rollup: 'supervision',
  supervision_rollup_department: 'supervision',
  supervision_rollup_channel: 'supervision',
  supervision_rollup_item: 'supervision',
  supervision_rollup_item_department: 'supervision',
  supervision_rollup_item_channel: 'supervision',
  supervision_job_state: 'supervision',

  // ── evaluations ──
  eval_setting: 'evaluations',
  eval_pad: 'evaluations',
  eval_visit: 'evaluations',
  eval_rating: 'evaluations',
  eval_rating_day: 'evaluations',
  eval_flag: 'evaluations',
  eval_sms_link: 'evaluations',
  eval_bad_review: 'evaluations',
  eval_bad_review_step: 'evaluations',
  eval_appeal: 'evaluations',

  // ── complaints ──
  complaint: 'complaints',
  complaint_catalog_rule: 'complaints',
  complaint_catalog_version: 'complaints',
  complaint_counter: 'complaints',
  complaint_event: 'complaints',
  complaint_holding: 'complaints',
  complaint_setting: 'complaints',

  // ── hall ──
  hall_setting: 'hall',
  hall_item_group: 'hall',
  hall_window_group: 'hall',
  hall_window_switch: 'hall',
  hall_slot: 'hall',
  hall_person: 'hall',
  hall_appointment: 'hall',
  hall_ticket_counter: 'hall',
  hall_ticket: 'hall',
  hall_ticket_event: 'hall',
  hall_presence: 'hall',
  hall_patrol: 'hall',
  hall_inspection_notice: 'hall',
  hall_patrol_problem: 'hall',
  hall_notice_event: 'hall',

  // ── bundles ──
  bundle_definition: 'bundles',
  bundle_definition_version: 'bundles',
  bundle_definition_item: 'bundles',
  bundle_form_field: 'bundles',
  bundle_material: 'bundles',
  bundle_case: 'bundles',
  bundle_branch: 'bundles',
  bundle_event: 'bundles',
  bundle_license: 'bundles',
  bundle_counter: 'bundles',

  // ── trading ──
  trading_bidder: 'trading',
  trading_deposit: 'trading',
  trading_draw: 'trading',
  trading_expert: 'trading',
  trading_expert_relation: 'trading',
  trading_offplatform_declaration: 'trading',
  trading_panel_member: 'trading',
  trading_project: 'trading',
  trading_project_entry: 'trading',
  trading_room_booking: 'trading',
  trading_complaint: 'trading',

  // ── intermediaries ──
  intermediary: 'intermediaries',
  intermediary_complaint: 'intermediaries',
  intermediary_item_link: 'intermediaries',
  intermediary_purchase: 'intermediaries',
  intermediary_quote: 'intermediaries',
  intermediary_rule: 'intermediaries',

  // ── reviews ──
  review_plan: 'reviews',
  review_file: 'reviews',
  review_scheme: 'reviews',
  review_assessment: 'reviews',
  review_rule_setting: 'reviews',
  review_auto_finding: 'reviews',

  outbox_message: 'platform',
  stored_file: 'platform',
  stored_file_owner: 'platform',
};

export function walk(dir: string, ext = '.ts'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return walk(p, ext);
    return d.name.endsWith(ext) ? [p] : [];
  });
}

/** The tables the migrations create (snake_case). */
export function migrationTables(dir = MIGRATIONS): string[] {
  const names = new Set<string>();
  for (const f of walk(dir, '.sql'))
    for (const m of readFileSync(f, 'utf8').matchAll(
      /create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi,
    ))
      names.add(m[1]!.toLowerCase());
  return [...names].sort();
}

/** `modules/<m>/…` → m; `platform/…`, `demo/…` → platform, demo; the rest (app.ts, main.ts) → app. */
export function moduleOf(file: string): string {
  const rel = path.relative(SERVER_SRC, file).split(path.sep);
  if (rel[0] === 'modules') return rel[1]!;
  return rel.length > 1 ? rel[0]! : 'app';
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export type TableQuery = { file: string; module: string; table: string; line: number };

/**
 * Kysely query calls naming a table: selectFrom/insertInto/updateTable/deleteFrom('table[ as x]').
 * Raw sql`` text is not scanned.
 */
export function tableQueries(dir = SERVER_SRC): TableQuery[] {
  const out: TableQuery[] = [];
  for (const file of walk(dir)) {
    if (file.endsWith('.test.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /\b(?:selectFrom|insertInto|updateTable|deleteFrom)\(\s*['"]([a-zA-Z_]+)(?:\s+as\s+\w+)?['"]/g,
    )) {
      out.push({
        file: path.relative(ROOT, file),
        module: moduleOf(file),
        table: snake(m[1]!),
        line: text.slice(0, m.index).split('\n').length,
      });
    }
  }
  return out;
}

/** Queries from a module (or platform/demo/app code) on a table another module owns. */
export function crossModuleQueries(queries = tableQueries()): TableQuery[] {
  return queries.filter(
    (q) =>
      TABLE_OWNERS[q.table] !== undefined &&
      TABLE_OWNERS[q.table] !== q.module &&
      // ARCHITECTURE.md "A module": a read model is where joined reads of other modules' tables
      // (names for lists and details) belong; it names them, and never writes them.
      !q.file.endsWith('.read-model.ts'),
  );
}

/** "file table" → how many such calls: the form the allowlist is kept in. */
export function countByFileAndTable(queries: TableQuery[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of queries) out[`${q.file} ${q.table}`] = (out[`${q.file} ${q.table}`] ?? 0) + 1;
  return out;
}

/**
 * The longest .ts file under apps/server/src (tests included: they live next to the code; generated
 * files are not: nobody edits them).
 */
export function largestServerFile(dir = SERVER_SRC): { file: string; lines: number } {
  let best = { file: '', lines: 0 };
  for (const f of walk(dir)) {
    if (f.endsWith('.generated.ts')) continue;
    const lines = readFileSync(f, 'utf8').split('\n').length;
    if (lines > best.lines) best = { file: path.relative(ROOT, f), lines };
  }
  return best;
}

/**
 * Distributing the schema by region on Citus (issue 23; docs/deploy-citus.md, ADR 0006).
 *
 * Citus shards a table by one column and keeps rows with the same value on the same node; tables
 * sharded by the same column and "colocated" join and reference each other locally. Tongban
 * distributes every business table by `region_code`, and copies the few tables every region reads
 * to every node (reference tables). This file holds the pure part: which tables are which, the
 * rules a table must follow to distribute, and the plan that distributes them. The catalog is read
 * by citus-catalog.ts.
 */

/**
 * Tables every region reads, copied whole to every node (`create_reference_table`). They must not
 * reference a business table.
 */
export const REFERENCE_TABLES = [
  'schema_migrations',
  'region',
  'national_day',
  'calendar_revision',
  'catalog_revision',
  'stored_file',
] as const;

/**
 * Tables that stay on the coordinator only (not distributed at all): operational, not business, and
 * looked up by a key that carries no region (a sign-in address, a cookie's hash, a client's
 * idempotency key). They reference no distributed table (Citus refuses that), ADR 0006.
 */
export const LOCAL_TABLES = ['login_throttle', 'user_session', 'idempotency_key', 'account_name'] as const;

export type TableShape = {
  name: string;
  columns: string[];
  /** Columns of the primary key, in order; empty when the table has none. */
  primaryKey: string[];
  /** Column lists of each unique constraint or unique index (partial ones included). */
  uniques: { name: string; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; references: string; referencedColumns: string[] }[];
  /** Non-internal triggers on the table, with their function's source. */
  triggers: { name: string; body: string }[];
  /** Columns filled by a sequence (serial, identity). */
  sequenced: string[];
};

export type Kind = 'reference' | 'local' | 'business';

export function kindOf(table: string): Kind {
  if ((REFERENCE_TABLES as readonly string[]).includes(table)) return 'reference';
  if ((LOCAL_TABLES as readonly string[]).includes(table)) return 'local';
  return 'business';
}

/**
 * A trigger whose function only refuses the statement (an append-only guard: `raise exception`,
 * nothing read or written) touches no other row, so Citus runs it on each shard when
 * `citus.enable_unsafe_triggers` is on (ADR 0006). Anything else breaks the rule.
 */
export function isRowGuard(body: string): boolean {
  const code = body
    .replace(/--[^\n]*/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .toLowerCase();
  return /\braise\b/.test(code) && !/\b(select|insert|update|delete|perform|execute|from)\b/.test(code);
}

export type Violation = { table: string; rule: string; detail: string };

const DIST = 'region_code';

/**
 * The rules a table must follow to be distributed by region (issue 23): business tables carry
 * `region_code` in every primary and unique key and in every foreign key to another business
 * table, have no triggers (protections are privileges or application checks, ADR 0006) and no
 * global sequence; reference tables reference no business table.
 */
export function checkTable(t: TableShape): Violation[] {
  const out: Violation[] = [];
  const v = (rule: string, detail: string) => out.push({ table: t.name, rule, detail });
  const kind = kindOf(t.name);
  if (kind === 'local') return out;
  if (kind === 'reference') {
    for (const fk of t.foreignKeys)
      if (kindOf(fk.references) === 'business')
        v(
          'reference-fk',
          `${fk.name} → ${fk.references} (a reference table cannot point at a business table)`,
        );
    return out;
  }
  if (!t.columns.includes(DIST)) {
    v('no-region-column', 'no region_code column');
    return out;
  }
  if (t.primaryKey.length === 0) v('no-primary-key', 'no primary key');
  else if (!t.primaryKey.includes(DIST))
    v('primary-key', `primary key (${t.primaryKey.join(', ')}) lacks region_code`);
  for (const u of t.uniques)
    if (!u.columns.includes(DIST)) v('unique-key', `${u.name} (${u.columns.join(', ')}) lacks region_code`);
  for (const fk of t.foreignKeys)
    if (kindOf(fk.references) === 'business' && !fk.columns.includes(DIST))
      v('foreign-key', `${fk.name} (${fk.columns.join(', ')}) → ${fk.references} lacks region_code`);
  for (const tr of t.triggers)
    if (!isRowGuard(tr.body)) v('trigger', `trigger ${tr.name} reads or writes other rows`);
  for (const c of t.sequenced) v('sequence', `column ${c} is filled by a global sequence`);
  return out;
}

/**
 * Business tables in an order where every table comes after the business tables it references
 * (Citus distributes a referencing table after the one it references). Ties by name, so the plan
 * is stable.
 */
export function foreignKeyOrder(tables: TableShape[]): string[] {
  const business = tables
    .filter((t) => kindOf(t.name) === 'business')
    .map((t) => t.name)
    .sort();
  const deps = new Map(
    tables.map((t) => [
      t.name,
      new Set(t.foreignKeys.map((f) => f.references).filter((r) => r !== t.name && business.includes(r))),
    ]),
  );
  const done: string[] = [];
  const placed = new Set<string>();
  while (done.length < business.length) {
    const next = business.find((n) => !placed.has(n) && [...deps.get(n)!].every((d) => placed.has(d)));
    // A cycle of foreign keys: place the rest by name (Citus needs the constraint added afterwards).
    const pick = next ?? business.find((n) => !placed.has(n))!;
    done.push(pick);
    placed.add(pick);
  }
  return done;
}

/** The SQL that distributes the schema on a Citus coordinator, as `npm run db:citus-plan` prints it. */
export function citusPlan(tables: TableShape[]): string {
  const names = new Set(tables.map((t) => t.name));
  const lines: string[] = [
    '-- Tongban on Citus: run on the coordinator after `npm run migrate` (docs/deploy-citus.md).',
    'begin;',
    '-- Reference tables: a full copy on every node.',
  ];
  for (const r of REFERENCE_TABLES) if (names.has(r)) lines.push(`select create_reference_table('${r}');`);
  const order = foreignKeyOrder(tables);
  const anchor = order[0];
  lines.push('-- Business tables: sharded by region_code, all colocated, in foreign-key order.');
  for (const n of order)
    lines.push(
      n === anchor
        ? `select create_distributed_table('${n}', '${DIST}');`
        : `select create_distributed_table('${n}', '${DIST}', colocate_with => '${anchor}');`,
    );
  const local = tables.filter((t) => kindOf(t.name) === 'local').map((t) => t.name);
  if (local.length) lines.push(`-- Kept on the coordinator only: ${local.join(', ')}.`);
  lines.push('commit;');
  return lines.join('\n');
}

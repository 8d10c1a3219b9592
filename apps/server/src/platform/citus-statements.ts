import { kindOf } from './citus';

/**
 * Issue 23, ADR 0006: on Citus a statement routes to one shard only when it names `region_code`.
 * This is the pure part of the statement check the integration suite runs (test/statement-check.ts):
 * which business tables a statement touches and whether it names the region. It reads SQL text, so
 * it is a heuristic, tuned to the SQL Kysely and the repositories write.
 */

/** Tables a statement reads or writes (FROM, JOIN, UPDATE, INSERT INTO, DELETE FROM), lower case. */
export function tablesOf(sqlText: string): string[] {
  const out = new Set<string>();
  for (const m of sqlText.matchAll(
    /\b(?:from|join|update|into)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?(?:\s|$|,|\))/gi,
  ))
    out.add(m[1]!.toLowerCase());
  return [...out];
}

/**
 * Whether the statement names its region: a condition on region_code (=, in, like, any), or, for an
 * insert, a region_code among the inserted columns (the row's value routes it).
 */
export function namesRegion(sqlText: string): boolean {
  const s = sqlText.toLowerCase();
  // `>=` with `<`: the regions under a prefix as a range of codes (a few shards, by the index).
  if (/region_code"?\s*(=|>=|in\b|like\b|<>|between\b|is\b)/.test(s)) return true;
  if (/=\s*(any\s*\()?\s*"?(\w+"?\.)?"?region_code\b/.test(s)) return true;
  // A row of keys that starts with the region: `(region_code, case_id) in (…)`.
  if (/\(\s*("?\w+"?\.)?"?region_code"?\s*,[^()]*\)\s*(=|in\b)/.test(s)) return true;
  return /^\s*(with\b[\s\S]*?\)\s*)?insert\s+into\s+"?\w+"?\s*\([^)]*region_code/.test(s);
}

/** The business tables (of `known`) a statement touches without naming its region; empty when fine. */
export function offendingTables(sqlText: string, known: ReadonlySet<string>): string[] {
  const touched = tablesOf(sqlText).filter((t) => known.has(t) && kindOf(t) === 'business');
  if (touched.length === 0 || namesRegion(sqlText)) return [];
  return touched;
}

/**
 * A statement that may span regions says so by name: `/* region-free: <name> *\/` at its end
 * (platform/db.ts regionFree). The check accepts it when the name is on the named list (ADR 0006:
 * few, named) — one statement, not every statement of its module on that table.
 */
export function regionFreeName(sqlText: string): string | undefined {
  return /\/\* region-free: ([\w.-]+) \*\/\s*$/.exec(sqlText)?.[1];
}

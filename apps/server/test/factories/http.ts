import { sql } from 'kysely';
import type { Executor } from '../../src/platform/db';

/**
 * A multipart/form-data body as a browser sends it: text fields first, then one file in the field
 * `file`. Hand the result to `app.inject({ payload, headers: { 'content-type': contentType } })`.
 */
export function multipart(
  file: { name: string; type: string; bytes: Buffer },
  fields: Record<string, string> = {},
): { payload: Buffer; contentType: string } {
  const boundary = `----tongban${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join('') + head),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Rows in a table (snake_case name): a refused request must leave every count as it was. */
export async function countRows(db: Executor, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return r.rows[0]!.n;
}

/** Rows per table, every base table of the schema, in one statement: what a request must not change. */
export async function tableRowCounts(db: Executor): Promise<Record<string, number>> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db)
  ).rows.map((r) => r.name);
  const all = tables.map((n) => `select '${n}' as name, count(*)::int as n from "${n}"`).join(' union all ');
  const rows = (await sql.raw<{ name: string; n: number }>(all).execute(db)).rows;
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

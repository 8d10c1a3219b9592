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

/** The statement counting every base table's rows, as one UNION ALL. */
async function rowCountStatement(db: Executor): Promise<string> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db)
  ).rows.map((r) => r.name);
  return tables.map((n) => `select '${n}' as name, count(*)::int as n from "${n}"`).join(' union all ');
}

/** The name each database's counting statement is prepared under (see tableRowCounts). */
const preparedCounts = new WeakMap<Executor, Promise<string>>();
let preparedNames = 0;

/**
 * Rows per table, every base table of the schema, in one statement: what a request must not change.
 * `prepared` (PGlite: one session per database) prepares the statement once and executes it by
 * name after, for a schema that does not change between calls: planning the hundred-table UNION ALL
 * took 18 ms of its 20 on PGlite, and the malformed-input walk counts twice per route.
 */
export async function tableRowCounts(
  db: Executor,
  opts: { prepared?: boolean } = {},
): Promise<Record<string, number>> {
  let statement: Promise<string>;
  if (opts.prepared) {
    let named = preparedCounts.get(db);
    if (!named) {
      const name = `tb_row_counts_${preparedNames++}`;
      named = rowCountStatement(db).then(async (all) => {
        await sql.raw(`prepare ${name} as ${all}`).execute(db);
        return `execute ${name}`;
      });
      preparedCounts.set(db, named);
    }
    statement = named;
  } else statement = rowCountStatement(db);
  const rows = (await sql.raw<{ name: string; n: number }>(await statement).execute(db)).rows;
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

import { sql } from 'kysely';
import type { Executor } from './db';
import type { TableShape } from './citus';

/**
 * Reads every table of the public schema from the PostgreSQL catalog (the same on PGlite): its
 * columns, keys, foreign keys, triggers and sequenced columns, for the distribution rules in
 * citus.ts.
 */
export async function readSchema(db: Executor): Promise<TableShape[]> {
  const q = <T>(text: string) =>
    sql
      .raw<T>(text)
      .execute(db)
      .then((r) => r.rows);
  const tables = await q<{ name: string }>(`
    select c.relname as name from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1`);
  const columns = await q<{ tbl: string; col: string; seq: boolean }>(`
    select c.relname as tbl, a.attname as col,
           (a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '') like 'nextval(%') as seq
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and a.attnum > 0 and not a.attisdropped`);
  const indexes = await q<{ tbl: string; name: string; primary: boolean; cols: string }>(`
    select c.relname as tbl, i.relname as name, x.indisprimary as primary,
           (select string_agg(a.attname, ',' order by k.ord) from unnest(x.indkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum) as cols
    from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
    where c.relnamespace = 'public'::regnamespace and x.indisunique`);
  const fks = await q<{ tbl: string; name: string; ref: string; cols: string; refcols: string }>(`
    select c.relname as tbl, k.conname as name, r.relname as ref,
           (select string_agg(a.attname, ',' order by u.ord) from unnest(k.conkey) with ordinality u(attnum, ord)
              join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum) as cols,
           (select string_agg(a.attname, ',' order by u.ord) from unnest(k.confkey) with ordinality u(attnum, ord)
              join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum) as refcols
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
    where k.contype = 'f' and c.relnamespace = 'public'::regnamespace`);
  const triggers = await q<{ tbl: string; name: string; body: string }>(`
    select c.relname as tbl, t.tgname as name, p.prosrc as body
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
    where not t.tgisinternal and c.relnamespace = 'public'::regnamespace`);
  const split = (s: string | null) => (s ? s.split(',') : []);
  return tables.map(({ name }) => {
    const cols = columns.filter((c) => c.tbl === name);
    const idx = indexes.filter((i) => i.tbl === name);
    return {
      name,
      columns: cols.map((c) => c.col),
      primaryKey: split(idx.find((i) => i.primary)?.cols ?? null),
      uniques: idx.filter((i) => !i.primary).map((i) => ({ name: i.name, columns: split(i.cols) })),
      foreignKeys: fks
        .filter((f) => f.tbl === name)
        .map((f) => ({
          name: f.name,
          columns: split(f.cols),
          references: f.ref,
          referencedColumns: split(f.refcols),
        })),
      triggers: triggers.filter((t) => t.tbl === name).map((t) => ({ name: t.name, body: t.body })),
      sequenced: cols.filter((c) => c.seq).map((c) => c.col),
    };
  });
}

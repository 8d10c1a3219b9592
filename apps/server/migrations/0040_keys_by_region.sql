-- Issue 23, ADR 0006: the wave-1 tables become distributable by region on Citus. Every primary
-- key and unique key of a business table comes to include region_code, and every foreign key
-- between business tables too ((region_code, case_id) → (region_code, id)). Ids stay uuids, no
-- row is rewritten: only constraints and indexes change, in place, in this one transaction.
--
-- The tables that are not business tables are the ones listed in apps/server/src/platform/citus.ts
-- (reference and coordinator-local tables). Two operational tables join the local list here:
-- user_session (looked up by the hash of a cookie that carries no region) and idempotency_key
-- (keyed by user id and client key). Citus does not allow a local table to reference a
-- distributed one, so user_session's foreign key to app_user goes: users are never deleted (they
-- are disabled, which the session check reads), so its cascade never ran.
alter table user_session drop constraint user_session_user_id_fkey;

-- A composite foreign key with ON DELETE SET NULL would null region_code too: such a key becomes
-- SET NULL (its own columns) below.
do $$
declare
  r record;
  fkdef text;
  non_business constant text[] := array[
    'schema_migrations', 'region', 'national_day', 'calendar_revision', 'catalog_revision',
    'stored_file', 'login_throttle', 'user_session', 'idempotency_key', 'account_name'];
begin
  create temp table _tb_business on commit drop as
    select c.oid, c.relname::text as name from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
      and c.relname <> all (non_business)
      and exists (select 1 from pg_attribute a
                  where a.attrelid = c.oid and a.attname = 'region_code' and not a.attisdropped);

  -- 1. Foreign keys between business tables that lack region_code: kept, dropped, re-made at 4.
  create temp table _tb_fk on commit drop as
    select k.conname::text as name, c.name as tbl, rt.name as ref, pg_get_constraintdef(k.oid) as def
    from pg_constraint k
    join _tb_business c on c.oid = k.conrelid
    join _tb_business rt on rt.oid = k.confrelid
    where k.contype = 'f'
      and not exists (select 1 from unnest(k.conkey) u(n)
                      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n
                      where a.attname = 'region_code');
  for r in select * from _tb_fk loop
    execute format('alter table %I drop constraint %I', r.tbl, r.name);
  end loop;

  -- 2. Primary keys and unique constraints without region_code: the same columns after it.
  for r in
    select k.conname::text as name, c.name as tbl, k.contype,
           (select string_agg(quote_ident(a.attname), ', ' order by u.ord)
              from unnest(k.conkey) with ordinality u(n, ord)
              join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n) as cols
    from pg_constraint k join _tb_business c on c.oid = k.conrelid
    where k.contype in ('p', 'u')
      and not exists (select 1 from unnest(k.conkey) u(n)
                      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n
                      where a.attname = 'region_code')
  loop
    execute format('alter table %I drop constraint %I', r.tbl, r.name);
    execute format('alter table %I add constraint %I %s (region_code, %s)', r.tbl, r.name,
                   case r.contype when 'p' then 'primary key' else 'unique' end, r.cols);
  end loop;

  -- 3. Unique indexes that are not constraints (partial ones): re-made with region_code first.
  for r in
    select i.relname::text as name, pg_get_indexdef(x.indexrelid) as def
    from pg_index x join _tb_business c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
    where x.indisunique
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
      and not exists (select 1 from unnest(x.indkey) u(n)
                      join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.n
                      where a.attname = 'region_code')
  loop
    execute format('drop index %I', r.name);
    execute regexp_replace(r.def, ' USING (\w+) \(', ' USING \1 (region_code, ');
  end loop;

  -- 4. The foreign keys of step 1, on (region_code, …) → (region_code, …). Those naming a user
  -- (created_by, actor_id, assignee_id, signed_off_by, recipient_user_id…) are not re-made: a
  -- county's user acts on a township's rows and is notified of them, so the user's region is not
  -- the row's, and on Citus the check would cross shards. The audit chain records who acted
  -- (TRUTH-1); the tables added since 0019 never had such keys.
  for r in select * from _tb_fk where ref <> 'app_user' loop
    fkdef := regexp_replace(r.def, '^FOREIGN KEY \(', 'FOREIGN KEY (region_code, ');
    fkdef := regexp_replace(fkdef, ' REFERENCES ([^(]+)\(', ' REFERENCES \1(region_code, ');
    if fkdef ~ 'ON DELETE SET NULL' then
      fkdef := replace(fkdef, 'ON DELETE SET NULL',
        'ON DELETE SET NULL (' || substring(r.def from '^FOREIGN KEY \(([^)]*)\)') || ')');
    end if;
    execute format('alter table %I add constraint %I %s', r.tbl, r.name, fkdef);
  end loop;
end $$;

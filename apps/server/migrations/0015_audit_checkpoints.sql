-- TRUTH-1, issue 12 point 5: the audit record is append-only in the database itself, and each
-- chain's head is anchored by signed checkpoints, so cutting off a chain's newest entries (or a
-- whole chain) shows in `npm run audit:verify` (docs/DATABASE.md "Audit").

-- audit_log refuses every change but INSERT, as case_event does (0007_cases.sql), and TRUNCATE
-- too (a statement trigger: row triggers do not see TRUNCATE). Someone with the owner's rights can
-- still disable the trigger; the checkpoints below are what catches them then.
create function audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (TRUTH-1)', tg_table_name;
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_append_only();

-- audit_head is moved by every writer (UPDATE), but a chain's head is never removed, never moved to
-- another chain and never set back to the start (the genesis hash): that is how a deleted chain
-- would be made to look new.
create function audit_head_moves_forward() returns trigger language plpgsql as $$
begin
  if new.region_code <> old.region_code or new.lane <> old.lane then
    raise exception 'audit_head: a head stays with its chain (TRUTH-1)';
  end if;
  if new.hash = repeat('0', 64) then
    raise exception 'audit_head: a head never goes back to the start of its chain (TRUTH-1)';
  end if;
  return new;
end $$;
create trigger audit_head_forward before update on audit_head
  for each row execute function audit_head_moves_forward();
create trigger audit_head_no_delete before delete on audit_head
  for each row execute function audit_append_only();
create trigger audit_head_no_truncate before truncate on audit_head
  for each statement execute function audit_append_only();

-- Signed checkpoints: "chain (region_code, lane) had `entries` entries, the last one seq `last_seq`
-- with hash `head_hash`", written hourly by a job, on demand (POST /api/audit/checkpoints,
-- `npm run audit:checkpoint`) and exportable (GET /api/audit/checkpoints, `--export file.json`).
-- One row per chain length: writing the same length again (another process, an unchanged chain)
-- does nothing. Citus: region_code leads the primary key; no foreign key (the system chain has the
-- empty region).
create table audit_checkpoint (
  region_code text not null,
  lane        smallint not null,
  entries     integer not null check (entries >= 1),
  last_seq    integer not null,
  head_hash   text not null,
  at          timestamptz not null,
  signature   text not null,
  primary key (region_code, lane, entries)
);
comment on table audit_checkpoint is
  'signed heads of the audit chains (TRUTH-1): audit:verify reports a chain shorter than, or not passing through, a checkpoint';
comment on column audit_checkpoint.entries is 'how many entries the chain had: the head is its entries-th entry in seq order';
comment on column audit_checkpoint.signature is
  'HMAC-SM3 over (region, lane, entries, last_seq, head_hash, at) with a key derived from the lookup key, which the database does not hold: SQL alone cannot forge a checkpoint';

create trigger audit_checkpoint_no_change before update or delete on audit_checkpoint
  for each row execute function audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
  for each statement execute function audit_append_only();

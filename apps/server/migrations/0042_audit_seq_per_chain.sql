-- Issue 23, ADR 0006: no global sequence on a business table. audit_log.seq came from one identity
-- that every region's writers drew from; on Citus that is a counter on the coordinator for every
-- audited change of every county. It becomes a number per chain (region_code, lane): each chain's
-- head row, which the writer locks anyway (ADR 0002), carries the seq of the chain's last entry, and
-- the next entry takes seq + 1 in the same statement that moves the head.
--
-- Existing entries keep their seq (no row of audit_log is touched: it is append-only, and signed
-- checkpoints name a chain's last seq); a chain's next entry continues from the highest seq it has,
-- so every chain stays in seq order. Seqs of different chains may now coincide, so the primary key
-- becomes the chain and its seq.
alter table audit_head add column seq integer not null default 0;
comment on column audit_head.seq is
  'seq of the chain''s last entry (0: none yet); the chain''s next entry takes seq + 1 as it moves the head';

-- The head only moves forward (0015): hash unchanged, seq from 0 to the chain's last entry.
update audit_head h set seq = e.last_seq
from (select region_code, lane, max(seq) as last_seq from audit_log group by region_code, lane) e
where e.region_code = h.region_code and e.lane = h.lane;

-- A head never goes back in seq either (what moving it back over removed entries would need).
-- Only raises, reads and writes nothing: Citus runs it on each shard (ADR 0006, isRowGuard).
create or replace function audit_head_moves_forward() returns trigger language plpgsql as $$
begin
  if new.region_code <> old.region_code or new.lane <> old.lane then
    raise exception 'audit_head: a head stays with its chain (TRUTH-1)';
  end if;
  if new.hash = repeat('0', 64) then
    raise exception 'audit_head: a head never goes back to the start of its chain (TRUTH-1)';
  end if;
  if new.seq <= old.seq then
    raise exception 'audit_head: a head''s seq only grows (TRUTH-1)';
  end if;
  return new;
end $$;

alter table audit_log alter column seq drop identity;
alter table audit_log drop constraint audit_log_pkey;
alter table audit_log add constraint audit_log_pkey primary key (region_code, lane, seq);
-- (region_code, lane, seq) is the primary key now; seq alone orders nothing across chains. The
-- audit list pages by time.
drop index audit_log_lane_idx;
drop index audit_log_chain_idx;
create index audit_log_time_idx on audit_log (region_code, at);
comment on column audit_log.seq is
  'position in its chain (region_code, lane): the chain head''s seq + 1 at write time; entries before migration 0042 kept their numbers from one global identity, so a chain''s seqs grow but may skip';

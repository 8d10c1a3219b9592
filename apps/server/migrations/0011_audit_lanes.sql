-- Audit chains per region and lane (docs/adr/0002-audit-chain-lanes.md). One chain per region
-- made every audited change of a county wait for the one before it to commit; an entity's entries
-- now go to one of a fixed number of lanes chosen by a hash of the entity, and each (region, lane)
-- is its own SM3 chain. Existing entries are lane 0, so every existing chain stays valid as it is.
alter table audit_log add column lane smallint not null default 0;
comment on column audit_log.lane is
  'which chain of its region the entry belongs to: hash(entity_type:entity_id) mod the lane count at write time (see audit.policy.ts); verification follows (region_code, lane) in seq order';
comment on table audit_log is
  'append-only; each (region_code, lane) is one chain: hash = SM3(prev_hash || canonical entry)';
create index audit_log_lane_idx on audit_log (region_code, lane, seq);

-- The newest entry of each chain, locked by the writer that appends to it (FOR UPDATE): one round
-- trip gives both the lock and the hash to link to. Verification never trusts it; it walks audit_log.
create table audit_head (
  region_code text not null,
  lane        smallint not null,
  hash        text not null,
  primary key (region_code, lane)
);
comment on table audit_head is
  'last entry of each audit chain; a lock and a cache for writers, never the evidence (audit_log is)';

insert into audit_head (region_code, lane, hash)
select distinct on (region_code) region_code, 0, hash
from audit_log
order by region_code, seq desc;

-- Issue 18 follow-up: lookups by id without a full scan, the comment book's photo as a stored file,
-- and the leader's decisions on matters the 办不成事 window could not solve and on 督办 orders.

-- Every route names an order by its id alone: without this, each transition scanned the table (the
-- primary key leads with the region), and a million earlier orders cost half the throughput. Not
-- unique: a unique key without region_code could not distribute by region (ADR 0006); uuids are.
create index complaint_id_idx on complaint (id);
-- 并单: the duplicates merged into an order are read on every reply and close.
create index complaint_merged_idx on complaint (region_code, merged_into_id) where merged_into_id is not null;
-- The leader's screen: escalated and supervised orders.
create index complaint_leader_idx on complaint (region_code, escalated_at) where escalated_at is not null or supervised_at is not null;

alter table complaint add column leader_decision text check (leader_decision in ('assigned', 'decided', 'instructed'));
alter table complaint add column leader_note text;
alter table complaint add column leader_decided_by uuid;
alter table complaint add column leader_decided_at timestamptz;
comment on column complaint.leader_decision is 'the leader''s outcome: assigned (sent to a department), decided (answered; the answer is the reply), instructed (批示 on a 督办 order)';
comment on column complaint.photo_sha256 is 'the comment book page''s photo (stored_file, owner kind complaint)';

-- The comment book's photo is a stored file owned by its complaint: readable by whoever may read the
-- complaint. The owner-kind list is extended in place, whatever other modules have added to it.
do $$
declare def text;
begin
  select pg_get_constraintdef(oid) into def from pg_constraint
   where conname = 'stored_file_owner_owner_kind_check';
  if def is not null and position('''complaint''' in def) = 0 then
    execute 'alter table stored_file_owner drop constraint stored_file_owner_owner_kind_check';
    execute 'alter table stored_file_owner add constraint stored_file_owner_owner_kind_check '
      || replace(def, 'ARRAY[', 'ARRAY[''complaint''::text, ');
  end if;
end $$;

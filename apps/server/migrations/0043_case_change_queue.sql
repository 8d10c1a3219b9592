-- Issue 23, ADR 0006: no global sequence on a business table. case_event.id came from one sequence
-- every region's transitions drew from, and the supervision job kept the highest id it had read as
-- its watermark (re-reading 200 ids below it, since ids commit out of order). Neither survives
-- distribution by region. A case's events are already numbered per case (seq, with
-- service_case.version); what the job needs is which cases changed, so each transition now also
-- marks its case in case_change, in the same statement as its events, and the job reads the
-- marked cases and clears each mark it has acted on (caseFeed in the cases module).
--
-- One row per case, never per region: a transition touches only its own case's row, which it
-- holds anyway under the case lock, so no region-wide row is locked for the rest of the transaction.
-- No foreign keys: the mark is derived (case_event's own keys check the case and its region), and
-- a check would lock the referenced row for the transaction.
create table case_change (
  region_code text not null,
  case_id     uuid not null,
  seq         integer not null check (seq >= 1),
  primary key (region_code, case_id)
);
comment on table case_change is
  'cases whose events the supervision job has not yet read: a transition sets seq to its case''s last event seq; the job deletes a mark only if seq is still what it read (a newer transition keeps it)';
comment on column case_change.seq is 'case_event.seq of the case''s newest event when marked';

-- The cases the job had not read yet: every case with an event above its watermark less the
-- overlap it re-read (all cases if the job never ran). Then the watermark goes.
insert into case_change (region_code, case_id, seq)
select e.region_code, e.case_id, max(e.seq)
from case_event e
where e.id > coalesce(
  (select value::bigint from supervision_job_state where region_code = '' and name = 'events'), 0) - 200
group by e.region_code, e.case_id;
delete from supervision_job_state where region_code = '' and name = 'events';
comment on table supervision_job_state is
  'the supervision job''s marks: the calendar revisions seen, the day of the last full pass (region_code '''' for global ones); changed cases come from case_change';

-- The event log keeps every row; its key becomes the case's own numbering.
alter table case_event drop constraint case_event_pkey;
alter table case_event drop constraint case_event_case_id_seq_key;
alter table case_event add constraint case_event_pkey primary key (region_code, case_id, seq);
alter table case_event drop column id;

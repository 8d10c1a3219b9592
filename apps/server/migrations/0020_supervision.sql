-- 电子监察 (issue 16): a stored projection of each open case's clock and colour (SUP-1), the
-- escalation ladder and 督办单 (SUP-2), per-case figure facts and the rollups the dashboards read
-- (RATE-1, TRUTH-1). Everything here is derived from case events and the calendar by the
-- supervision job; `npm run truth:verify` recomputes the figures from the events and compares.
-- Why deadlines are stored here although ADR 0001 derives them: docs/adr/0005-supervision-clock-projection.md.

create table supervision_clock (
  region_code      text not null references region(code),
  case_id          uuid not null,
  case_no          text not null,
  department_id    uuid not null,
  department_name  text not null,
  item_id          uuid not null,
  item_name        text not null,
  assignee_id      uuid,
  status           text not null,
  phase            text not null,
  colour           text not null check (colour in ('green', 'yellow', 'red', 'paused')),
  deadline         date,
  left_working_days integer,
  warning_days     integer not null,
  past_legal       boolean not null default false,
  overdue_working_days integer not null default 0,
  case_version     integer not null,
  computed_at      timestamptz not null,
  primary key (region_code, case_id)
);
comment on table supervision_clock is 'SUP-1: the clock of each open case as last computed from its events and its region''s calendar (ADR 0005); deleted when the case is no longer open';
comment on column supervision_clock.colour is 'green / yellow (left ≤ warning_days) / red (past the promised deadline) / paused (suspended or awaiting 补正)';
comment on column supervision_clock.deadline is 'the deadline of the clock that matters in the phase (promised deadline while deciding)';
comment on column supervision_clock.past_legal is '超法定时限: past the legal limit (with extension), graver than red';
comment on column supervision_clock.case_version is 'service_case.version the row was computed from (events counted)';
create index supervision_clock_colour on supervision_clock (region_code, colour, department_id);

create table supervision_item_threshold (
  region_code  text not null references region(code),
  item_id      uuid not null,
  warning_days integer not null check (warning_days between 0 and 365),
  updated_at   timestamptz not null default now(),
  primary key (region_code, item_id)
);
comment on table supervision_item_threshold is 'SUP-1: an item''s own warning threshold in working days; without a row: 20% of the promised limit, at least 1 day';

create table supervision_escalation (
  region_code text not null references region(code),
  case_id     uuid not null,
  level       text not null check (level in ('warning', 'yellow_card', 'red_card', 'leader',
                'refused_acceptable', 'no_reasons', 'skipped_steps')),
  fired_at    timestamptz not null,
  detail      text not null default '',
  primary key (region_code, case_id, level)
);
comment on table supervision_escalation is 'SUP-2: each escalation level (and each non-time trigger) fires once per case: the primary key is the once';

create function supervision_escalation_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'supervision_escalation is append-only';
end $$;
create trigger supervision_escalation_no_change before update or delete on supervision_escalation
  for each row execute function supervision_escalation_append_only();

create table supervision_order (
  region_code     text not null references region(code),
  id              uuid not null default gen_random_uuid(),
  order_no        text not null,
  case_id         uuid not null,
  case_no         text not null,
  department_id   uuid not null,
  department_name text not null,
  reason          text not null,
  trigger         text not null,
  issued_at       timestamptz not null,
  reply_due       date not null,
  status          text not null check (status in ('open', 'answered', 'late')),
  reply           text,
  replied_by      uuid,
  replied_by_name text,
  replied_at      timestamptz,
  escalated_at    timestamptz,
  primary key (region_code, id),
  unique (region_code, order_no),
  unique (region_code, case_id, trigger)
);
comment on table supervision_order is 'SUP-2 督办单: sent to the department head with a reply deadline; late = unanswered past reply_due (escalated to the leader once, escalated_at)';
comment on column supervision_order.trigger is 'red_card (time) or a non-time trigger: refused_acceptable, no_reasons, skipped_steps';
comment on column supervision_order.reply_due is 'last working day to reply (3 working days after issue, CAL-1)';
create index supervision_order_status on supervision_order (region_code, status, department_id);

create table supervision_case_fact (
  region_code       text not null references region(code),
  case_id           uuid not null,
  case_no           text not null,
  department_id     uuid not null,
  department_name   text not null,
  item_id           uuid not null,
  item_name         text not null,
  channel           text not null,
  received_month    text,
  concluded_month   text,
  online            boolean not null,
  full_online       boolean not null,
  zero_visit_item   boolean not null,
  zero_visit        boolean not null,
  instant           boolean not null,
  on_time           boolean not null,
  early             boolean not null,
  overdue_promised  boolean not null,
  overdue_legal     boolean not null,
  working_days      integer not null default 0,
  first_time        boolean not null,
  case_version      integer not null,
  primary key (region_code, case_id)
);
comment on table supervision_case_fact is 'RATE-1: what each case counts for in the figures (docs/figures.md), computed from its events; the drill-down lists read it';
comment on column supervision_case_fact.received_month is 'YYYY-MM (Asia/Shanghai) of the receipt of the complete submission; null for drafts';
comment on column supervision_case_fact.concluded_month is 'YYYY-MM of the decision (办结 = decided); null while not decided';
create index supervision_case_fact_received on supervision_case_fact (region_code, received_month);
create index supervision_case_fact_concluded on supervision_case_fact (region_code, concluded_month);

create table supervision_rollup (
  region_code      text not null references region(code),
  month            text not null,
  basis            text not null check (basis in ('received', 'concluded')),
  department_id    uuid not null,
  item_id          uuid not null,
  channel          text not null,
  department_name  text not null,
  item_name        text not null,
  cases            integer not null,
  online           integer not null,
  full_online      integer not null,
  zero_visit_item  integer not null,
  zero_visit       integer not null,
  instant          integer not null,
  on_time          integer not null,
  early            integer not null,
  overdue_promised integer not null,
  overdue_legal    integer not null,
  working_days     bigint not null,
  first_time       integer not null,
  primary key (region_code, month, basis, department_id, item_id, channel)
);
comment on table supervision_rollup is 'TRUTH-1: the maintained aggregates the dashboards read: supervision_case_fact counted per region, month, department, item and channel; basis received (by receipt month) or concluded (by decision month)';

create table supervision_job_state (
  region_code text not null,
  name        text not null,
  value       text not null,
  primary key (region_code, name)
);
comment on table supervision_job_state is 'the supervision job''s watermarks: last case event id read, the calendar revisions seen, the day of the last full pass (region_code '''' for global ones)';

-- 电子监察, second part (issue 16): a back-office step over its own time (a trigger like the others,
-- once per case), thresholds a supervisor edits (warning days and each step's own time per item),
-- and the escalation ladder of work items that are not cases: overdue 差评 (EVAL-2) and overdue
-- complaints (CPL-1), once per item and level (SUP-2).

alter table supervision_escalation drop constraint supervision_escalation_level_check;
alter table supervision_escalation add constraint supervision_escalation_level_check
  check (level in ('warning', 'yellow_card', 'red_card', 'leader',
                   'refused_acceptable', 'no_reasons', 'skipped_steps', 'step_overdue'));

alter table supervision_item_threshold alter column warning_days drop not null;
alter table supervision_item_threshold add column step_days integer check (step_days between 1 and 365);
comment on column supervision_item_threshold.warning_days is 'SUP-1 warning threshold in working days; null = the default (20% of the promised limit, at least 1)';
comment on column supervision_item_threshold.step_days is 'each back-office step''s own time in working days; null = the promised limit shared evenly among the steps';

create table supervision_work_escalation (
  region_code   text not null references region(code),
  kind          text not null check (kind in ('bad_review', 'complaint')),
  work_id       uuid not null,
  work_no       text not null,
  department_id uuid,
  level         text not null check (level in ('yellow_card', 'red_card', 'leader')),
  fired_at      timestamptz not null,
  detail        text not null default '',
  primary key (region_code, kind, work_id, level)
);
comment on table supervision_work_escalation is 'SUP-2 for work items that are not cases (overdue 差评 work items, overdue complaints): each level once per item; the primary key is the once';

create trigger supervision_work_escalation_no_change before update or delete on supervision_work_escalation
  for each row execute function supervision_escalation_append_only();

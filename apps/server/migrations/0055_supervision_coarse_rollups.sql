-- 电子监察 at the scale of a province (issue 16): the dashboards read coarser maintained aggregates
-- beside supervision_rollup, whose grain (region × month × department × item × channel) holds about
-- one row per case at 10 million cases, so a province's dashboard summed millions of rows. All of
-- them are kept by the supervision job in the transaction that writes the facts, by the difference
-- each recomputed case makes (no recount of a month); truth:verify checks each one the dashboards
-- read against the case events (TRUTH-1).

create table supervision_rollup_department (
  region_code      text not null references region(code),
  month            text not null,
  basis            text not null check (basis in ('received', 'concluded')),
  department_id    uuid not null,
  department_name  text not null,
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
  primary key (region_code, month, basis, department_id)
);
comment on table supervision_rollup_department is 'TRUTH-1: supervision_case_fact counted per region, month and department (basis received or concluded): the dashboards'' totals, months and departments';

create table supervision_rollup_channel (
  region_code      text not null references region(code),
  month            text not null,
  basis            text not null check (basis in ('received', 'concluded')),
  channel          text not null,
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
  primary key (region_code, month, basis, channel)
);
comment on table supervision_rollup_channel is 'TRUTH-1: supervision_case_fact counted per region, month and channel (basis received or concluded): the dashboards'' channels';

create table supervision_rollup_item (
  region_code     text not null references region(code),
  month           text not null,
  item_id         uuid not null,
  cases           integer not null,
  zero_visit_item integer not null,
  primary key (region_code, month, item_id)
);
comment on table supervision_rollup_item is 'RATE-1 可办率: the cases received per region, month and item (and those of a 零跑动 item): the distinct items received, which do not add up across months';

-- Working-day calendar (CAL-1, CAL-2): national days copied from chinese-days, and each region's own
-- days (typhoon closures, extra working days). Deadlines are never stored: they are derived from
-- these tables whenever they are read (docs/adr/0001-deadlines-derived-from-calendar.md).

create table national_day (
  date date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null default ''
);
comment on table national_day is 'State Council holiday arrangement, loaded at start from chinese-days for every year it carries (2004 onward); days without a row are ordinary weekdays/weekends';
comment on column national_day.kind is 'holiday = 法定节假日 day (incl. weekend days inside the block); workday = 调休 make-up working day';
comment on column national_day.name is 'holiday name (春节, 国庆节…) or make-up day name (春节调休…)';

create table local_day (
  id          uuid primary key default gen_random_uuid(),
  region_code text not null references region(code),
  date        date not null,
  kind        text not null check (kind in ('closure', 'extra_workday')),
  reason      text not null check (length(reason) between 1 and 200),
  created_by  uuid references app_user(id),
  created_at  timestamptz not null default now(),
  unique (region_code, date)
);
comment on table local_day is 'CAL-2: a region''s own days; they apply to the region and every region below it, the most specific region winning on the same date, and they override the national day';
comment on column local_day.kind is 'closure = not a working day (typhoon, flood…); extra_workday = a working day that would otherwise not be';
comment on column local_day.reason is 'shown to staff and in deadline explanations, e.g. 台风“海葵”停工';
comment on column local_day.created_by is 'null when added by the system';

create table calendar_revision (
  scope    text primary key,
  revision integer not null default 0
);
comment on table calendar_revision is 'bumped in the transaction that changes national_day (scope ''national'') or a region''s local_day (scope = region code), so every server process can tell its cached compiled calendar is stale';

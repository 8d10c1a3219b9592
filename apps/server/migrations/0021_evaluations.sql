-- Issue 17: 好差评 (EVAL-1..4, SOD-2, RATE-1). Only the applicant rates (EVAL-3): on a pad registered
-- to a window, on the tracking page, or through a single-use SMS link bound to one case. One rating
-- per visit and one per case are unique keys, not application checks. Every 差评 opens a work item
-- (核实 → 整改 → 反馈 → 回访 → 办结) whose steps are kept append-only.
-- Org, cases and users are other modules' tables: only their ids are stored here (no cross-module
-- foreign keys; their modules check them through their index.ts).

create table eval_setting (
  region_code     text not null references region(code),
  rectify_days    integer not null default 5 check (rectify_days = 5 or rectify_days = 15),
  sms_after_days  integer not null default 3 check (sms_after_days between 1 and 30),
  updated_at      timestamptz not null default now(),
  primary key (region_code)
);
comment on column eval_setting.rectify_days is 'EVAL-2: 差评 rectification deadline in working days (local rules: 5 or 15)';
comment on column eval_setting.sms_after_days is 'a concluded case still unrated after this many days gets one SMS rating link';

create table eval_pad (
  region_code   text not null references region(code),
  id            uuid not null default gen_random_uuid(),
  window_id     uuid not null,
  label         text not null,
  token_hash    text not null,
  registered_by uuid,
  registered_at timestamptz not null default now(),
  revoked_at    timestamptz,
  primary key (region_code, id),
  unique (region_code, token_hash)
);
create index eval_pad_token_idx on eval_pad (token_hash);
comment on table eval_pad is '评价器: a tablet registered to one window (EVAL-3); the pad page works only with its token';
comment on column eval_pad.token_hash is 'keyed SM3 of the pad token (shown once at registration); a copy of this table yields no pad';

create table eval_visit (
  region_code     text not null references region(code),
  id              uuid not null default gen_random_uuid(),
  window_id       uuid not null,
  staff_id        uuid,
  ticket_id       uuid,
  case_id         uuid,
  opened_by       uuid,
  opened_at       timestamptz not null,
  primary key (region_code, id)
);
create index eval_visit_window_idx on eval_visit (region_code, window_id, opened_at desc);
comment on table eval_visit is 'one service at a window (一次一评): opened when the clerk finishes a ticket; the window''s pad offers it for rating';
comment on column eval_visit.staff_id is 'the clerk on duty who served it (staff registry id); null = nobody on duty';
comment on column eval_visit.opened_by is 'the signed-in user who opened it (null when hall opened it for a ticket)';

create table eval_rating (
  region_code     text not null references region(code),
  id              uuid not null default gen_random_uuid(),
  channel         text not null check (channel in ('site', 'online', 'sms')),
  visit_id        uuid,
  case_id         uuid,
  pad_id          uuid,
  window_id       uuid,
  staff_id        uuid,
  staff_name      text,
  window_name     text,
  department_id   uuid,
  department_name text,
  item_id         uuid,
  item_name       text,
  case_concluded_at timestamptz,
  level           smallint not null check (level between 1 and 5),
  indicators      jsonb not null default '{}',
  reason_category text,
  reason_text     text not null default '',
  real_name       boolean not null,
  created_at      timestamptz not null,
  excluded        boolean not null default false,
  excluded_reason text,
  primary key (region_code, id),
  -- 一次一评 / 一事一评: a second rating of the same visit or case is refused by the database.
  unique (region_code, visit_id),
  check ((channel = 'site') = (visit_id is not null)),
  check (channel = 'site' or case_id is not null),
  check (level > 2 or reason_category is not null)
);
-- 一事一评: one online (tracking page or SMS link) rating per case; a visit at a window about the
-- same case is rated on its own (一次一评).
create unique index eval_rating_case_once on eval_rating (region_code, case_id) where channel <> 'site';
create index eval_rating_case_idx on eval_rating (region_code, case_id);
create index eval_rating_created_idx on eval_rating (region_code, created_at);
create index eval_rating_department_idx on eval_rating (region_code, department_id, created_at);
create index eval_rating_pad_idx on eval_rating (region_code, pad_id, created_at);
create index eval_rating_staff_idx on eval_rating (region_code, staff_id, created_at);
comment on table eval_rating is '评价: given by the applicant only (EVAL-3); never edited by staff. excluded = an upheld appeal, still shown with its reason';
comment on column eval_rating.level is 'EVAL-1: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意; 1 and 2 are 差评';
comment on column eval_rating.indicators is 'the national scheme''s indicators, each 1..5: site overall/efficiency/attitude, online overall/guideAccuracy/convenience';
comment on column eval_rating.real_name is '实名: the rater is known (online and SMS ratings are bound to a case); EVAL-1: 实名差评 are all called back';
comment on column eval_rating.staff_name is 'the name shown on the pad when rating (the rated clerk), kept as rated; window, department and item names likewise (figures read no other table)';
comment on column eval_rating.case_concluded_at is 'when the rated case was concluded: EVAL-4 counts a rated case in the period its conclusion falls in';

create table eval_flag (
  region_code text not null references region(code),
  id          uuid not null default gen_random_uuid(),
  rating_id   uuid not null,
  kind        text not null check (kind in ('burst', 'not_handled', 'after_sign_in', 'unstaffed')),
  detail      text not null,
  created_at  timestamptz not null,
  primary key (region_code, id),
  unique (region_code, rating_id, kind),
  foreign key (region_code, rating_id) references eval_rating (region_code, id)
);
comment on table eval_flag is 'honesty checks: a rating that looks staff-made or coerced is flagged for the supervisor, never dropped';

create table eval_sms_link (
  region_code text not null references region(code),
  id          uuid not null default gen_random_uuid(),
  case_id     uuid not null,
  token_hash  text not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  primary key (region_code, id),
  unique (region_code, case_id),
  unique (region_code, token_hash)
);
create index eval_sms_link_token_idx on eval_sms_link (token_hash);
comment on table eval_sms_link is 'EVAL-3: one SMS rating link per concluded case, single-use; only the keyed hash of its token is kept';

create table eval_bad_review (
  region_code     text not null references region(code),
  id              uuid not null default gen_random_uuid(),
  rating_id       uuid not null,
  department_id   uuid,
  status          text not null check (status in ('verify', 'rectify', 'reply', 'callback', 'closed')),
  due_date        date not null,
  opened_at       timestamptz not null,
  handler_id      uuid,
  rated_user_id   uuid,
  rectified_at    timestamptz,
  called_back_at  timestamptz,
  closed_at       timestamptz,
  version         integer not null default 0,
  primary key (region_code, id),
  unique (region_code, rating_id),
  foreign key (region_code, rating_id) references eval_rating (region_code, id)
);
create index eval_bad_review_status_idx on eval_bad_review (region_code, status, due_date);
comment on table eval_bad_review is '差评 work item: 核实 verify → 整改 rectify → 反馈 reply → 回访 callback → closed';
comment on column eval_bad_review.due_date is 'EVAL-2: opened date + the region''s rectify_days working days on the working-day calendar';
comment on column eval_bad_review.called_back_at is 'when the applicant was reached by the 回访 (回访率 counts these)';
comment on column eval_bad_review.handler_id is 'who did the 整改; SOD-2: the callback is someone else';
comment on column eval_bad_review.rated_user_id is 'the rated clerk''s account when known; SOD-2: never calls back or decides an appeal';

create table eval_bad_review_step (
  region_code   text not null references region(code),
  id            uuid not null default gen_random_uuid(),
  bad_review_id uuid not null,
  step          text not null check (step in ('verify', 'rectify', 'reply', 'callback', 'close')),
  actor_id      uuid,
  actor_name    text not null,
  note          text not null,
  evidence      jsonb not null default '[]',
  reached       boolean,
  satisfied     boolean,
  at            timestamptz not null,
  primary key (region_code, id),
  foreign key (region_code, bad_review_id) references eval_bad_review (region_code, id)
);
create index eval_bad_review_step_idx on eval_bad_review_step (region_code, bad_review_id, at);
comment on table eval_bad_review_step is 'what was done at each step of a 差评 (append-only)';
comment on column eval_bad_review_step.evidence is 'rectify: sha256 of the evidence files (platform/files, owner eval_bad_review)';

create function eval_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end $$;
create trigger eval_bad_review_step_no_change before update or delete on eval_bad_review_step
  for each row execute function eval_append_only();

create table eval_appeal (
  region_code    text not null references region(code),
  id             uuid not null default gen_random_uuid(),
  rating_id      uuid not null,
  kind           text not null check (kind in ('malicious', 'mistaken')),
  reason         text not null,
  filed_by       uuid not null,
  filed_by_name  text not null,
  filed_at       timestamptz not null,
  decision       text check (decision in ('upheld', 'rejected')),
  decision_note  text,
  decided_by     uuid,
  decided_by_name text,
  decided_at     timestamptz,
  primary key (region_code, id),
  unique (region_code, rating_id),
  foreign key (region_code, rating_id) references eval_rating (region_code, id)
);
comment on table eval_appeal is '申诉复核: the rated person''s department appeals a rating as malicious or mistaken; a supervisor (never the rated person or their head) decides';

-- Evidence of a 差评's rectification is a stored file owned by the work item.
alter table stored_file_owner drop constraint if exists stored_file_owner_owner_kind_check;
alter table stored_file_owner add constraint stored_file_owner_owner_kind_check
  check (owner_kind in ('case', 'case_draft', 'ledger_measure', 'staff_photo', 'eval_bad_review'));

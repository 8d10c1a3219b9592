-- Issue 21: 卷宗评查 (FR-1), computed assessments (ASSESS-1) and automatic findings. Case ids,
-- department ids and user ids are references into other modules read through their index; like
-- inbox_item, these tables hold no foreign keys into other modules' tables (Citus-ready: every key
-- here leads with region_code).

create table review_plan (
  region_code          text not null references region(code),
  id                   uuid not null default gen_random_uuid(),
  title                text not null,
  period_start         date not null,
  period_end           date not null,
  department_ids       uuid[] not null,
  cases_per_department integer not null check (cases_per_department between 1 and 50),
  reviewer_pool        uuid[] not null,
  rubric               jsonb not null,
  seed_hash            text not null,
  seed                 text not null,
  status               text not null default 'committed' check (status in ('committed', 'drawn', 'finished')),
  draw                 jsonb,
  created_by           uuid,
  created_at           timestamptz not null default now(),
  drawn_at             timestamptz,
  finished_at          timestamptz,
  primary key (region_code, id),
  check (period_end >= period_start)
);
comment on table review_plan is '卷宗评查 plan (FR-1): period, departments, cases per department, rubric, reviewer pool';
comment on column review_plan.seed_hash is 'SM3 of the seed, shown and stored when the plan is made (the commitment), before any draw';
comment on column review_plan.seed is 'the draw''s seed; the API reveals it only once the plan is drawn, so anyone can replay the draw';
comment on column review_plan.draw is 'what the draw saw and chose: per department the candidate case numbers (in order) and the drawn ones, the reviewer pool in order';
comment on column review_plan.rubric is 'the rubric items with their maximum points (legal basis, materials, time limits, signatures, notices, archive)';

create table review_file (
  region_code       text not null,
  id                uuid not null default gen_random_uuid(),
  plan_id           uuid not null,
  department_id     uuid not null,
  case_id           uuid not null,
  case_no           text not null,
  draw_order        integer not null,
  reviewer_user_id  uuid not null,
  prefill           jsonb not null,
  scores            jsonb,
  total             integer check (total >= 0),
  comment           text not null default '',
  scored_at         timestamptz,
  primary key (region_code, id),
  unique (region_code, plan_id, case_id),
  foreign key (region_code, plan_id) references review_plan (region_code, id)
);
comment on table review_file is 'one drawn case file (卷宗) of a plan, its drawn reviewer (never of the reviewed department), and its scores';
comment on column review_file.prefill is 'what the record proves per rubric item (SOD-1 breaches, overdue decision, missing notices) with the evidence; the reviewer confirms';
create index review_file_plan_idx on review_file (region_code, plan_id, draw_order);

create table review_scheme (
  region_code  text not null references region(code),
  id           uuid not null default gen_random_uuid(),
  unit_kind    text not null check (unit_kind in ('department', 'township')),
  name         text not null,
  indicators   jsonb not null,
  published_at timestamptz not null,
  created_by   uuid,
  primary key (region_code, id)
);
comment on table review_scheme is '考核方案 (ASSESS-1): the published indicators and weights; a new version is a new row';

create table review_assessment (
  region_code  text not null,
  id           uuid not null default gen_random_uuid(),
  scheme_id    uuid not null,
  unit_kind    text not null check (unit_kind in ('department', 'township')),
  period_kind  text not null check (period_kind in ('month', 'quarter', 'year')),
  period_label text not null,
  period_start date not null,
  period_end   date not null,
  result       jsonb not null,
  computed_at  timestamptz not null,
  computed_by  uuid,
  primary key (region_code, id),
  foreign key (region_code, scheme_id) references review_scheme (region_code, id)
);
comment on table review_assessment is '考核结果 computed from the record (ASSESS-1, TRUTH-1): units, scores, ranks, breakdown per indicator and the records behind each; never edited (append-only)';

create function review_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: computed from the record, never edited', tg_table_name;
end $$;
create trigger review_assessment_append_only before update or delete on review_assessment
  for each row execute function review_append_only();

create table review_rule_setting (
  region_code text not null references region(code),
  rule        text not null,
  enabled     boolean not null default true,
  threshold   numeric not null,
  updated_by  uuid,
  updated_at  timestamptz not null default now(),
  primary key (region_code, rule)
);
comment on table review_rule_setting is 'automatic-finding rules: the region''s threshold for each (defaults in contracts AUTO_RULES)';

create table review_auto_finding (
  region_code          text not null references region(code),
  id                   uuid not null default gen_random_uuid(),
  rule                 text not null,
  cause_key            text not null,
  department_id        uuid,
  title                text not null,
  description          text not null,
  evidence             jsonb not null,
  status               text not null default 'draft' check (status in ('draft', 'accepted', 'dismissed')),
  opened_at            timestamptz not null,
  decided_by           uuid,
  decided_at           timestamptz,
  dismiss_reason       text,
  ledger_inspection_id uuid,
  ledger_finding_id    uuid,
  primary key (region_code, id),
  unique (region_code, rule, cause_key),
  check ((status = 'dismissed') = (dismiss_reason is not null)),
  check ((status = 'accepted') = (ledger_finding_id is not null))
);
comment on table review_auto_finding is 'a draft finding the record raised by itself; accepted into a ledger inspection or dismissed with a reason';
comment on column review_auto_finding.cause_key is 'the cause (rule + department + months, or a review file): one finding per cause, so a cause never opens a second draft and a dismissed one stays dismissed';
comment on column review_auto_finding.evidence is 'links to the triggering records: {kind, id, label}[] (cases, review files)';
create index review_auto_finding_status_idx on review_auto_finding (region_code, status, opened_at desc);

-- The rectification ledger (整改台账, DOMAIN.md "Rectification"): inspections, findings, measures,
-- progress with evidence, sign-off (REC-1, SOD-2), revisits (回头看), accountability, regulations,
-- money recovered, and public feedback on the published report. Measure and finding states are
-- derived from these rows, never stored (TRUTH-1).

create table ledger_inspection (
  id                   uuid primary key default gen_random_uuid(),
  region_code          text not null references region(code),
  kind                 text not null check (kind in ('xuncha', 'xunshi', 'audit', 'special_supervision', 'unannounced', 'self_check', 'revisit')),
  team                 text not null,
  inspected_unit       text not null,
  issuer               text not null default '',
  period_start         date,
  period_end           date,
  feedback_date        date,
  scope                text not null default '',
  plan_approved_on     date,
  carried_over_from_id uuid references ledger_inspection(id),
  leads_referred       integer not null default 0 check (leads_referred >= 0),
  work_done            text not null default '',
  next_steps           text not null default '',
  contact_phone        text not null default '',
  contact_email        text not null default '',
  contact_address      text not null default '',
  published_at         timestamptz,
  created_by           uuid references app_user(id),
  created_at           timestamptz not null default now()
);
comment on column ledger_inspection.kind is '巡察 xuncha, 巡视 xunshi, 审计 audit, 专项督查 special_supervision, 暗访 unannounced, 自查 self_check, 回头看 revisit';
comment on column ledger_inspection.issuer is '通报单位 printed on the public report; empty = the inspected unit';
comment on column ledger_inspection.plan_approved_on is 'date the rectification plan (整改方案) was approved';
comment on column ledger_inspection.carried_over_from_id is 'the earlier inspection whose findings this one carries over (新官要理旧账)';
comment on column ledger_inspection.leads_referred is '问题线索 referred by the team to the discipline body: a count';
comment on column ledger_inspection.work_done is 'report narrative 一、整改工作开展情况 (editable)';
comment on column ledger_inspection.next_steps is 'report narrative 四、下一步工作 (editable)';
comment on column ledger_inspection.published_at is 'the public report page is served only once set';
create index ledger_inspection_region_idx on ledger_inspection (region_code);

create table ledger_category (
  id            uuid primary key default gen_random_uuid(),
  region_code   text not null references region(code),
  inspection_id uuid not null references ledger_inspection(id) on delete cascade,
  parent_id     uuid references ledger_category(id),
  title         text not null,
  sort_order    integer not null
);
comment on column ledger_category.sort_order is 'order among siblings; the numbering 一、/（一）/1. is computed from the tree and this, never stored';
create index ledger_category_inspection_idx on ledger_category (inspection_id);

create table ledger_finding (
  id                   uuid primary key default gen_random_uuid(),
  region_code          text not null references region(code),
  inspection_id        uuid not null references ledger_inspection(id) on delete cascade,
  category_id          uuid references ledger_category(id),
  number               integer not null,
  title                text not null,
  description          text not null default '',
  severity             text not null default 'general' check (severity in ('minor', 'general', 'serious')),
  source               text not null default 'inspection' check (source in ('inspection', 'overdue_cases', 'evaluations', 'complaints', 'patrols', 'file_reviews')),
  carried_over_from_id uuid references ledger_finding(id),
  created_at           timestamptz not null default now(),
  unique (inspection_id, number)
);
comment on column ledger_finding.number is 'running number within the inspection (序号), assigned on insert';
comment on column ledger_finding.description is '问题表现';
comment on column ledger_finding.source is 'where the finding came from: the inspection, or another module (overdue cases, bad reviews, complaints, patrols, file reviews)';
comment on column ledger_finding.carried_over_from_id is 'the same problem found by an earlier inspection';
create index ledger_finding_inspection_idx on ledger_finding (inspection_id);

create table ledger_measure (
  id             uuid primary key default gen_random_uuid(),
  region_code    text not null references region(code),
  finding_id     uuid not null references ledger_finding(id) on delete cascade,
  sort_order     integer not null,
  content        text not null,
  leader         text not null default '',
  department_id  uuid references department(id),
  owner_user_id  uuid references app_user(id),
  due_date       date,
  kind           text not null check (kind in ('immediate', 'deadline', 'ongoing')),
  signed_off_by  uuid references app_user(id),
  signed_off_at  timestamptz,
  signoff_comment text not null default '',
  reopened_at    timestamptz,
  round          integer not null default 0,
  created_at     timestamptz not null default now(),
  check ((signed_off_by is null) = (signed_off_at is null))
);
comment on column ledger_measure.leader is '责任领导, as printed (a name and title, not necessarily a user)';
comment on column ledger_measure.owner_user_id is '责任人: adds progress; may never sign off this measure (SOD-2)';
comment on column ledger_measure.kind is '立行立改 immediate / 限期 deadline / 长期坚持 ongoing';
comment on column ledger_measure.signed_off_by is '销号 verifier (supervisor or leader, not the owner; REC-1). Status is derived: not_started, in_progress, overdue, awaiting_signoff, signed_off, reopened';
comment on column ledger_measure.reopened_at is 'last 回头看 reopening; history in ledger_revisit';
comment on column ledger_measure.round is 'times reopened by 回头看; only progress and evidence of the current round count toward sign-off';
create index ledger_measure_finding_idx on ledger_measure (finding_id);
create index ledger_measure_owner_idx on ledger_measure (owner_user_id);
create index ledger_measure_department_idx on ledger_measure (department_id);

create table ledger_progress (
  id              uuid primary key default gen_random_uuid(),
  region_code     text not null references region(code),
  measure_id      uuid not null references ledger_measure(id) on delete cascade,
  date            date not null,
  text            text not null,
  evidence_files  text[] not null default '{}',
  evidence_text   text not null default '',
  request_signoff boolean not null default false,
  round           integer not null default 0,
  created_by      uuid references app_user(id),
  created_at      timestamptz not null default now()
);
comment on column ledger_progress.evidence_files is 'sha256 of stored_file rows (pdf/png/jpeg) proving the work';
comment on column ledger_progress.evidence_text is 'an evidence record without a file (e.g. the number of the meeting minutes)';
comment on column ledger_progress.round is 'the measure''s round when this entry was added';
comment on column ledger_progress.request_signoff is 'the owner reports the measure complete and asks for 销号 (status awaiting_signoff)';
create index ledger_progress_measure_idx on ledger_progress (measure_id);

create table ledger_revisit (
  id             uuid primary key default gen_random_uuid(),
  region_code    text not null references region(code),
  target_type    text not null check (target_type in ('measure', 'finding')),
  target_id      uuid not null,
  measure_ids    uuid[] not null default '{}',
  reason         text not null,
  prior_signed_off_by uuid references app_user(id),
  prior_signed_off_at timestamptz,
  reopened_by    uuid references app_user(id),
  reopened_at    timestamptz not null
);
comment on table ledger_revisit is '回头看 history: each reopening of a measure or a finding, with its reason and what it undid';
comment on column ledger_revisit.measure_ids is 'the measures this reopening set back to reopened';
create index ledger_revisit_target_idx on ledger_revisit (target_type, target_id);

create table ledger_accountability (
  id            uuid primary key default gen_random_uuid(),
  region_code   text not null references region(code),
  inspection_id uuid not null references ledger_inspection(id) on delete cascade,
  finding_id    uuid references ledger_finding(id),
  kind          text not null check (kind in ('circulated_criticism', 'reminder_talk', 'admonishment_talk', 'criticism_education', 'party_discipline', 'case_filed')),
  count         integer not null check (count > 0),
  date          date not null,
  names         text not null default ''
);
comment on column ledger_accountability.kind is '通报批评, 提醒谈话, 诫勉谈话, 批评教育, 党纪处分, 立案查处';
comment on column ledger_accountability.names is 'optional; shown only to leader and supervisor';

create table ledger_regulation (
  id            uuid primary key default gen_random_uuid(),
  region_code   text not null references region(code),
  inspection_id uuid not null references ledger_inspection(id) on delete cascade,
  name          text not null,
  doc_number    text not null default '',
  date          date not null
);
comment on table ledger_regulation is '建章立制: rules adopted as a result of the findings';

create table ledger_regulation_finding (
  regulation_id uuid not null references ledger_regulation(id) on delete cascade,
  finding_id    uuid not null references ledger_finding(id) on delete cascade,
  region_code   text not null references region(code),
  primary key (regulation_id, finding_id)
);

create table ledger_recovery (
  id            uuid primary key default gen_random_uuid(),
  region_code   text not null references region(code),
  inspection_id uuid not null references ledger_inspection(id) on delete cascade,
  finding_id    uuid references ledger_finding(id),
  kind          text not null check (kind in ('recovered', 'refunded')),
  amount_fen    bigint not null check (amount_fen > 0),
  date          date not null,
  note          text not null default ''
);
comment on column ledger_recovery.amount_fen is 'money in fen (分), an integer so sums are exact; recovered = 追缴, refunded = 退还';

create table ledger_public_feedback (
  id            uuid primary key default gen_random_uuid(),
  region_code   text not null references region(code),
  inspection_id uuid not null references ledger_inspection(id) on delete cascade,
  name          text not null default '',
  contact       text not null,
  text          text not null,
  client_ip     text not null default '',
  created_at    timestamptz not null
);
comment on table ledger_public_feedback is 'submissions from the public report page, for the supervisor (they become complaints when that module exists)';

-- Issue 18: complaints and 12345 work orders (投诉 / 12345 工单), the 办不成事 and 吐槽 windows and the
-- comment book. One table holds every channel's records (the Open311 API reads the same rows); the
-- loop 受理 → 派单 → 办理 → 回复 → 回访 → 办结 is an append-only event log, and who held an order
-- when is recorded so a late order's time is charged to whoever held it (CPL-2).

-- CPL-1: the deadline of each complaint type, in working days, per region (a setting, not code).
create table complaint_setting (
  region_code  text not null references region(code),
  type         text not null check (type in ('consult', 'help', 'suggest', 'complain', 'report', 'praise')),
  limit_days   integer not null check (limit_days between 1 and 60),
  updated_at   timestamptz not null default now(),
  primary key (region_code, type)
);
comment on table complaint_setting is 'CPL-1: working days allowed per complaint type; a region without a row uses the defaults in complaints.policy.ts';

-- 派单目录: versioned; a new version copies nothing implicitly, it is published whole.
create table complaint_catalog_version (
  region_code   text not null references region(code),
  version       integer not null,
  note          text not null default '',
  published_at  timestamptz not null default now(),
  published_by  text not null,
  primary key (region_code, version)
);
comment on table complaint_catalog_version is '派单目录 versions; the highest is in force; old versions stay so every dispatch can say which version suggested it';

create table complaint_catalog_rule (
  region_code          text not null,
  version              integer not null,
  id                   uuid not null default gen_random_uuid(),
  type                 text check (type in ('consult', 'help', 'suggest', 'complain', 'report', 'praise')),
  subject_kind         text check (subject_kind in ('staff', 'window', 'department', 'item', 'case', 'none')),
  subject_id           text,
  lead_department_id   uuid not null,
  assist_department_ids jsonb not null default '[]',
  explanation          text not null,
  primary key (region_code, version, id),
  foreign key (region_code, version) references complaint_catalog_version (region_code, version)
);
comment on table complaint_catalog_rule is '派单目录 rule: type × subject → lead and assisting departments; null type / subject kind / subject id match anything; the most specific rule wins';
comment on column complaint_catalog_rule.explanation is 'why this department: shown with the suggestion on the dispatch desk';

create table complaint (
  region_code            text not null references region(code),
  id                     uuid not null default gen_random_uuid(),
  order_no               text not null,
  source                 text not null check (source in ('hotline_12345', 'window', 'unresolved_window',
                           'grievance_window', 'comment_book', 'online', 'report_feedback', 'invited_monitor')),
  external_no            text,
  type                   text not null check (type in ('consult', 'help', 'suggest', 'complain', 'report', 'praise')),
  title                  text not null,
  content                text not null,
  address                text not null default '',
  lat                    double precision,
  lng                    double precision,
  anonymous              boolean not null,
  complainant_name_enc   text,
  complainant_name_masked text not null default '',
  phone_enc              text,
  phone_masked           text not null default '',
  phone_hash             text,
  subject_kind           text not null check (subject_kind in ('staff', 'window', 'department', 'item', 'case', 'none')),
  subject_id             text,
  subject_label          text not null default '',
  related_case_id        uuid,
  photo_sha256           text,
  status                 text not null check (status in ('received', 'dispatched', 'handling', 'replied',
                           'closed', 'merged', 'escalated')),
  lead_department_id     uuid,
  assist_department_ids  jsonb not null default '[]',
  catalog_version        integer,
  held_by_department_id  uuid,
  held_since             timestamptz,
  dispatched_at          timestamptz,
  return_pending         boolean not null default false,
  return_reason          text,
  received_at            timestamptz not null,
  due_date               date not null,
  handler_id             uuid,
  reply_text             text,
  replied_at             timestamptz,
  replied_by             uuid,
  callback_result        text check (callback_result in ('satisfied', 'unsatisfied')),
  callback_note          text,
  callback_at            timestamptz,
  callback_by            uuid,
  closed_at              timestamptz,
  closed_by              uuid,
  reopen_count           integer not null default 0,
  flagged                boolean not null default false,
  supervised_at          timestamptz,
  merged_into_id         uuid,
  outcome_kind           text check (outcome_kind in ('reopened', 'accepted_elsewhere', 'explained')),
  outcome_case_id        uuid,
  escalated_at           timestamptz,
  version                integer not null default 0,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  primary key (region_code, id),
  unique (region_code, order_no),
  unique (region_code, source, external_no),
  foreign key (region_code, merged_into_id) references complaint (region_code, id)
);
create index complaint_status_idx on complaint (region_code, status, due_date);
create index complaint_holder_idx on complaint (region_code, held_by_department_id, status);
create index complaint_subject_idx on complaint (region_code, subject_kind, subject_id, received_at);
comment on table complaint is '投诉 / 12345 工单 and every other channel (window, 办不成事, 吐槽, comment book, online, report feedback, 特邀监督员)';
comment on column complaint.order_no is 'our number, TS{YYYY}{6-digit serial} per region and year (complaint_counter)';
comment on column complaint.external_no is 'the 12345 platform''s order number, kept as received; unique per region and source';
comment on column complaint.complainant_name_enc is 'SM4-CBC of the complainant''s name (null when anonymous); screens show complainant_name_masked';
comment on column complaint.phone_hash is 'HMAC-SM3 of the phone number: find the same complainant again without decrypting';
comment on column complaint.held_by_department_id is 'CPL-2: the department now holding the order; the deadline runs against it';
comment on column complaint.return_pending is 'CPL-2: the holder asked to return (退单); the dispatch desk decides';
comment on column complaint.due_date is 'CPL-1: received date + the type''s working days on the region calendar';
comment on column complaint.reopen_count is 'a callback "not satisfied" reopens the order once to its lead department';
comment on column complaint.merged_into_id is 'CPL-3: 并单; the merged record keeps its own complainant, reply and callback';
comment on column complaint.outcome_kind is '办不成事: how the matter was resolved by coordination; outcome_case_id links the case';

-- CPL-2: who held the order when (one row per holding; until_at null = holding now).
create table complaint_holding (
  region_code    text not null,
  complaint_id   uuid not null,
  seq            integer not null,
  department_id  uuid not null,
  role           text not null check (role in ('lead', 'desk')),
  from_at        timestamptz not null,
  until_at       timestamptz,
  ended_by       text,
  primary key (region_code, complaint_id, seq),
  foreign key (region_code, complaint_id) references complaint (region_code, id)
);
comment on table complaint_holding is 'CPL-2: holding periods of an order; ended_by says why it ended (returned, reassigned, closed)';

create table complaint_event (
  region_code   text not null,
  complaint_id  uuid not null,
  seq           integer not null,
  type          text not null,
  payload       jsonb not null default '{}',
  actor_id      uuid,
  actor_name    text not null,
  at            timestamptz not null,
  primary key (region_code, complaint_id, seq),
  foreign key (region_code, complaint_id) references complaint (region_code, id)
);
comment on table complaint_event is 'append-only history of an order: intake, dispatch, return, reassign, reply, callback, close, merge, supervise, coordination';

create function complaint_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'complaint_event is append-only';
end $$;
create trigger complaint_event_no_change before update or delete on complaint_event
  for each row execute function complaint_event_append_only();

create table complaint_counter (
  region_code  text not null references region(code),
  year         integer not null,
  last         integer not null,
  primary key (region_code, year)
);
comment on table complaint_counter is 'order numbers per region and year; the row lock serialises intakes of one region only';

-- Cases (办件), DOMAIN.md "Cases": applicants, the case with its event log, materials, notices,
-- e-licenses, gap-free numbers and idempotency keys. The case row is a projection of its events
-- (TRUTH-1): service_case.state is replayCase(events), the other status columns are read from it.

-- 统一社会信用代码 of a department, the issuer part of the e-license identifier.
alter table department add column credit_code text
  check (credit_code is null or credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
comment on column department.credit_code is '统一社会信用代码 (GB 32100), the issuer in e-license identifiers; derived from the id when null';

create table applicant (
  id                   uuid primary key default gen_random_uuid(),
  region_code          text not null references region(code),
  kind                 text not null check (kind in ('person', 'enterprise')),
  name                 text not null,
  id_number_enc        text not null,
  id_number_hash       text not null,
  id_number_masked     text not null,
  phone_enc            text not null,
  phone_masked         text not null,
  legal_representative text,
  contact_name         text,
  created_at           timestamptz not null default now(),
  unique (region_code, id_number_hash),
  check (kind = 'person' or (legal_representative is not null and contact_name is not null))
);
comment on table applicant is '申请人: natural person (公民身份号码) or enterprise (统一社会信用代码), validated per ID-1';
comment on column applicant.id_number_enc is 'SM4-CBC (iv:ciphertext, base64) of the identity number; personal data at rest';
comment on column applicant.id_number_hash is 'HMAC-SM3 of the identity number under the lookup key: find by exact number without decrypting';
comment on column applicant.id_number_masked is 'what screens show: first 4 and last 4 characters (1101**********002X)';
comment on column applicant.phone_enc is 'SM4-CBC of the phone number; tracking by case number + phone decrypts one row';

create table service_case (
  id                uuid primary key default gen_random_uuid(),
  region_code       text not null references region(code),
  case_no           text not null,
  item_id           uuid not null references catalog_item(id),
  item_version_id   uuid not null references catalog_item_version(id),
  department_id     uuid not null references department(id),
  applicant_id      uuid not null references applicant(id),
  agent_id          uuid references applicant(id),
  channel           text not null check (channel in ('window', 'online', 'kiosk', 'mail', 'agent')),
  intake_by         uuid references app_user(id),
  status            text not null check (status in ('draft', 'submitted', 'supplement_requested', 'accepted',
                      'refused', 'decided', 'delivered', 'withdrawn')),
  step_index        integer not null default 0,
  assignee_id       uuid references app_user(id),
  suspended         boolean not null default false,
  extension_status  text check (extension_status in ('requested', 'approved', 'rejected')),
  outcome           text check (outcome in ('grant', 'deny')),
  license_id        text,
  received_at       timestamptz,
  accepted_at       timestamptz,
  decided_at        timestamptz,
  delivered_at      timestamptz,
  visits            integer not null default 0,
  version           integer not null default 0,
  state             jsonb not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  unique (region_code, case_no)
);
comment on table service_case is '办件: a projection of case_event (TRUTH-1); every transition checks and bumps version';
comment on column service_case.case_no is '办件编号 {region}-{YYYYMMDD}-{5-digit serial}, gap-free per region and day (case_no_counter)';
comment on column service_case.item_version_id is 'the published 实施清单 version pinned at intake: later catalog edits do not change the case';
comment on column service_case.state is 'replayCase(events) as JSON; the columns beside it are copies for lists and filters';
comment on column service_case.version is 'number of events; a transition names the version it saw (stale → 409, nothing changed)';
comment on column service_case.step_index is 'index into the back-office steps (the item''s steps without 受理 and 办结)';
create index service_case_department_status on service_case (department_id, status);
create index service_case_region_status on service_case (region_code, status);
create index service_case_assignee on service_case (assignee_id) where assignee_id is not null;
create index service_case_applicant on service_case (applicant_id);

create table case_event (
  id          bigserial primary key,
  region_code text not null references region(code),
  case_id     uuid not null references service_case(id),
  seq         integer not null check (seq >= 1),
  type        text not null,
  payload     jsonb not null default '{}',
  actor_id    uuid references app_user(id),
  actor_name  text not null,
  at          timestamptz not null,
  unique (case_id, seq)
);
comment on table case_event is 'append-only log of a case; the case row is derived from it (TRUTH-1); each transition also joins the audit chain';

create function case_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'case_event is append-only';
end $$;
create trigger case_event_no_change before update or delete on case_event
  for each row execute function case_event_append_only();

create table case_material (
  id           uuid primary key default gen_random_uuid(),
  region_code  text not null references region(code),
  case_id      uuid not null references service_case(id),
  sort_order   integer not null,
  name         text not null,
  required     boolean not null,
  "deferrable" boolean not null default false,
  status       text not null check (status in ('provided', 'missing', 'deferred', 'from_license', 'not_applicable')),
  due_date     date,
  license_id   text,
  file_sha256  text references stored_file(sha256),
  received_at  timestamptz,
  unique (case_id, name),
  check (status <> 'deferred' or due_date is not null),
  check (status <> 'from_license' or license_id is not null)
);
comment on table case_material is 'the materials checklist of a case, copied from the pinned catalog version at intake';
comment on column case_material.status is 'provided / missing / deferred (容缺, due_date) / from_license (免提交, license_id) / not_applicable';

create table case_notice (
  id          uuid primary key default gen_random_uuid(),
  region_code text not null references region(code),
  case_id     uuid not null references service_case(id),
  kind        text not null check (kind in ('accept', 'refuse', 'supplement', 'suspend', 'extend', 'decide')),
  year        integer not null,
  serial      integer not null check (serial >= 1),
  notice_no   text not null,
  issued_at   timestamptz not null,
  content     jsonb not null,
  unique (region_code, kind, year, serial),
  unique (region_code, notice_no)
);
comment on table case_notice is 'ACC-2: the dated written notice of every accept / refuse / supplement decision, and of suspensions, extensions and decisions';
comment on column case_notice.notice_no is 'e.g. 云溪受字〔2026〕第00012号; serial gap-free per region, kind and year (case_sequence)';
create index case_notice_case on case_notice (case_id);

create table license (
  id                   text primary key,
  region_code          text not null references region(code),
  type_code            text not null,
  type_name            text not null,
  holder_applicant_id  uuid not null references applicant(id),
  holder_name          text not null,
  holder_id_masked     text not null,
  issuer_department_id uuid not null references department(id),
  issuer_name          text not null,
  issuer_credit_code   text not null,
  serial               text not null,
  valid_from           date not null,
  valid_until          date,
  status               text not null default 'valid' check (status in ('valid', 'revoked', 'expired')),
  case_id              uuid not null unique references service_case(id),
  issued_at            timestamptz not null
);
comment on table license is '电子证照 (GB/T 36901–36906); id = 1.2.156.3005.2.{type}.{issuer credit code}.{serial}.{version}.{check}. Licenses exist only as the result of a case (case_id not null): no approvals outside the system';
create index license_holder_type on license (holder_applicant_id, type_code) where status = 'valid';

create table case_license_type (
  item_id     uuid primary key references catalog_item(id),
  region_code text not null references region(code),
  type_code   text not null check (type_code ~ '^[0-9A-Z]{1,32}$'),
  type_name   text not null,
  valid_years integer check (valid_years between 1 and 50)
);
comment on table case_license_type is 'the e-license type an item issues on 准予; items without a row get a type code derived from the item id and no expiry';

create table case_no_counter (
  region_code text not null references region(code),
  day         date not null,
  last        integer not null,
  primary key (region_code, day)
);
comment on table case_no_counter is 'gap-free case numbers: incremented in the intake transaction (the row lock serialises intakes of a region and day; a rollback gives the number back)';

create table case_sequence (
  region_code text not null references region(code),
  name        text not null,
  last        integer not null,
  primary key (region_code, name)
);
comment on table case_sequence is 'other gap-free serials: notice:{kind}:{year}, license:{type}:{issuer}';

create table idempotency_key (
  scope      text not null,
  key        text not null,
  response   jsonb,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
comment on table idempotency_key is 'Idempotency-Key of submissions: scope is the user id (or public); a repeat returns the stored response instead of a second case';

create table case_draft (
  id          uuid primary key default gen_random_uuid(),
  region_code text not null references region(code),
  token_hash  text not null unique,
  item_id     uuid not null references catalog_item(id),
  data        jsonb not null default '{}',
  files       jsonb not null default '[]',
  case_id     uuid references service_case(id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
comment on table case_draft is 'an online application saved before submission; found by HMAC-SM3 of the draft token the applicant keeps';
comment on column case_draft.files is '[{materialName, sha256, name, mediaType, size}] uploaded to stored_file';

-- Issue 20: 一件事一次办 (bundles). A bundle definition groups published catalog items of several
-- departments of one region into one theme (开办餐饮店 …), versioned and published like items. A
-- bundle case is one application; each of its branches IS an ordinary case (service_case) of the
-- cases module, linked here, so the back office reviews and decides it as any other case.
-- BUN-1, DEC-2: the bundle has one legal limit (45 working days, one extension of up to 15).

create table bundle_definition (
  region_code text not null references region(code),
  id          uuid not null default gen_random_uuid(),
  code        text not null,
  created_at  timestamptz not null default now(),
  primary key (region_code, id),
  unique (region_code, code)
);
comment on table bundle_definition is '一件事主题 (e.g. 开办餐饮店); its content lives in versions';

create table bundle_definition_version (
  region_code   text not null,
  id            uuid not null default gen_random_uuid(),
  definition_id uuid not null,
  version_no    integer not null,
  status        text not null check (status in ('draft', 'published', 'retired')),
  name          text not null,
  description   text not null default '',
  license_type_code text,
  license_type_name text,
  created_at    timestamptz not null default now(),
  created_by    uuid,
  published_at  timestamptz,
  published_by  uuid,
  primary key (region_code, id),
  unique (region_code, definition_id, version_no),
  foreign key (region_code, definition_id) references bundle_definition (region_code, id)
);
comment on column bundle_definition_version.license_type_code is '一业一证: the comprehensive industry license type this bundle issues on conclusion; null = none';
create unique index bundle_definition_one_published on bundle_definition_version (region_code, definition_id)
  where status = 'published';

create table bundle_definition_item (
  region_code  text not null,
  version_id   uuid not null,
  item_id      uuid not null references catalog_item(id),
  sort_order   integer not null,
  depends_on   uuid[] not null default '{}',
  primary key (region_code, version_id, item_id),
  foreign key (region_code, version_id) references bundle_definition_version (region_code, id)
);
comment on table bundle_definition_item is 'the items of a bundle version; each becomes one branch case';
comment on column bundle_definition_item.depends_on is 'items of the same version whose result this one waits for (no cycles; checked on save)';

create table bundle_form_field (
  region_code text not null,
  version_id  uuid not null,
  key         text not null,
  label       text not null,
  sort_order  integer not null,
  item_ids    uuid[] not null,
  primary key (region_code, version_id, key),
  foreign key (region_code, version_id) references bundle_definition_version (region_code, id)
);
comment on table bundle_form_field is '一表申请: the merged form; a field shared by several items is asked once (item_ids lists who uses it)';

create table bundle_material (
  region_code text not null,
  version_id  uuid not null,
  name        text not null,
  sort_order  integer not null,
  required    boolean not null,
  item_ids    uuid[] not null,
  primary key (region_code, version_id, name),
  foreign key (region_code, version_id) references bundle_definition_version (region_code, id)
);
comment on table bundle_material is '一套材料: the deduplicated materials list; a material several items need is handed in once and shared (item_ids)';

create table bundle_case (
  region_code        text not null references region(code),
  id                 uuid not null default gen_random_uuid(),
  bundle_no          text not null,
  definition_id      uuid not null,
  version_id         uuid not null,
  name               text not null,
  applicant_id       uuid not null,
  applicant_name     text not null,
  applicant_id_masked text not null,
  channel            text not null check (channel in ('window', 'online')),
  status             text not null check (status in ('open', 'awaiting_choice', 'concluded', 'delivered', 'withdrawn')),
  received_at        timestamptz not null,
  intake_by          uuid,
  extension_days     integer,
  extension_reason   text,
  extension_status   text check (extension_status in ('requested', 'approved', 'rejected')),
  concluded_at       timestamptz,
  delivered_at       timestamptz,
  delivered_by       text,
  license_id         text,
  query_code_hash    text not null,
  form_values        jsonb not null default '{}',
  version            integer not null default 1,
  primary key (region_code, id),
  unique (region_code, bundle_no),
  foreign key (region_code, version_id) references bundle_definition_version (region_code, id)
);
comment on table bundle_case is '一件事办件: one application; its row is locked by every branch transition so the join (all branches concluded → concluded) happens exactly once';
comment on column bundle_case.status is 'open; awaiting_choice (a branch was refused or denied: the applicant chooses to continue or withdraw); concluded (every branch concluded); delivered (one delivery of all results); withdrawn';
comment on column bundle_case.query_code_hash is 'SEC-2: keyed hash of the 查询码 the applicant tracks the bundle with';

create table bundle_branch (
  region_code    text not null,
  bundle_case_id uuid not null,
  case_id        uuid not null references service_case(id),
  case_no        text not null,
  item_id        uuid not null,
  item_name      text not null,
  department_id  uuid not null,
  department_name text not null,
  promised_days  integer not null,
  depends_on     uuid[] not null default '{}',
  status         text not null check (status in ('submitted', 'supplement_requested', 'accepted', 'granted', 'denied', 'refused', 'withdrawn')),
  accepted_at    timestamptz,
  paused_since   timestamptz,
  concluded_at   timestamptz,
  license_id     text,
  reviewers      uuid[] not null default '{}',
  deciders       uuid[] not null default '{}',
  primary key (region_code, bundle_case_id, case_id),
  unique (region_code, case_id),
  foreign key (region_code, bundle_case_id) references bundle_case (region_code, id)
);
comment on table bundle_branch is 'a bundle branch is an ordinary case of the cases module; this row links it and mirrors what the join and the critical path need';
comment on column bundle_branch.paused_since is 'BUN-1: a supplement request pauses only this branch';
comment on column bundle_branch.reviewers is 'SOD-1 across branches: who signed a review step of this branch';

create table bundle_event (
  region_code    text not null,
  bundle_case_id uuid not null,
  seq            integer not null,
  type           text not null,
  payload        jsonb not null default '{}',
  actor_id       uuid,
  at             timestamptz not null,
  primary key (region_code, bundle_case_id, seq),
  foreign key (region_code, bundle_case_id) references bundle_case (region_code, id)
);
comment on table bundle_event is 'the bundle''s history, append-only (TRUTH-1: its figures are computed from it)';
create function bundle_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'bundle_event is append-only';
end $$;
create trigger bundle_event_no_change before update or delete on bundle_event
  for each row execute function bundle_event_append_only();

create table bundle_license (
  region_code      text not null references region(code),
  id               text not null,
  bundle_case_id   uuid not null,
  type_code        text not null,
  type_name        text not null,
  holder_name      text not null,
  holder_id_masked text not null,
  issuer_name      text not null,
  issuer_credit_code text not null,
  serial           text not null,
  valid_from       date not null,
  member_licenses  jsonb not null,
  verify_token     text not null,
  issued_at        timestamptz not null,
  primary key (region_code, id),
  unique (region_code, bundle_case_id),
  unique (region_code, verify_token),
  foreign key (region_code, bundle_case_id) references bundle_case (region_code, id)
);
comment on table bundle_license is '一业一证: one comprehensive industry e-license issued on a bundle''s delivery, listing the licenses it stands for (member_licenses); id in the GB/T 36901 format';
create index bundle_license_token_idx on bundle_license (verify_token);
comment on column bundle_license.verify_token is 'SEC-2: the public verifies by this random token, never by the id built from a serial';

create table bundle_counter (
  region_code text not null references region(code),
  name        text not null,
  last        integer not null,
  primary key (region_code, name)
);
comment on table bundle_counter is 'per-region gap-free numbers of bundles (bundle_no) and comprehensive licenses';

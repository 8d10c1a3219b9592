-- Service-item catalog (事项实施清单) and guides (办事指南), DOMAIN.md "Catalog".
-- An item is an identity (code per region); its content lives in versions. A published version is
-- never updated in content: editing makes a new draft, publishing it supersedes the old one, and cases
-- pin the version they were filed under.

create table catalog_item (
  id             uuid primary key default gen_random_uuid(),
  region_code    text not null references region(code),
  item_code      text not null check (length(item_code) between 1 and 100),
  created_at     timestamptz not null default now(),
  retired_at     timestamptz,
  retired_reason text,
  unique (region_code, item_code)
);
comment on column catalog_item.item_code is '事项编码 (GB/T 39554.1 scheme), opaque; unique within a region';
comment on column catalog_item.retired_at is 'set when the item is cancelled (取消); its versions are then retired and nothing is live';

create table catalog_item_version (
  id                    uuid primary key default gen_random_uuid(),
  region_code           text not null references region(code),
  item_id               uuid not null references catalog_item(id),
  version_no            integer not null check (version_no >= 1),
  status                text not null check (status in ('draft', 'published', 'superseded', 'retired')),
  name                  text not null,
  name_pinyin           text not null default '',
  name_pinyin_initials  text not null default '',
  item_type             text not null check (item_type in ('licensing', 'benefit', 'confirmation', 'levy', 'award',
                          'adjudication', 'filing', 'other_power', 'public_service')),
  department_id         uuid not null references department(id),
  legal_basis           jsonb not null default '[]',
  acceptance_conditions text not null default '',
  handling              text check (handling in ('instant', 'promised')),
  legal_limit_days      integer check (legal_limit_days >= 0),
  promised_limit_days   integer check (promised_limit_days >= 0),
  special_procedures    jsonb not null default '[]',
  fees                  jsonb not null default '[]',
  location              text not null default '',
  hours                 text not null default '',
  consult_phone         text not null default '',
  complaint_phone       text not null default '',
  max_visits            integer check (max_visits >= 0),
  online_level          text check (online_level in ('full_online', 'online_pretrial', 'offline')),
  hall_exemption        text,
  steps                 jsonb not null,
  guides                jsonb not null default '{}',
  created_at            timestamptz not null default now(),
  created_by            uuid references app_user(id),
  published_at          timestamptz,
  published_by          uuid references app_user(id),
  superseded_at         timestamptz,
  unique (item_id, version_no),
  check (promised_limit_days is null or legal_limit_days is null or promised_limit_days <= legal_limit_days),
  check (status = 'draft' or published_at is not null or status = 'retired')
);
comment on table catalog_item_version is 'one version of an item''s 实施清单; only drafts change, published/superseded/retired rows are history';
comment on column catalog_item_version.status is 'draft → published → superseded (by the next published version) or retired (item cancelled)';
comment on column catalog_item_version.name_pinyin is 'full pinyin of the name without tones or spaces (shipinjingyingxuke), lower case, for search';
comment on column catalog_item_version.name_pinyin_initials is 'pinyin initials of the name (spjyxk), lower case, for search';
comment on column catalog_item_version.legal_basis is '设定依据: [{name, article}]';
comment on column catalog_item_version.handling is '即办件 instant / 承诺件 promised; null while a draft leaves it open';
comment on column catalog_item_version.legal_limit_days is '法定时限 in working days (CAL-1); 0 for instant items';
comment on column catalog_item_version.promised_limit_days is '承诺时限 in working days, never above the legal limit; 0 for instant items';
comment on column catalog_item_version.special_procedures is '特殊环节: [{kind, days, countsInLimit, legalBasis}] (SUS-1)';
comment on column catalog_item_version.fees is '[{name, amountFen, basis}]; empty = 不收费';
comment on column catalog_item_version.max_visits is '到现场次数: 0 = 零跑动, 1 = 最多跑一次';
comment on column catalog_item_version.online_level is '网办深度: full_online 全程网办, online_pretrial 网上预审, offline 仅线下';
comment on column catalog_item_version.hall_exemption is '负面清单 reason this item is handled outside the hall; null = in the hall (应进必进)';
comment on column catalog_item_version.steps is 'step template after acceptance, e.g. ["受理","审查","决定","办结"]; "3+1" unless a special procedure applies';
comment on column catalog_item_version.guides is 'guide texts per language {zh, en, ru, ko}: {name, conditions, process, notes}; zh required to publish';
comment on column catalog_item_version.superseded_at is 'when the next version was published over this one';

-- At most one live and one pending version per item.
create unique index catalog_item_version_one_published on catalog_item_version (item_id) where status = 'published';
create unique index catalog_item_version_one_draft on catalog_item_version (item_id) where status = 'draft';
create index catalog_item_version_region_status on catalog_item_version (region_code, status);
create index catalog_item_version_published_name on catalog_item_version (name) where status = 'published';

create table catalog_material (
  id                uuid primary key default gen_random_uuid(),
  region_code       text not null references region(code),
  version_id        uuid not null references catalog_item_version(id),
  sort_order        integer not null,
  name              text not null,
  requirement       text not null check (requirement in ('required', 'conditional')),
  condition         text not null default '',
  form              text not null check (form in ('original', 'copy', 'electronic')),
  copies            integer not null default 1 check (copies between 0 and 99),
  "deferrable"      boolean not null default false,
  license_type_code text,
  template_file     text,
  unique (version_id, sort_order),
  unique (version_id, name),
  check (requirement = 'required' or length(condition) > 0)
);
comment on table catalog_material is '申请材料 of one item version; copied with the version, never shared between versions';
comment on column catalog_material.requirement is 'required 必要 / conditional 情形必要 (then condition says when)';
comment on column catalog_material."deferrable" is '容缺: may be handed in after acceptance';
comment on column catalog_material.license_type_code is '免提交: e-license type (GB/T 36901) that replaces this material; the system fetches the license instead';
comment on column catalog_material.template_file is 'sha256 of a blank form or sample in stored_file, or null';

-- Organisation: regions, halls, departments, windows, staff, users (DOMAIN.md "Organisation").
-- Every business table carries region_code so it can be distributed on it (ARCHITECTURE.md).

create table region (
  code        text primary key,
  name        text not null,
  parent_code text references region(code),
  level       smallint not null
);
comment on column region.code is '行政区划代码 GB/T 2260, 6 or 12 digits';
comment on column region.level is '1 province, 2 city, 3 county, 4 township, 5 village';

create table hall (
  id          uuid primary key default gen_random_uuid(),
  region_code text not null references region(code),
  name        text not null,
  level       text not null check (level in ('county', 'township', 'village')),
  address     text not null default '',
  phone       text not null default '',
  created_at  timestamptz not null default now(),
  unique (region_code, name)
);

create table department (
  id             uuid primary key default gen_random_uuid(),
  region_code    text not null references region(code),
  hall_id        uuid references hall(id),
  name           text not null,
  short_name     text not null default '',
  hall_exemption text,
  created_at     timestamptz not null default now(),
  unique (region_code, name)
);
comment on column department.hall_exemption is '负面清单: why this department does not sit in the hall; null = it does (应进必进)';

create table hall_window (
  id            uuid primary key default gen_random_uuid(),
  region_code   text not null references region(code),
  hall_id       uuid not null references hall(id),
  number        text not null,
  name          text not null,
  kind          text not null check (kind in ('comprehensive', 'dedicated', 'assist', 'unresolved', 'grievance', 'foreign')),
  tidal         boolean not null default false,
  department_id uuid references department(id),
  created_at    timestamptz not null default now(),
  unique (hall_id, number)
);
comment on column hall_window.tidal is '潮汐窗口: its item group changes with load';

create table staff (
  id              uuid primary key default gen_random_uuid(),
  region_code     text not null references region(code),
  name            text not null,
  title           text not null default '',
  department_id   uuid not null references department(id),
  window_id       uuid references hall_window(id),
  employment      text not null check (employment in ('employee', 'contractor')),
  stationed_from  date not null,
  stationed_until date,
  photo           text,
  created_at      timestamptz not null default now(),
  check (stationed_until is null or stationed_until >= stationed_from)
);
comment on column staff.employment is '在编 employee / 雇员 contractor';
comment on column staff.photo is 'sha256 of the photo file under DATA_DIR/files (公示牌)';

create table app_user (
  id              uuid primary key default gen_random_uuid(),
  username        text not null unique,
  display_name    text not null,
  password_hash   text not null,
  role            text not null check (role in ('applicant', 'clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin')),
  region_code     text not null references region(code),
  department_id   uuid references department(id),
  disabled        boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until    timestamptz,
  created_at      timestamptz not null default now(),
  check (role not in ('clerk', 'approver', 'dept_head') or department_id is not null)
);
comment on column app_user.failed_attempts is 'consecutive failed sign-ins; 5 lock the account for 15 minutes';

create index staff_department_idx on staff (department_id);
create index hall_window_hall_idx on hall_window (hall_id);

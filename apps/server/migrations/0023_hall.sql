-- Issue 19: the hall itself — appointments (APT-1), queue tickets (QUE-1), presence at windows,
-- tidal windows and patrols (PAT-1). Halls, windows and staff belong to org (0001); these tables
-- name them by id and region.

-- Settings per region (APT-1: no-show counting and suspension; PAT-1: patrols a day, notice deadline).
create table hall_setting (
  region_code          text not null references region(code),
  hold_minutes         integer not null default 10 check (hold_minutes between 1 and 120),
  no_show_limit        integer not null default 3 check (no_show_limit between 1 and 20),
  no_show_window_days  integer not null default 90 check (no_show_window_days between 1 and 366),
  suspension_days      integer not null default 30 check (suspension_days between 1 and 366),
  patrols_per_day      integer not null default 4 check (patrols_per_day between 4 and 12),
  notice_deadline_days integer not null default 3 check (notice_deadline_days between 1 and 30),
  primary key (region_code)
);
comment on table hall_setting is 'APT-1 / PAT-1 settings of one region; a region without a row uses the defaults';
comment on column hall_setting.hold_minutes is 'how long a held booking keeps its place before it must be confirmed';
comment on column hall_setting.no_show_limit is 'no-shows within no_show_window_days that suspend online booking for suspension_days';

-- 事项分组: the queue a ticket joins and the unit a slot is booked for (a letter prefixes ticket numbers).
create table hall_item_group (
  region_code       text not null references region(code),
  id                uuid not null default gen_random_uuid(),
  hall_id           uuid not null,
  code              text not null check (code ~ '^[A-Z]$'),
  name              text not null,
  person_limit      integer not null default 1 check (person_limit between 1 and 10),
  limit_period_days integer not null default 30 check (limit_period_days between 1 and 366),
  created_at        timestamptz not null default now(),
  primary key (region_code, id),
  unique (region_code, hall_id, code)
);
comment on table hall_item_group is '事项分组 of a hall: a queue of tickets and the unit slots are booked for';
comment on column hall_item_group.person_limit is 'APT-1: active bookings one person may hold in this group within limit_period_days of a slot';

-- Which groups a window serves now; a tidal switch rewrites it (and records hall_window_switch).
create table hall_window_group (
  region_code text not null references region(code),
  window_id   uuid not null,
  group_id    uuid not null,
  primary key (region_code, window_id, group_id),
  foreign key (region_code, group_id) references hall_item_group (region_code, id)
);
comment on table hall_window_group is 'the item groups a window (org hall_window) calls tickets of, now';

create table hall_window_switch (
  region_code    text not null references region(code),
  id             uuid not null default gen_random_uuid(),
  hall_id        uuid not null,
  window_id      uuid not null,
  from_group_ids uuid[] not null,
  to_group_ids   uuid[] not null,
  reason         text not null,
  actor_user_id  uuid,
  at             timestamptz not null default now(),
  primary key (region_code, id)
);
comment on table hall_window_switch is '潮汐窗口: every switch of a window''s item groups, append-only';

create table hall_slot (
  region_code text not null references region(code),
  id          uuid not null default gen_random_uuid(),
  hall_id     uuid not null,
  group_id    uuid not null,
  window_id   uuid,
  starts_at   timestamptz not null,
  ends_at     timestamptz not null,
  capacity    integer not null check (capacity between 0 and 1000),
  booked      integer not null default 0,
  created_at  timestamptz not null default now(),
  primary key (region_code, id),
  foreign key (region_code, group_id) references hall_item_group (region_code, id),
  check (ends_at > starts_at),
  -- APT-1 enforced by the database: booked counts held, confirmed and checked-in bookings.
  check (booked >= 0 and booked <= capacity)
);
create index hall_slot_day_idx on hall_slot (region_code, hall_id, starts_at);
comment on column hall_slot.booked is 'APT-1: places taken (held, confirmed, checked in); raised only by `update … where booked < capacity`';

-- One row per person (identity number) and region: the row a booking locks (APT-1 limits).
create table hall_person (
  region_code     text not null references region(code),
  person_hash     text not null,
  id_masked       text not null,
  id_sealed       text not null,
  no_show_count   integer not null default 0,
  suspended_until timestamptz,
  updated_at      timestamptz not null default now(),
  primary key (region_code, person_hash)
);
comment on table hall_person is 'APT-1: a booking person; every booking locks this row first, so per-person limits and overlaps are checked one booking at a time';
comment on column hall_person.person_hash is 'HMAC-SM3 of the identity number (never stored in clear)';
comment on column hall_person.id_sealed is 'SM4-sealed identity number';

create table hall_appointment (
  region_code     text not null references region(code),
  id              uuid not null default gen_random_uuid(),
  hall_id         uuid not null,
  slot_id         uuid not null,
  group_id        uuid not null,
  person_hash     text not null,
  id_masked       text not null,
  name_sealed     text not null,
  name_masked     text not null,
  phone_sealed    text not null,
  phone_masked    text not null,
  starts_at       timestamptz not null,
  ends_at         timestamptz not null,
  status          text not null check (status in ('held', 'confirmed', 'cancelled', 'expired', 'checked_in', 'no_show')),
  channel         text not null check (channel in ('portal', 'counter')),
  code            text not null,
  idempotency_key text not null,
  hold_expires_at timestamptz,
  created_at      timestamptz not null default now(),
  confirmed_at    timestamptz,
  cancelled_at    timestamptz,
  checked_in_at   timestamptz,
  ticket_id       uuid,
  primary key (region_code, id),
  unique (region_code, idempotency_key),
  unique (region_code, code),
  foreign key (region_code, slot_id) references hall_slot (region_code, id),
  foreign key (region_code, person_hash) references hall_person (region_code, person_hash)
);
create index hall_appointment_person_idx on hall_appointment (region_code, person_hash, starts_at);
create index hall_appointment_slot_idx on hall_appointment (region_code, slot_id, status);
comment on table hall_appointment is '预约 (APT-1): held, then confirmed; checked in turns it into a ticket; not transferable (bound to the identity number hash)';
comment on column hall_appointment.code is 'booking code the citizen shows; not personal data';
comment on column hall_appointment.idempotency_key is 'the client''s key: a repeated hold returns the same booking instead of a second one';

create table hall_ticket_counter (
  region_code  text not null references region(code),
  hall_id      uuid not null,
  group_id     uuid not null,
  service_date date not null,
  last_seq     integer not null,
  primary key (region_code, hall_id, group_id, service_date)
);
comment on table hall_ticket_counter is 'per hall, group and day: the last ticket number given (no global serial)';

create table hall_ticket (
  region_code      text not null references region(code),
  id               uuid not null default gen_random_uuid(),
  hall_id          uuid not null,
  group_id         uuid not null,
  service_date     date not null,
  number           text not null,
  priority         text not null check (priority in ('green', 'appointment', 'normal')),
  priority_rank    smallint not null,
  green_reason     text,
  status           text not null check (status in ('waiting', 'called', 'skipped', 'finished')),
  target_window_id uuid,
  window_id        uuid,
  staff_id         uuid,
  appointment_id   uuid,
  issued_at        timestamptz not null,
  called_at        timestamptz,
  last_called_at   timestamptz,
  finished_at      timestamptz,
  recall_count     integer not null default 0,
  primary key (region_code, id),
  unique (region_code, hall_id, service_date, number),
  foreign key (region_code, group_id) references hall_item_group (region_code, id)
);
create index hall_ticket_queue_idx on hall_ticket (region_code, hall_id, service_date, status, priority_rank, issued_at);
comment on table hall_ticket is '取号 (QUE-1): called by priority class (green 0, appointment 1, normal 2) then issue time; waiting time = called_at − issued_at';
comment on column hall_ticket.target_window_id is 'a ticket transferred to one window is called only there';

create table hall_ticket_event (
  region_code   text not null references region(code),
  id            uuid not null default gen_random_uuid(),
  ticket_id     uuid not null,
  kind          text not null check (kind in ('issue', 'checkin', 'call', 'recall', 'skip', 'transfer', 'finish')),
  window_id     uuid,
  staff_id      uuid,
  actor_user_id uuid,
  detail        jsonb not null default '{}'::jsonb,
  at            timestamptz not null,
  primary key (region_code, id),
  foreign key (region_code, ticket_id) references hall_ticket (region_code, id)
);
create index hall_ticket_event_ticket_idx on hall_ticket_event (region_code, ticket_id, at);
comment on table hall_ticket_event is 'QUE-1: every issue, call, recall, skip, transfer and finish, append-only';

create table hall_presence (
  region_code   text not null references region(code),
  id            uuid not null default gen_random_uuid(),
  hall_id       uuid not null,
  window_id     uuid not null,
  staff_id      uuid not null,
  user_id       uuid,
  signed_in_at  timestamptz not null,
  signed_out_at timestamptz,
  primary key (region_code, id)
);
-- One person at a window, one window per person, at a time.
create unique index hall_presence_window_open on hall_presence (region_code, window_id) where signed_out_at is null;
create unique index hall_presence_staff_open on hall_presence (region_code, staff_id) where signed_out_at is null;
create index hall_presence_day_idx on hall_presence (region_code, hall_id, signed_in_at);
comment on table hall_presence is '考勤/在岗: who signed in at which window and when they left';

create table hall_patrol (
  region_code       text not null references region(code),
  id                uuid not null default gen_random_uuid(),
  hall_id           uuid not null,
  day               date not null,
  planned_at        timestamptz not null,
  status            text not null check (status in ('planned', 'done')),
  started_at        timestamptz,
  done_at           timestamptz,
  patroller_user_id uuid,
  primary key (region_code, id)
);
create index hall_patrol_day_idx on hall_patrol (region_code, hall_id, day);
comment on table hall_patrol is 'PAT-1: a hall patrol; at least four a day at times drawn at random, shown only when due';

create table hall_inspection_notice (
  region_code       text not null references region(code),
  id                uuid not null default gen_random_uuid(),
  hall_id           uuid not null,
  notice_no         text not null,
  department_id     uuid not null,
  patrol_id         uuid not null,
  status            text not null check (status in ('issued', 'replied', 'closed')),
  issued_at         timestamptz not null,
  deadline          date not null,
  reply             text,
  replied_at        timestamptz,
  replied_by        uuid,
  round             integer not null default 1,
  followup_note     text,
  followed_up_at    timestamptz,
  followed_up_by    uuid,
  primary key (region_code, id),
  unique (region_code, notice_no),
  foreign key (region_code, patrol_id) references hall_patrol (region_code, id)
);
comment on table hall_inspection_notice is '督查告知书 (PAT-1): to a department, with a deadline; its reply is checked by the supervisor (follow-up)';
comment on column hall_inspection_notice.round is 'a failed follow-up sends it back (issued) with a new deadline and round + 1';

create table hall_patrol_problem (
  region_code   text not null references region(code),
  id            uuid not null default gen_random_uuid(),
  patrol_id     uuid not null,
  hall_id       uuid not null,
  kind          text not null check (kind in ('absent', 'late', 'attitude', 'dress', 'badge', 'display', 'scalper')),
  window_id     uuid,
  staff_id      uuid,
  department_id uuid,
  note          text not null default '',
  photo         text,
  found_at      timestamptz not null,
  notice_id     uuid,
  primary key (region_code, id),
  foreign key (region_code, patrol_id) references hall_patrol (region_code, id),
  -- PAT-1: a problem names a window or a staff member.
  check (window_id is not null or staff_id is not null)
);
create index hall_patrol_problem_idx on hall_patrol_problem (region_code, hall_id, found_at);
comment on column hall_patrol_problem.photo is 'sha256 of the evidence photo (platform files)';

create table hall_notice_event (
  region_code   text not null references region(code),
  id            uuid not null default gen_random_uuid(),
  notice_id     uuid not null,
  kind          text not null check (kind in ('issue', 'reply', 'pass', 'fail')),
  note          text not null default '',
  actor_user_id uuid,
  at            timestamptz not null,
  primary key (region_code, id),
  foreign key (region_code, notice_id) references hall_inspection_notice (region_code, id)
);
comment on table hall_notice_event is 'the history of a 督查告知书: issued, replied, follow-up passed or failed; append-only';

-- History tables are append-only.
create function hall_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'append-only table %', tg_table_name using errcode = '42501';
end $$;
create trigger hall_ticket_event_append_only before update or delete on hall_ticket_event
  for each row execute function hall_append_only();
create trigger hall_window_switch_append_only before update or delete on hall_window_switch
  for each row execute function hall_append_only();
create trigger hall_notice_event_append_only before update or delete on hall_notice_event
  for each row execute function hall_append_only();

-- Patrol evidence photos are platform files owned by a patrol problem.
alter table stored_file_owner drop constraint stored_file_owner_owner_kind_check;
alter table stored_file_owner add constraint stored_file_owner_owner_kind_check
  check (owner_kind in ('case', 'case_draft', 'ledger_measure', 'staff_photo', 'eval_bad_review', 'hall_patrol_problem'));

-- Issue 22: 公共资源交易. A tender's record from registration to contract (项目), the expert pool and
-- the sealed draws from it (BID-1), bid deposits and their refund clocks (BID-2), publicity (BID-3),
-- evaluation rooms, and the departments' declarations of trades held off the platform (应进必进).

create table trading_project (
  region_code          text not null references region(code),
  id                   uuid not null default gen_random_uuid(),
  project_no           text not null,
  name                 text not null,
  kind                 text not null check (kind in ('construction', 'procurement', 'state_property', 'land', 'rural_property')),
  method               text not null check (method in ('open', 'invited', 'negotiation', 'consultation', 'single_source', 'auction', 'listing')),
  tenderer_name        text not null,
  agency_name          text,
  estimate_yuan        numeric(16, 2) not null check (estimate_yuan > 0),
  status               text not null default 'draft',
  bid_deadline         timestamptz,
  opened_at            timestamptz,
  evaluation_report_at timestamptz,
  publicity_start      timestamptz,
  publicity_end        timestamptz,
  awarded_at           timestamptz,
  winner_bidder_id     uuid,
  contract_signed_at   timestamptz,
  accepted_at          timestamptz,
  acceptance_evidence  text,
  created_at           timestamptz not null default now(),
  primary key (region_code, id),
  unique (region_code, project_no)
);
create index trading_project_status_idx on trading_project (region_code, status, created_at desc);
comment on table trading_project is '公共资源交易项目: one tender (or auction/listing) from registration to post-award acceptance';
comment on column trading_project.status is 'draft → tendering → opened → evaluating → publicity → awarded → contracted → accepted; cancelled / unsuccessful (trading.policy.ts, like Prozorro)';
comment on column trading_project.estimate_yuan is '招标控制价/预算/估算: BID-2 caps each deposit at 2% of it';
comment on column trading_project.publicity_end is 'BID-3: end of the candidates'' publicity (≥ 3 days); no award before it';

-- Announcements, document versions and state changes of a project, in order; append-only.
create table trading_project_entry (
  region_code text not null,
  id          uuid not null default gen_random_uuid(),
  project_id  uuid not null,
  kind        text not null check (kind in ('announcement', 'document', 'state')),
  title       text not null,
  body        text not null default '',
  version     integer not null default 1,
  is_public   boolean not null default false,
  created_at  timestamptz not null default now(),
  primary key (region_code, id),
  foreign key (region_code, project_id) references trading_project (region_code, id)
);
create index trading_project_entry_project_idx on trading_project_entry (region_code, project_id, created_at);
comment on table trading_project_entry is 'announcements (public), document versions (招标文件 v1, v2 …) and state changes of a project; append-only';

create table trading_bidder (
  region_code   text not null,
  id            uuid not null default gen_random_uuid(),
  project_id    uuid not null,
  name          text not null,
  credit_code   text,
  bid_at        timestamptz not null,
  price_yuan    numeric(16, 2),
  file_author   text,
  withdrawn_at  timestamptz,
  primary key (region_code, id),
  unique (region_code, project_id, name),
  foreign key (region_code, project_id) references trading_project (region_code, id)
);
comment on column trading_bidder.file_author is 'author metadata of the bid file: the same author on two bidders'' files is a collusion signal';

create table trading_expert (
  region_code   text not null references region(code),
  id            uuid not null default gen_random_uuid(),
  name          text not null,
  specialties   text[] not null,
  employer      text not null,
  title         text not null default '',
  available     boolean not null default true,
  rating_sum    integer not null default 0,
  rating_count  integer not null default 0,
  created_at    timestamptz not null default now(),
  primary key (region_code, id)
);
create index trading_expert_specialty_idx on trading_expert using gin (specialties);
comment on table trading_expert is '评标专家库 (BID-1)';

create table trading_expert_relation (
  region_code  text not null,
  id           uuid not null default gen_random_uuid(),
  expert_id    uuid not null,
  kind         text not null check (kind in ('employment', 'ownership', 'kin')),
  company_name text not null,
  note         text not null default '',
  primary key (region_code, id),
  foreign key (region_code, expert_id) references trading_expert (region_code, id)
);
create index trading_expert_relation_expert_idx on trading_expert_relation (region_code, expert_id);
comment on table trading_expert_relation is 'declared relationships (BID-1): employment (past or present), ownership, kin (spouse, lineal, within three degrees collateral, close in-laws working for or owning the company)';

create table trading_draw (
  region_code     text not null,
  id              uuid not null default gen_random_uuid(),
  project_id      uuid not null,
  panel_size      integer not null,
  owner_reps      integer not null default 0,
  reserve_count   integer not null default 0,
  requests        jsonb not null,
  seed_hash       text not null,
  seed            text not null,
  snapshot        jsonb,
  open_at         timestamptz not null,
  drawn_at        timestamptz,
  opened_at       timestamptz,
  opened_by       uuid,
  created_at      timestamptz not null default now(),
  primary key (region_code, id),
  foreign key (region_code, project_id) references trading_project (region_code, id)
);
create unique index trading_draw_project_idx on trading_draw (region_code, project_id);
comment on column trading_draw.seed_hash is 'BID-1: SM3 of the seed, stored and shown before the draw runs (commitment)';
comment on column trading_draw.seed is 'the seed itself; the API reveals it only after the supervisor opens the sealed list';
comment on column trading_draw.snapshot is 'what the draw saw: eligible candidates per specialty (sorted), exclusions with grounds, pairs in cool-down; the replay recomputes the panel from the seed and this';
comment on column trading_draw.open_at is 'the set time before which nobody (not even the supervisor) sees the names';

create table trading_panel_member (
  region_code  text not null,
  draw_id      uuid not null,
  expert_id    uuid not null,
  position     integer not null,
  specialty    text not null,
  is_reserve   boolean not null default false,
  rating       integer check (rating between 1 and 5),
  recused      boolean not null default false,
  substitute_for uuid,
  primary key (region_code, draw_id, expert_id),
  foreign key (region_code, draw_id) references trading_draw (region_code, id),
  foreign key (region_code, expert_id) references trading_expert (region_code, id)
);
comment on column trading_panel_member.substitute_for is 'a reserve seated in place of a recused member (is_reserve keeps the original draw for the replay)';
create index trading_panel_member_expert_idx on trading_panel_member (region_code, expert_id);

create table trading_deposit (
  region_code      text not null references region(code),
  id               uuid not null default gen_random_uuid(),
  project_id       uuid,
  project_label    text not null,
  bidder_id        uuid,
  bidder_name      text not null,
  regime           text not null check (regime in ('tender', 'procurement')),
  amount_yuan      numeric(16, 2) not null check (amount_yuan > 0),
  payer_account    text not null,
  paid_on          date not null,
  refund_trigger   text check (refund_trigger in ('contract', 'award_notice', 'withdrawal', 'termination')),
  triggered_on     date,
  refund_due_on    date,
  refunded_on      date,
  interest_yuan    numeric(16, 2),
  bank_ref         text,
  created_at       timestamptz not null default now(),
  primary key (region_code, id)
);
create index trading_deposit_overdue_idx on trading_deposit (region_code, refund_due_on) where refunded_on is null;
create index trading_deposit_project_idx on trading_deposit (region_code, project_id);
create index trading_deposit_unrefunded_idx on trading_deposit (region_code, paid_on) where refunded_on is null;
comment on table trading_deposit is '投标保证金台账 (BID-2): every deposit ever held, including those taken before the platform (project_id null, project_label from the old books)';
comment on column trading_deposit.refund_due_on is 'computed once from the trigger on the working-day calendar when the trigger happens (stored so the overdue board over millions of deposits is one index range)';

create table trading_room_booking (
  region_code  text not null,
  id           uuid not null default gen_random_uuid(),
  room         text not null,
  kind         text not null check (kind in ('room', 'remote_seat')),
  day          date not null,
  project_id   uuid not null,
  created_at   timestamptz not null default now(),
  primary key (region_code, id),
  unique (region_code, room, day),
  foreign key (region_code, project_id) references trading_project (region_code, id)
);
comment on table trading_room_booking is 'evaluation rooms and remote-evaluation seats, one project per room per day; the sealed area''s access list derives from it';

create table trading_offplatform_declaration (
  region_code  text not null references region(code),
  id           uuid not null default gen_random_uuid(),
  year         integer not null,
  kind         text not null,
  department   text not null,
  trade_count  integer not null check (trade_count >= 0),
  note         text not null default '',
  created_at   timestamptz not null default now(),
  primary key (region_code, id)
);
comment on table trading_offplatform_declaration is '应进必进: trades a department declares it held off the platform; the denominator of the on-platform share is platform trades + these';

create function trading_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'trading_project_entry is append-only';
end $$;
create trigger trading_project_entry_append_only before update or delete on trading_project_entry
  for each row execute function trading_append_only();

-- Issue 22: 网上中介超市. Intermediaries register themselves (no approval); a department checks only
-- when one links itself to an approval item; project owners buy a service by direct choice, a random
-- draw among qualified ones (committed seed) or quotes; contract, completion, rating; rules and fees.

create table intermediary (
  region_code     text not null references region(code),
  id              uuid not null default gen_random_uuid(),
  name            text not null,
  credit_code     text not null,
  licence_no      text not null,
  service_kinds   text[] not null,
  qualifications  text[] not null default '{}',
  staff_count     integer not null check (staff_count >= 0),
  fees            jsonb not null default '[]',
  token_hash      text not null,
  registered_at   timestamptz not null default now(),
  primary key (region_code, id),
  unique (region_code, credit_code)
);
comment on table intermediary is '入驻中介机构: registered by themselves, visible at once (no admission approval)';
comment on column intermediary.token_hash is 'HMAC-SM3 of the management token handed out once at registration';

create table intermediary_item_link (
  region_code     text not null,
  id              uuid not null default gen_random_uuid(),
  intermediary_id uuid not null,
  item_name       text not null,
  department_id   uuid not null,
  due_on          date not null,
  status          text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  checked_at      timestamptz,
  note            text not null default '',
  created_at      timestamptz not null default now(),
  primary key (region_code, id),
  foreign key (region_code, intermediary_id) references intermediary (region_code, id)
);
comment on column intermediary_item_link.due_on is 'the department checks the link by this date (working days from the request)';

create table intermediary_purchase (
  region_code      text not null references region(code),
  id               uuid not null default gen_random_uuid(),
  title            text not null,
  owner_name       text not null,
  service_kind     text not null,
  budget_yuan      numeric(16, 2) not null check (budget_yuan > 0),
  method           text not null check (method in ('direct', 'draw', 'quote')),
  status           text not null default 'published',
  seed_hash        text,
  seed             text,
  candidates       jsonb,
  chosen_id        uuid,
  price_yuan       numeric(16, 2),
  contracted_at    timestamptz,
  completed_at     timestamptz,
  rating           integer check (rating between 1 and 5),
  published_at     timestamptz not null default now(),
  primary key (region_code, id)
);
comment on column intermediary_purchase.status is 'published → selected → contracted → completed';
comment on column intermediary_purchase.seed_hash is 'random draw: SM3 of the seed, shown from publication; the seed is revealed with the result';

create table intermediary_quote (
  region_code      text not null,
  purchase_id      uuid not null,
  intermediary_id  uuid not null,
  amount_yuan      numeric(16, 2) not null check (amount_yuan > 0),
  created_at       timestamptz not null default now(),
  primary key (region_code, purchase_id, intermediary_id),
  foreign key (region_code, purchase_id) references intermediary_purchase (region_code, id),
  foreign key (region_code, intermediary_id) references intermediary (region_code, id)
);

create table intermediary_complaint (
  region_code      text not null,
  id               uuid not null default gen_random_uuid(),
  purchase_id      uuid not null,
  body             text not null,
  created_at       timestamptz not null default now(),
  primary key (region_code, id),
  foreign key (region_code, purchase_id) references intermediary_purchase (region_code, id)
);

create table intermediary_rule (
  region_code     text not null references region(code),
  id              uuid not null default gen_random_uuid(),
  kind            text not null check (kind in ('rule', 'fee_catalogue')),
  title           text not null,
  body            text not null,
  effective_from  date not null,
  published_at    timestamptz not null default now(),
  primary key (region_code, id)
);
comment on table intermediary_rule is 'market rules and the fee catalogue, each with the date it takes effect and the date it was published';

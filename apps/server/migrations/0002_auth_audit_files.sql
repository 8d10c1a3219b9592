-- Sessions, the audit chain and stored files.

create table user_session (
  token_hash   text primary key,
  user_id      uuid not null references app_user(id) on delete cascade,
  csrf_token   text not null,
  client_ip    text not null default '',
  created_at   timestamptz not null,
  last_seen_at timestamptz not null
);
comment on column user_session.token_hash is 'keyed SM3 of the cookie token: a copy of this table does not yield sessions';
create index user_session_user_idx on user_session (user_id);

create table audit_log (
  seq         integer generated always as identity primary key,
  region_code text not null,
  actor_id    uuid,
  actor_name  text not null,
  action      text not null,
  entity_type text not null,
  entity_id   text not null,
  summary     jsonb not null,
  at          timestamptz not null,
  client_ip   text not null default '',
  prev_hash   text not null,
  hash        text not null
);
comment on table audit_log is 'append-only; each region is one chain: hash = SM3(prev_hash || canonical entry)';
create index audit_log_chain_idx on audit_log (region_code, seq);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);

create table stored_file (
  sha256      text primary key,
  media_type  text not null,
  size        integer not null,
  name        text not null default '',
  created_at  timestamptz not null default now()
);
comment on table stored_file is 'content-addressed files under DATA_DIR/files/<sha256>';

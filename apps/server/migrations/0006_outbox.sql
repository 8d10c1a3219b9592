-- The platform outbox (ARCHITECTURE.md "jobs"): messages written in the same transaction as the
-- change that causes them, so a message leaves only if the change commits; delivered by an
-- in-process poller that claims due rows with FOR UPDATE SKIP LOCKED, so several processes can run
-- against one database and each message is sent once.

create table outbox_message (
  id                uuid primary key default gen_random_uuid(),
  region_code       text not null references region(code),
  kind              text not null,
  recipient_user_id uuid references app_user(id) on delete set null,
  channel           text not null default 'site' check (channel in ('site', 'sms', 'email')),
  subject           text not null,
  body              text not null,
  dedupe_key        text unique,
  created_at        timestamptz not null default now(),
  available_at      timestamptz not null default now(),
  attempts          integer not null default 0 check (attempts >= 0),
  sent_at           timestamptz,
  last_error        text
);
comment on table outbox_message is 'messages to deliver after commit; states: pending (sent_at null), sent, given up (attempts reached the limit)';
comment on column outbox_message.kind is 'what the message is about, e.g. ledger.measure.due_soon; transports and tests filter on it';
comment on column outbox_message.channel is 'site = 站内消息 (the log transport until an inbox exists), sms, email: the transport picks the adapter';
comment on column outbox_message.dedupe_key is 'a second enqueue with the same key is dropped: jobs that run every few minutes, in several processes, send once (e.g. one reminder per measure per day)';
comment on column outbox_message.available_at is 'not delivered before this instant; pushed back with exponential backoff after a failed attempt';
comment on column outbox_message.attempts is 'failed deliveries so far; the poller stops trying at its limit and the row keeps last_error';
create index outbox_message_due_idx on outbox_message (available_at) where sent_at is null;
create index outbox_message_recipient_idx on outbox_message (recipient_user_id, created_at);

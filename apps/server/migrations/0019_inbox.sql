-- Issue 14 point 10 / issues 16–22: 站内消息与待办. Every module that hands someone work (a 督办单, a
-- 差评 to verify, a dispatched work order, a 督查告知书) puts an item in that person's inbox in the
-- same transaction as the change, so the to-do exists exactly when the work does.
create table inbox_item (
  region_code       text not null references region(code),
  id                uuid not null default gen_random_uuid(),
  recipient_user_id uuid not null,
  kind              text not null,
  title             text not null,
  body              text not null default '',
  link              text,
  entity_type       text,
  entity_id         text,
  is_todo           boolean not null default false,
  created_at        timestamptz not null default now(),
  read_at           timestamptz,
  done_at           timestamptz,
  dedupe_key        text,
  primary key (region_code, id),
  unique (region_code, dedupe_key)
);
create index inbox_item_recipient_idx on inbox_item (region_code, recipient_user_id, created_at desc);
create index inbox_item_entity_idx on inbox_item (region_code, entity_type, entity_id);
comment on table inbox_item is '站内消息与待办: one row per recipient; written in the transaction of the change it is about';
comment on column inbox_item.kind is 'what it is about, module-prefixed: supervision.order, evaluations.bad_review, complaints.dispatch, hall.patrol_notice …';
comment on column inbox_item.link is 'the in-app path that opens the record (never carries personal data)';
comment on column inbox_item.is_todo is 'a to-do stays open until the module that created it marks it done (done_at) when the work is done';
comment on column inbox_item.dedupe_key is 'a second item with the same key in the region is not written (jobs that run often deliver once)';

-- Site messages of the outbox (channel 'site': an urged case, an extension waiting for the head, a
-- measure due) are delivered into the inbox; the link says which record the message opens.
alter table outbox_message add column link text;
comment on column outbox_message.link is 'in-app path of the record the message is about (site messages become inbox items that open it)';

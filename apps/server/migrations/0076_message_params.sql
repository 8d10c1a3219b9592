-- A message's facts (numbers, dates, names of records) kept beside its Chinese sentence, so a screen
-- in another language can word it from its kind. Null on messages written before, and on kinds that
-- have no other wording: those show their sentence.
alter table inbox_item add column params jsonb;
alter table outbox_message add column params jsonb;
comment on column inbox_item.params is 'the facts the title and body were worded from (kind-specific keys), for other languages; never personal data (SEC-1)';
comment on column outbox_message.params is 'as inbox_item.params: a site message hands them to the inbox item it becomes';

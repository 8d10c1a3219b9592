-- The public catalog search runs over an in-memory index in each server process (issue 4: p99 ≤ 30 ms
-- over 20,000 items). Each process reloads its index when this counter moves; a statement-level
-- trigger moves it on any change to catalog versions, whatever code path made the change.

create table catalog_revision (
  id       smallint primary key default 1 check (id = 1),
  revision bigint not null default 0
);
comment on table catalog_revision is 'one row; bumped by trigger whenever catalog_item_version changes; not business data, so no region_code';
insert into catalog_revision (id, revision) values (1, 0);

create function bump_catalog_revision() returns trigger language plpgsql as $$
begin
  update catalog_revision set revision = revision + 1 where id = 1;
  return null;
end;
$$;

create trigger catalog_item_version_revision
  after insert or update or delete on catalog_item_version
  for each statement execute function bump_catalog_revision();

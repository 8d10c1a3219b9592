-- Issue 23, ADR 0006: app_user is distributed by region, so 0040 makes its unique key
-- (region_code, username), which no longer stops a second region from taking a name that sign-in
-- (it finds an account by its name alone) would then confuse. Names are claimed here, in a
-- coordinator-local table keyed by the name, in the same transaction that creates the account.
create table account_name (
  username    text primary key,
  region_code text not null,
  user_id     uuid not null unique
);
comment on table account_name is 'usernames claimed across every region (sign-in looks up by name alone); coordinator-local on Citus';

insert into account_name (username, region_code, user_id)
select username, region_code, id from app_user;

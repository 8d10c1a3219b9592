-- Issue 23, ADR 0006: user_session stays on the coordinator (keyed by a cookie's hash, which carries
-- no region), but the account it signs in is distributed by region: the session keeps the account's
-- region, so the session check reads the account on its region's shard by (region_code, id).
alter table user_session add column region_code text;
update user_session s set region_code = u.region_code from app_user u where u.id = s.user_id;
-- A session of an account that is gone could not be used anyway (the check joins the account).
delete from user_session where region_code is null;
alter table user_session alter column region_code set not null;
comment on column user_session.region_code is 'the region of the signed-in account (ADR 0006): where its app_user row lives';

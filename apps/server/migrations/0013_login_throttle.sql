-- Sign-in throttle per (account, client address) (issue 12 point 8): failures and locks are counted
-- for one account from one address, so a stranger elsewhere cannot lock a clerk out, and they are
-- counted under a row lock (point 2), so N parallel failures count N.
-- Not a business table: it is keyed by a keyed hash of the typed username (known or not), never by
-- the username itself, and it has no region. Rows are short-lived (deleted on success and by the
-- clean-up after a day without failures).
create table login_throttle (
  account_key     text not null,
  client_ip       text not null,
  failed_attempts integer not null default 0,
  locked_until    timestamptz,
  last_failed_at  timestamptz not null,
  primary key (account_key, client_ip)
);
comment on table login_throttle is
  'failed sign-ins per (account, client address); 5 consecutive failures lock that pair for 15 minutes';
comment on column login_throttle.account_key is
  'HMAC-SM3 (lookup key) of the username as typed: unknown usernames are throttled alike and never stored';
comment on column login_throttle.failed_attempts is
  'failures since the last success or since the last lock ran out, including attempts refused while locked';
create index login_throttle_last_failed_idx on login_throttle (last_failed_at);

comment on column app_user.failed_attempts is 'unused since 0013: failures are counted in login_throttle';
comment on column app_user.locked_until is
  'latest sign-in lock of this account from some client address (login_throttle holds the locks); shown to admins';

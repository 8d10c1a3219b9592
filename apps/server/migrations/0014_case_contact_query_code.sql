-- SEC-1: the contact given with an application belongs to that case. An online submission never
-- changes the shared applicant row (anyone can type anyone's identity number), so the phone and
-- name it gives are kept on the case, encrypted like the applicant's phone.
alter table service_case add column contact_name text;
alter table service_case add column contact_phone_enc text;
alter table service_case add column contact_phone_hash text;
alter table service_case add column contact_phone_masked text;
comment on column service_case.contact_name is 'SEC-1: the name given with this application (online: as typed; window: the applicant''s)';
comment on column service_case.contact_phone_enc is 'SEC-1: this case''s contact phone, SM4 at rest; shown masked to staff with the case. A phone typed online never reaches the applicant row';
comment on column service_case.contact_phone_hash is 'SEC-1: keyed SM3 of the contact phone (look-up without decrypting)';
comment on column service_case.contact_phone_masked is 'the contact phone as shown, e.g. 138****0000';

-- SEC-2: the public tracks a case by its number and a random query code (查询码) given at intake:
-- the number is sequential and can be guessed, the code cannot. The keyed hash is what is
-- compared; the SM4 copy lets a receipt be printed again.
alter table service_case add column query_code_hash text;
alter table service_case add column query_code_enc text;
comment on column service_case.query_code_hash is 'SEC-2: keyed SM3 of the 查询码; public tracking compares it in constant time. Null for cases received before 0014 (not trackable online)';
comment on column service_case.query_code_enc is 'SEC-2: the 查询码, SM4 at rest, for printing it on the receipt and notices again';

-- SEC-2: a license is verified publicly through a random token (the URL and QR printed on it),
-- never through its id: the id is built from a serial and can be generated.
alter table license add column verify_token text;
update license set verify_token = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
  where verify_token is null;
alter table license alter column verify_token set not null;
alter table license add constraint license_verify_token_key unique (region_code, verify_token);
-- The public look-up names no region: it goes by the token alone.
create index license_verify_token on license (verify_token);
comment on column license.verify_token is 'SEC-2: random token of the public verification URL and QR (/verify/{token}); the GB/T id stays for display';

-- An SMS to an applicant needs to know which applicant: applicants are not users, so
-- recipient_user_id could not say. The adapter that sends it decrypts the applicant's phone
-- (SM4 at rest) at send time; the message itself never holds the number.
alter table outbox_message add column recipient_applicant_id uuid references applicant(id);
comment on column outbox_message.recipient_applicant_id is
  'the applicant (申请人) a channel message goes to, e.g. case notifications by SMS; the channel adapter looks up and decrypts the phone (cases getApplicantContact)';

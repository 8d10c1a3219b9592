-- SEC-1: an SMS about a case goes to the contact given with that case, not to whatever phone the
-- shared applicant record holds (an online submission never changes that record).
alter table outbox_message add column recipient_case_id uuid;
comment on column outbox_message.recipient_case_id is
  'SEC-1: the case a channel message is about; the SMS adapter sends to that case''s own contact (cases getCaseContact), falling back to the applicant';

-- case_event is append-only (0007) for rows; a TRUNCATE bypasses row triggers, so refuse it too.
create trigger case_event_no_truncate before truncate on case_event
  for each statement execute function case_event_append_only();

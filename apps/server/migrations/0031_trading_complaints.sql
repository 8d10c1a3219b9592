-- Issue 22, second part: the bid validity period (投标有效期) with each deposit's own validity, and
-- the complaints (投诉) against a tender's candidates with their BID-3 clocks.

alter table trading_project add column bid_validity_days integer check (bid_validity_days between 1 and 365);
comment on column trading_project.bid_validity_days is '投标有效期 in days from the bid deadline (set with the announcement); a deposit''s validity must cover it (实施条例 Art. 26) and no award is made after it ends';

alter table trading_deposit add column valid_until date;
comment on column trading_deposit.valid_until is '保证金有效期 (a bank guarantee''s expiry; null for cash, which is held until refunded); must reach the end of the bid validity';

create table trading_complaint (
  region_code        text not null,
  id                 uuid not null default gen_random_uuid(),
  project_id         uuid not null,
  complainant        text not null,
  grounds            text not null,
  filed_on           date not null,
  filed_at           timestamptz not null,
  filed_by           uuid,
  acceptance_due_on  date not null,
  accepted           boolean,
  acceptance_reason  text,
  accepted_on        date,
  accepted_by        uuid,
  expert_started_on  date,
  expert_days        integer not null default 0 check (expert_days >= 0),
  decision_due_on    date,
  outcome            text check (outcome in ('upheld', 'dismissed')),
  decision_reason    text,
  decided_on         date,
  decided_by         uuid,
  primary key (region_code, id),
  foreign key (region_code, project_id) references trading_project (region_code, id),
  check ((accepted is null) = (accepted_on is null)),
  check (outcome is null or accepted),
  check ((outcome is null) = (decided_on is null))
);
create index trading_complaint_project_idx on trading_complaint (region_code, project_id, filed_at);
comment on table trading_complaint is 'BID-3: complaints about a tender''s candidates, filed within 10 days of the publicity, accepted or not within 3 working days, decided within 30 working days of acceptance (expert review days excluded); an unresolved one holds the award and the contract';
comment on column trading_complaint.acceptance_due_on is 'BID-3: 3 working days after filing (CAL-1)';
comment on column trading_complaint.decision_due_on is 'BID-3: 30 working days after acceptance plus the working days spent on expert review (expert_days)';
comment on column trading_complaint.expert_started_on is 'an expert review (检验、检测、鉴定、专家评审) in progress since this day; its working days are added to expert_days when it ends';

-- BID-1 draw speed: the names an expert is compared on (employer, declared companies) are stored
-- normalized (trading.policy normalizeCompany, computed by the application when the row is written),
-- so a draw finds the conflicted experts by index instead of reading the pool's every relationship.
-- Existing rows are filled here with the same rule in SQL (spaces removed, full-width brackets, lower case).
alter table trading_expert add column employer_key text;
update trading_expert set employer_key = lower(translate(regexp_replace(employer, '[[:space:]　]', '', 'g'), '（）', '()'));
alter table trading_expert alter column employer_key set not null;
create index trading_expert_employer_key_idx on trading_expert (region_code, employer_key);
comment on column trading_expert.employer_key is 'normalizeCompany(employer): compared with the tenderer''s and bidders'' names (BID-1)';

alter table trading_expert_relation add column company_key text;
update trading_expert_relation set company_key = lower(translate(regexp_replace(company_name, '[[:space:]　]', '', 'g'), '（）', '()'));
alter table trading_expert_relation alter column company_key set not null;
create index trading_expert_relation_company_key_idx on trading_expert_relation (region_code, company_key);
comment on column trading_expert_relation.company_key is 'normalizeCompany(company_name) (BID-1)';

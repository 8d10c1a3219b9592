-- An automatic finding's title and description are Chinese sentences (they go into the ledger as
-- they are); the facts they were made from are kept beside them, so a screen in English can say
-- the same. Findings opened before this keep null: they show their stored sentences.
alter table review_auto_finding add column facts jsonb;
comment on column review_auto_finding.facts is 'what the rule''s title and description were filled in with (department, month, count, threshold …); null before migration 0070';

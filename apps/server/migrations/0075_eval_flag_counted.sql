-- An honesty flag's number (how many ratings its pattern counted), kept apart from its Chinese
-- detail so a screen in another language can say it in its own words.
alter table eval_flag add column counted integer;
comment on column eval_flag.counted is 'the ratings the pattern counted (burst: top ratings from the pad within 10 minutes; after_sign_in: ratings of the clerk in the minute after signing in); null for the other kinds';

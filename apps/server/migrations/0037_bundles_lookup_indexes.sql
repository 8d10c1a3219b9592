-- Issue 20 (bench:bundles): lookups by id alone, without a full scan. Every branch transition asks
-- whether its case is a bundle branch (by case id), and every bundle read or delivery finds the
-- bundle by its id or number; the keys lead with region_code, so each was a scan of the table that
-- grew with every bundle. Not unique: a unique key without region_code could not distribute by
-- region (ADR 0006); the uuids are unique anyway (same as complaint_id_idx, 0035).
create index bundle_branch_case_idx on bundle_branch (case_id);
create index bundle_case_id_idx on bundle_case (id);
create index bundle_case_no_idx on bundle_case (bundle_no);

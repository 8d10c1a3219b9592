-- Issue 23, ADR 0006: Citus runs a trigger on a distributed table's shards only when it touches its
-- own row; the statement triggers that moved catalog_revision (a reference table) on every change
-- to catalog_item_version and department do not. The catalog's and org's repositories now move it
-- in the same transaction as the change (catalog.repository.ts bumpCatalogRevision), so the
-- triggers go. The revision only tells each process to reload its search index; a missed bump
-- shows as a stale index, never as wrong data.
drop trigger catalog_item_version_revision on catalog_item_version;
drop trigger department_catalog_revision on department;
drop function bump_catalog_revision();
comment on table catalog_revision is
  'one row; moved by the application whenever catalog_item_version or a department changes (ADR 0006); not business data, so no region_code';

import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { regionFor, toVersions } from '../catalog-content';
import { writeCatalogWorkbook } from '../catalog-sheet';
import * as repo from '../catalog.repository';

// ── Spreadsheet ───────────────────────────────────────────────────────────

/** The region's live catalog (published versions) as .xlsx (docs/catalog-sheet.md). */
export async function exportWorkbook(deps: Deps, actor: Actor, regionCode?: string): Promise<Buffer> {
  assertAccess(actor, 'catalog.read');
  const region = regionFor(actor, regionCode, 'catalog.read');
  const rows = await repo.listPublishedRows(deps.db, region);
  const versions = await toVersions(deps.db, rows);
  return writeCatalogWorkbook(
    versions.map((v) => ({ itemCode: v.itemCode, departmentName: v.departmentName, content: v })),
  );
}

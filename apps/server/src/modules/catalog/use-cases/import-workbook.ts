import { listDepartmentsIn } from '../../org';
import {
  CatalogContentFields,
  type CatalogContent,
  type CatalogImportProblem,
  type CatalogImportResult,
} from '@tongban/contracts';
import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { contentOf, regionFor, versionColumns, writeMaterials } from '../catalog-content';
import { readCatalogWorkbook, type SheetItem } from '../catalog-sheet';
import { CatalogError } from '../catalog.errors';
import { checkContentRules, checkUniqueItemCodes, findMissingElements, stableJson } from '../catalog.policy';
import * as repo from '../catalog.repository';
import { publishIn } from './publish-version';

export type ImportResult = CatalogImportResult;

/**
 * Imports a sheet all-or-nothing: every row is checked (format, department, rules, completeness),
 * then everything is written in one transaction; any problem rolls all of it back and the reply lists
 * every problem with its sheet and row. A new item or a changed one is published; an unchanged row
 * changes nothing, so exporting and importing again is a no-op.
 */
export async function importWorkbook(
  deps: Deps,
  actor: Actor,
  bytes: Buffer,
  regionCode?: string,
): Promise<ImportResult> {
  assertAccess(actor, 'catalog.publish');
  const region = regionFor(actor, regionCode, 'catalog.publish');
  const parsed = await readCatalogWorkbook(bytes);
  const problems: CatalogImportProblem[] = [...parsed.problems];
  const departments = new Map((await listDepartmentsIn(deps.db, region)).map((d) => [d.name, d.id] as const));
  const candidates: { sheetItem: SheetItem; content: CatalogContent }[] = [];
  const dupCodes = checkUniqueItemCodes(parsed.items.map((i) => i.itemCode));
  const seen = new Set<string>();
  for (const it of parsed.items) {
    if (dupCodes && seen.has(it.itemCode)) {
      problems.push({ sheet: '事项', row: it.row, reason: `事项编码“${it.itemCode}”在表中重复` });
      continue;
    }
    seen.add(it.itemCode);
    const departmentId = departments.get(it.departmentName);
    if (!departmentId) {
      problems.push({ sheet: '事项', row: it.row, reason: `实施部门“${it.departmentName}”不是本区划的部门` });
      continue;
    }
    const result = CatalogContentFields.safeParse({ ...it.content, departmentId });
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({
          sheet: issue.path[0] === 'materials' ? '材料' : '事项',
          row: issue.path[0] === 'materials' ? (it.materialRows[Number(issue.path[1])] ?? it.row) : it.row,
          reason: `${issue.path.join('.')}：${issue.message}`,
        });
      continue;
    }
    const content = result.data;
    for (const v of checkContentRules(content))
      problems.push({ sheet: '事项', row: it.row, reason: v.message });
    const missing = findMissingElements(content);
    if (missing.length > 0)
      problems.push({
        sheet: '事项',
        row: it.row,
        reason: `要素不完整，缺少：${missing.map((m) => m.label).join('、')}`,
      });
    candidates.push({ sheetItem: it, content });
  }
  if (problems.length > 0) throw importInvalid(problems);

  const result: ImportResult = { regionCode: region, created: [], updated: [], unchanged: [] };
  await runCommand(deps, actor, async ({ tx }) => {
    for (const { sheetItem, content } of candidates) {
      const fail = (reason: string) => problems.push({ sheet: '事项', row: sheetItem.row, reason });
      if (
        !checkAccess(actor, 'catalog.publish', { regionCode: region, departmentId: content.departmentId })
      ) {
        fail('无权维护该部门的事项');
        continue;
      }
      let item = await repo.findItemByCode(tx, region, sheetItem.itemCode);
      if (item?.retiredAt) {
        fail(`事项“${sheetItem.itemCode}”已取消，不能再导入`);
        continue;
      }
      let versionNo = 1;
      if (item) {
        const latest = (await repo.findLatestVersionRow(tx, region, item.id))!;
        const published = await repo.findVersionRowByStatus(tx, region, item.id, 'published');
        if (published) {
          const live = contentOf(published, await repo.listMaterials(tx, [region], [published.id]));
          if (stableJson(live) === stableJson(content)) {
            result.unchanged.push(sheetItem.itemCode);
            continue;
          }
        }
        // A pending draft is someone's unfinished edit: an import does not overwrite it.
        if (latest.status === 'draft') {
          fail(`事项“${sheetItem.itemCode}”有待发布的草稿（第 ${latest.versionNo} 版），请先发布或修改草稿`);
          continue;
        }
        versionNo = latest.versionNo + 1;
      } else {
        item = await repo.insertItem(tx, { regionCode: region, itemCode: sheetItem.itemCode });
      }
      const row = await repo.insertVersion(tx, {
        ...versionColumns(content),
        regionCode: region,
        itemId: item.id,
        versionNo,
        status: 'draft',
        createdBy: actor.userId,
        createdAt: deps.clock.now(),
      });
      await writeMaterials(tx, row.id, region, content.materials);
      await publishIn(tx, deps, actor, item, row.id);
      (versionNo === 1 ? result.created : result.updated).push(sheetItem.itemCode);
    }
    // All or nothing: a problem found while writing rolls the whole transaction back.
    if (problems.length > 0) throw importInvalid(problems);
    const changed = result.created.length + result.updated.length > 0;
    return {
      result,
      audit: !changed
        ? null
        : {
            action: 'catalog.import',
            entityType: 'catalog',
            entityId: region,
            regionCode: region,
            summary: result,
          },
    };
  });
  return result;
}

export function importInvalid(problems: CatalogImportProblem[]) {
  const sorted = [...problems].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  const first = sorted[0]!;
  return new CatalogError(
    'CATALOG_IMPORT_INVALID',
    `导入文件有 ${sorted.length} 处错误，未导入任何内容（首处：${first.sheet} 第 ${first.row} 行，${first.reason}）`,
    { problems: sorted },
  );
}

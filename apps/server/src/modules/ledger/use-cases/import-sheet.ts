import { regionPrefix, type LedgerSheetImportResult } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { LedgerError } from '../ledger.errors';
import { readLedgerWorkbook, UnreadableSheetError, type ParsedSheetMeasure } from '../ledger-sheet';
import * as repo from '../ledger.repository';
import { listDepartmentsLike } from '../../org';
import { listUsersLike } from '../../auth';

import { getInspection, measureValues } from '../ledger-access';
import { importRecords } from './import-sheet-records';

export const ownerForm = /^(.+?)\s*[（(]\s*([^（）()]+?)\s*[）)]$/;

/**
 * Reads the sheet back into this inspection's findings and measures: all or nothing. Every bad row
 * is reported with its number; categories of the same title and place are reused, findings are
 * appended after the existing ones. 整改进展 and 状态 are not read: progress needs its evidence and
 * author, and a state is derived, never entered (TRUTH-1, REC-1).
 */
export async function importSheet(
  deps: Deps,
  actor: Actor,
  inspectionId: string,
  bytes: Buffer,
): Promise<LedgerSheetImportResult> {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  let sheet: Awaited<ReturnType<typeof readLedgerWorkbook>>;
  try {
    sheet = await readLedgerWorkbook(bytes);
  } catch (err) {
    if (err instanceof UnreadableSheetError)
      throw new LedgerError('LEDGER_BAD_SHEET', '无法读取该文件，请上传 .xlsx 格式的整改台账', [
        { row: 0, reason: '不是有效的 .xlsx 文件' },
      ]);
    throw err;
  }
  const problems = [...sheet.problems];
  const like = `${regionPrefix(i.regionCode.slice(0, 6))}%`;
  const departments = await listDepartmentsLike(deps.db, like);
  const users = await listUsersLike(deps.db, like);
  const refs = new Map<ParsedSheetMeasure, { departmentId: string | null; ownerUserId: string | null }>();
  for (const m of sheet.findings.flatMap((f) => f.measures)) {
    let departmentId: string | null = null;
    let ownerUserId: string | null = null;
    if (m.department) {
      const found = departments.filter((d) => d.name === m.department || d.shortName === m.department);
      if (found.length === 1) departmentId = found[0]!.id;
      else
        problems.push({
          row: m.row,
          reason:
            found.length === 0
              ? `责任部门“${m.department}”不存在或不在本辖区`
              : `责任部门“${m.department}”不唯一`,
        });
    }
    if (m.owner) {
      const form = ownerForm.exec(m.owner);
      const found = form
        ? users.filter((u) => u.displayName === form[1] && u.username === form[2])
        : users.filter((u) => u.displayName === m.owner || u.username === m.owner);
      if (found.length === 1) ownerUserId = found[0]!.id;
      else
        problems.push({
          row: m.row,
          reason:
            found.length === 0
              ? `责任人“${m.owner}”不是本辖区的用户`
              : `责任人“${m.owner}”有重名，请写作“姓名（用户名）”`,
        });
    }
    refs.set(m, { departmentId, ownerUserId });
  }
  // Each record's finding: by its 问题 (in the ledger or in this sheet), else by 序号 in the ledger.
  const records = sheet.records ?? [];
  const existingFindings = await repo.listFindings(deps.db, i.regionCode, inspectionId);
  const titles = new Set([...existingFindings.map((f) => f.title), ...sheet.findings.map((f) => f.title)]);
  const byNumber = new Map(existingFindings.map((f) => [f.number, f.id]));
  for (const r of records) {
    if (
      r.findingTitle
        ? !titles.has(r.findingTitle)
        : r.findingNumber !== null && !byNumber.has(r.findingNumber)
    )
      problems.push({
        row: r.row ?? 0,
        reason: `“问责及成果”表：问题${r.findingTitle ? `“${r.findingTitle.slice(0, 40)}”` : `序号 ${r.findingNumber}`}不在本巡察的台账中`,
      });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row);
    const shown = problems
      .slice(0, 5)
      .map((p) => `第 ${p.row} 行：${p.reason}`)
      .join('；');
    throw new LedgerError(
      'LEDGER_BAD_SHEET',
      `整改台账表格有 ${problems.length} 处错误，未导入任何内容。${shown}${problems.length > 5 ? '……' : ''}`,
      problems,
    );
  }

  return runCommand(deps, actor, async ({ tx }) => {
    const regionCode = i.regionCode;
    const existing = await repo.listCategories(tx, regionCode, inspectionId);
    const catIds = new Map<string, string>();
    let newCategories = 0;
    for (const c of sheet.categories) {
      const parentId = c.parentKey ? catIds.get(c.parentKey)! : null;
      const same = existing.find((e) => e.parentId === parentId && e.title === c.title);
      if (same) {
        catIds.set(c.key, same.id);
        continue;
      }
      const row = await repo.insertCategory(tx, { regionCode, inspectionId, parentId, title: c.title });
      existing.push(row);
      catIds.set(c.key, row.id);
      newCategories++;
    }
    let number = await repo.nextFindingNumber(tx, regionCode, inspectionId);
    let measures = 0;
    let findings = 0;
    let unchanged = 0;
    const known = await repo.listFindings(tx, regionCode, inspectionId);
    const findingIdByTitle = new Map(known.map((f) => [f.title, f.id]));
    for (const f of sheet.findings) {
      // A finding already in the ledger (same problem) keeps its measures; only new ones are added.
      const sameId = findingIdByTitle.get(f.title);
      if (sameId) {
        unchanged++;
        const have = new Set(
          (await repo.listMeasureRows(tx, { regionCode, inspectionId }))
            .filter((m) => m.findingId === sameId)
            .map((m) => m.content),
        );
        let order = await repo.nextMeasureOrder(tx, regionCode, sameId);
        for (const m of f.measures) {
          if (have.has(m.content)) {
            unchanged++;
            continue;
          }
          await repo.insertMeasure(
            tx,
            measureValues(regionCode, sameId, order++, {
              content: m.content,
              leader: m.leader,
              kind: m.kind,
              dueDate: m.dueDate,
              ...refs.get(m)!,
            }),
          );
          measures++;
        }
        continue;
      }
      findings++;
      const finding = await repo.insertFinding(tx, {
        regionCode,
        inspectionId,
        categoryId: f.categoryKey ? catIds.get(f.categoryKey)! : null,
        number: number++,
        title: f.title,
        description: f.description,
        severity: 'general',
        carriedOverFromId: null,
      });
      findingIdByTitle.set(f.title, finding.id);
      for (const [k, m] of f.measures.entries()) {
        await repo.insertMeasure(
          tx,
          measureValues(regionCode, finding.id, k + 1, {
            content: m.content,
            leader: m.leader,
            kind: m.kind,
            dueDate: m.dueDate,
            ...refs.get(m)!,
          }),
        );
        measures++;
      }
    }
    const recs = await importRecords(tx, regionCode, inspectionId, records, (r) =>
      r.findingTitle
        ? findingIdByTitle.get(r.findingTitle)!
        : r.findingNumber === null
          ? null
          : byNumber.get(r.findingNumber)!,
    );
    const result = {
      inspectionId,
      categories: newCategories,
      findings,
      measures,
      records: recs.added,
      unchanged: unchanged + recs.unchanged,
    };
    return {
      result,
      audit: {
        action: 'ledger.sheet.import',
        entityType: 'ledger_inspection',
        entityId: inspectionId,
        regionCode,
        summary: result,
      },
    };
  });
}

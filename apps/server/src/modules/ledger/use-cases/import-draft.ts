import { type LedgerDraft } from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { parseFeedbackText } from '../ledger-outline.parser';
import { LedgerError } from '../ledger.errors';
import { outlineToDraft } from '../ledger.policy';
import * as repo from '../ledger.repository';
import { listDepartmentsLike } from '../../org';

import { getInspection, checkRefs, inspectionValues, measureValues } from '../ledger-access';

// ── Import and the reviewed draft ────────────────────────────────────────

export async function importText(deps: Deps, actor: Actor, text: string) {
  assertAccess(actor, 'ledger.write');
  const outline = parseFeedbackText(text);
  const departments = await listDepartmentsLike(deps.db, regionScopeLike(actor));
  return { outline, draft: outlineToDraft(outline, departments, text) };
}

export async function importDocx(deps: Deps, actor: Actor, bytes: Buffer) {
  assertAccess(actor, 'ledger.write');
  let text: string;
  try {
    const { default: mammoth } = await import('mammoth');
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw new LedgerError('LEDGER_BAD_DOCX');
  }
  if (!text.trim()) throw new LedgerError('LEDGER_BAD_DOCX', '该 .docx 文件中没有文字');
  return importText(deps, actor, text);
}

/** Saves a reviewed draft: inspection, categories, findings and measures, all or nothing. */
export async function saveDraft(deps: Deps, actor: Actor, draft: LedgerDraft) {
  assertAccess(actor, 'ledger.write');
  // Structural checks first, with where the problem is.
  const keys = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  draft.categories.forEach((c, n) => {
    if (keys.has(c.key)) problems.push({ path: `categories.${n}.key`, message: '类别编号重复' });
    if (c.parentKey && !keys.has(c.parentKey))
      problems.push({ path: `categories.${n}.parentKey`, message: '上级类别须在其之前列出' });
    keys.add(c.key);
  });
  draft.findings.forEach((f, n) => {
    if (f.categoryKey && !keys.has(f.categoryKey))
      problems.push({ path: `findings.${n}.categoryKey`, message: '所属类别不存在' });
  });
  if (problems.length > 0) throw new LedgerError('LEDGER_BAD_DRAFT', undefined, problems);

  return runCommand(deps, actor, async ({ tx }) => {
    const regionCode = actor.regionCode;
    if (draft.inspection.carriedOverFromId)
      await getInspection(tx, actor, draft.inspection.carriedOverFromId, 'ledger.write');
    const inspection = await repo.insertInspection(tx, {
      ...inspectionValues(draft.inspection),
      kind: draft.inspection.kind,
      team: draft.inspection.team,
      inspectedUnit: draft.inspection.inspectedUnit,
      workDone: draft.narratives?.workDone ?? '',
      nextSteps: draft.narratives?.nextSteps ?? '',
      regionCode,
      createdBy: actor.userId,
    } as never);
    const catIds = new Map<string, string>();
    const siblings = new Map<string, number>();
    for (const c of draft.categories) {
      const parentId = c.parentKey ? catIds.get(c.parentKey)! : null;
      const order = (siblings.get(parentId ?? '') ?? 0) + 1;
      siblings.set(parentId ?? '', order);
      const row = await tx
        .insertInto('ledgerCategory')
        .values({ regionCode, inspectionId: inspection.id, parentId, title: c.title, sortOrder: order })
        .returning('id')
        .executeTakeFirstOrThrow();
      catIds.set(c.key, row.id);
    }
    let measureCount = 0;
    for (const [n, f] of draft.findings.entries()) {
      const finding = await repo.insertFinding(tx, {
        regionCode,
        inspectionId: inspection.id,
        categoryId: f.categoryKey ? catIds.get(f.categoryKey)! : null,
        number: n + 1,
        title: f.title,
        description: f.description ?? '',
        severity: f.severity ?? 'general',
        carriedOverFromId: null,
      });
      for (const [k, m] of f.measures.entries()) {
        try {
          await checkRefs(tx, regionCode, m);
        } catch (e) {
          if (e instanceof LedgerError)
            throw new LedgerError(
              'LEDGER_BAD_DRAFT',
              `第 ${n + 1} 个问题的第 ${k + 1} 项措施：${e.message}，未保存任何内容`,
              [{ path: `findings.${n}.measures.${k}`, message: e.message }],
            );
          throw e;
        }
        await repo.insertMeasure(tx, measureValues(regionCode, finding.id, k + 1, m));
        measureCount++;
      }
    }
    const result = {
      inspectionId: inspection.id,
      categories: draft.categories.length,
      findings: draft.findings.length,
      measures: measureCount,
    };
    return {
      result,
      audit: {
        action: 'ledger.draft.save',
        entityType: 'ledger_inspection',
        entityId: inspection.id,
        regionCode,
        summary: result,
      },
    };
  });
}

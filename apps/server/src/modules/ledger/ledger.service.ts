import {
  LEDGER_INSPECTION_KIND_LABELS,
  regionCovers,
  regionPrefix,
  type AccountabilityInput,
  type CategoryInput,
  type FindingInput,
  type FindingPatch,
  type InspectionInput,
  type InspectionPatch,
  type LedgerDashboard,
  type LedgerDraft,
  type LedgerInspectionKind,
  type LedgerMeasureKind,
  type LedgerSheetImportResult,
  type LedgerRow,
  type LedgerViewQuery,
  type MeasureInput,
  type MeasurePatch,
  type ProgressInput,
  type PublicFeedbackInput,
  type RecoveryInput,
  type RegulationInput,
  type ReopenInput,
  type SignoffInput,
} from '@tongban/contracts';
import { DEPARTMENT_ROLES } from '@tongban/contracts';
import { assertAccess, checkAccess, regionScopeLike, type Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import type { Executor, Tx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { storeFile, type FilePolicy } from '../../platform/files';
import { shanghaiToday } from '../../platform/time';
import { runAudited } from '../audit';
import { parseFeedbackText, type InspectionKind } from './ledger-outline.parser';
import { buildDashboard } from './ledger-dashboard';
import { LedgerError } from './ledger.errors';
import {
  readLedgerWorkbook,
  UnreadableSheetError,
  writeLedgerWorkbook,
  type ParsedSheetMeasure,
  type SheetBlock,
} from './ledger-sheet';
import {
  baseMeasureState,
  checkSignoff,
  mayAddProgress,
  measureStatus,
  numberCategories,
  outlineToDraft,
} from './ledger.policy';
import * as repo from './ledger.repository';
import {
  buildReportModel,
  getFindingStatus,
  isFindingDone,
  type FindingSource,
  type LedgerSnapshot,
  type SnapshotFinding,
} from './report-model';

/** Evidence files: scans and photos, as the offices keep them. */
export const EVIDENCE_POLICY: FilePolicy = {
  maxBytes: 20 * 1024 * 1024,
  mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'],
};

const today = (deps: Deps) => shanghaiToday(deps.clock.now());

function assertIn(actor: Actor, action: Parameters<typeof assertAccess>[1], regionCode: string) {
  assertAccess(actor, action);
  if (actor.role !== 'system' && !regionCovers(actor.regionCode, regionCode))
    throw new LedgerError('LEDGER_OUT_OF_REGION');
}

async function getInspection(db: Executor, actor: Actor, id: string, action: 'ledger.read' | 'ledger.write') {
  assertAccess(actor, action);
  const i = await repo.findInspection(db, id);
  if (!i) throw notFound('巡察', id);
  assertIn(actor, action, i.regionCode);
  return i;
}

async function getFinding(
  db: Executor,
  actor: Actor,
  id: string,
  action: Parameters<typeof assertAccess>[1],
) {
  assertAccess(actor, action);
  const f = await repo.findFinding(db, id);
  if (!f) throw notFound('问题', id);
  assertIn(actor, action, f.regionCode);
  return f;
}

async function getMeasure(
  db: Executor,
  actor: Actor,
  id: string,
  action: Parameters<typeof assertAccess>[1],
  forUpdate = false,
) {
  assertAccess(actor, action);
  const m = await repo.findMeasure(db, id, forUpdate);
  if (!m) throw notFound('整改措施', id);
  assertIn(actor, action, m.regionCode);
  return m;
}

/** Department and owner must exist in the record's region. */
async function checkRefs(
  db: Executor,
  regionCode: string,
  refs: { departmentId?: string | null | undefined; ownerUserId?: string | null | undefined },
) {
  if (refs.departmentId) {
    const d = await repo.findDepartmentIn(db, refs.departmentId);
    if (!d || !regionCovers(regionCode.slice(0, 6), d.regionCode))
      throw new LedgerError('LEDGER_BAD_REFERENCE', '责任部门不存在或不在本辖区');
  }
  if (refs.ownerUserId) {
    const u = await repo.findUserIn(db, refs.ownerUserId);
    if (!u || !regionCovers(regionCode.slice(0, 6), u.regionCode))
      throw new LedgerError('LEDGER_BAD_REFERENCE', '责任人不存在或不在本辖区');
  }
}

async function checkFindingInInspection(
  db: Executor,
  inspectionId: string,
  findingId: string | null | undefined,
) {
  if (!findingId) return;
  const f = await repo.findFinding(db, findingId);
  if (!f || f.inspectionId !== inspectionId)
    throw new LedgerError('LEDGER_BAD_REFERENCE', '关联的问题不属于该巡察');
}

function inspectionValues(input: Partial<InspectionInput>) {
  const v: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(input)) if (val !== undefined) v[k] = val;
  return v;
}

// ── Inspections ──────────────────────────────────────────────────────────

export async function listInspections(deps: Deps, actor: Actor) {
  assertAccess(actor, 'ledger.read');
  return repo.listInspections(deps.db, regionScopeLike(actor));
}

export async function createInspection(deps: Deps, actor: Actor, input: InspectionInput) {
  assertAccess(actor, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    if (input.carriedOverFromId) await getInspection(tx, actor, input.carriedOverFromId, 'ledger.write');
    const row = await repo.insertInspection(tx, {
      ...inspectionValues(input),
      kind: input.kind,
      team: input.team,
      inspectedUnit: input.inspectedUnit,
      regionCode: actor.regionCode,
      createdBy: actor.userId,
    } as never);
    return {
      result: row,
      audit: {
        action: 'ledger.inspection.create',
        entityType: 'ledger_inspection',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function updateInspection(deps: Deps, actor: Actor, id: string, input: InspectionPatch) {
  const existing = await getInspection(deps.db, actor, id, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    if (input.carriedOverFromId) {
      if (input.carriedOverFromId === id) throw new LedgerError('LEDGER_BAD_REFERENCE', '不能延续自身');
      await getInspection(tx, actor, input.carriedOverFromId, 'ledger.write');
    }
    const { published, ...rest } = input;
    const patch = inspectionValues(rest);
    if (published !== undefined)
      patch.publishedAt = published ? (existing.publishedAt ?? deps.clock.now()) : null;
    const row = await repo.updateInspection(tx, id, patch);
    return {
      result: row,
      audit: {
        action: 'ledger.inspection.update',
        entityType: 'ledger_inspection',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function addCategory(deps: Deps, actor: Actor, inspectionId: string, input: CategoryInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    if (input.parentId) {
      const p = await repo.findCategory(tx, input.parentId);
      if (!p || p.inspectionId !== inspectionId)
        throw new LedgerError('LEDGER_BAD_REFERENCE', '上级类别不属于该巡察');
    }
    const row = await repo.insertCategory(tx, {
      regionCode: i.regionCode,
      inspectionId,
      parentId: input.parentId ?? null,
      title: input.title,
    });
    return {
      result: row,
      audit: {
        action: 'ledger.category.create',
        entityType: 'ledger_category',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: input,
      },
    };
  });
}

/** Everything about one inspection, with numbering and states derived. */
export async function getInspectionDetail(deps: Deps, actor: Actor, id: string) {
  const i = await getInspection(deps.db, actor, id, 'ledger.read');
  const db = deps.db;
  const day = today(deps);
  const categories = numberCategories(await repo.listCategories(db, id));
  const findings = await repo.listFindings(db, id);
  const measures = await repo.listMeasureRows(db, { like: '%', inspectionId: id });
  const progress = await repo.listProgress(
    db,
    measures.map((m) => m.id),
  );
  const revisits = await db
    .selectFrom('ledgerRevisit')
    .selectAll()
    .where('targetId', 'in', [...findings.map((f) => f.id), ...measures.map((m) => m.id), id])
    .orderBy('reopenedAt')
    .execute();
  const seeNames = actor.role === 'system' || actor.role === 'leader' || actor.role === 'supervisor';
  const accountability = (
    await db
      .selectFrom('ledgerAccountability')
      .selectAll()
      .where('inspectionId', '=', id)
      .orderBy('date')
      .execute()
  ).map((a) => ({ ...a, names: seeNames ? a.names : '' }));
  const regulations = await listRegulations(db, id);
  const recoveries = await db
    .selectFrom('ledgerRecovery')
    .selectAll()
    .where('inspectionId', '=', id)
    .orderBy('date')
    .execute();
  const measureViews = measures.map((m) => {
    const p = progress.filter((x) => x.measureId === m.id);
    return {
      ...m,
      status: measureStatus(m, p, day),
      progress: p,
      revisits: revisits.filter((r) => r.targetId === m.id || r.measureIds.includes(m.id)),
    };
  });
  return {
    inspection: i,
    categories,
    findings: findings.map((f) => {
      const ms = measureViews.filter((m) => m.findingId === f.id);
      const done = ms.length > 0 && ms.every((m) => m.status === 'signed_off');
      return {
        ...f,
        categoryLabel: categories.find((c) => c.id === f.categoryId)?.label ?? null,
        done,
        status: getFindingStatus({
          id: f.id,
          number: f.number,
          title: f.title,
          description: f.description,
          source: 'inspection',
          measures: ms.map((m) => ({
            id: m.id,
            content: m.content,
            kind: m.kind as never,
            state: baseMeasureState(m, m.progress),
            progress: [],
          })),
        }),
        measures: ms,
        revisits: revisits.filter((r) => r.targetId === f.id),
      };
    }),
    accountability,
    regulations,
    recoveries,
  };
}

async function listRegulations(db: Executor, inspectionId: string) {
  const regs = await db
    .selectFrom('ledgerRegulation')
    .selectAll()
    .where('inspectionId', '=', inspectionId)
    .orderBy('date')
    .execute();
  const links =
    regs.length === 0
      ? []
      : await db
          .selectFrom('ledgerRegulationFinding')
          .selectAll()
          .where(
            'regulationId',
            'in',
            regs.map((r) => r.id),
          )
          .execute();
  return regs.map((r) => ({
    ...r,
    findingIds: links.filter((l) => l.regulationId === r.id).map((l) => l.findingId),
  }));
}

// ── Import and the reviewed draft ────────────────────────────────────────

export async function importText(deps: Deps, actor: Actor, text: string) {
  assertAccess(actor, 'ledger.write');
  const outline = parseFeedbackText(text);
  const departments = await repo.listDepartmentsLike(deps.db, regionScopeLike(actor));
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

  return runAudited(deps, actor, async (tx) => {
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

function measureValues(regionCode: string, findingId: string, sortOrder: number, m: MeasureInput) {
  return {
    regionCode,
    findingId,
    sortOrder,
    content: m.content,
    leader: m.leader ?? '',
    departmentId: m.departmentId ?? null,
    ownerUserId: m.ownerUserId ?? null,
    dueDate: m.dueDate ?? null,
    kind: m.kind,
  };
}

// ── Findings and measures ────────────────────────────────────────────────

export async function addFinding(deps: Deps, actor: Actor, inspectionId: string, input: FindingInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    await checkFindingFields(tx, inspectionId, input);
    const row = await repo.insertFinding(tx, {
      regionCode: i.regionCode,
      inspectionId,
      number: await repo.nextFindingNumber(tx, inspectionId),
      categoryId: input.categoryId ?? null,
      title: input.title,
      description: input.description ?? '',
      severity: input.severity ?? 'general',
      source: input.source ?? 'inspection',
      carriedOverFromId: input.carriedOverFromId ?? null,
    });
    return {
      result: row,
      audit: {
        action: 'ledger.finding.create',
        entityType: 'ledger_finding',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

async function checkFindingFields(tx: Executor, inspectionId: string, input: FindingPatch) {
  if (input.categoryId) {
    const c = await repo.findCategory(tx, input.categoryId);
    if (!c || c.inspectionId !== inspectionId)
      throw new LedgerError('LEDGER_BAD_REFERENCE', '所属类别不属于该巡察');
  }
  if (input.carriedOverFromId) {
    const f = await repo.findFinding(tx, input.carriedOverFromId);
    if (!f || f.inspectionId === inspectionId)
      throw new LedgerError('LEDGER_BAD_REFERENCE', '延续的问题须来自此前的另一次巡察');
  }
}

export async function updateFinding(deps: Deps, actor: Actor, id: string, input: FindingPatch) {
  const f = await getFinding(deps.db, actor, id, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    await checkFindingFields(tx, f.inspectionId, input);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const row = await repo.updateFinding(tx, id, patch);
    return {
      result: row,
      audit: {
        action: 'ledger.finding.update',
        entityType: 'ledger_finding',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function addMeasure(deps: Deps, actor: Actor, findingId: string, input: MeasureInput) {
  const f = await getFinding(deps.db, actor, findingId, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    await checkRefs(tx, f.regionCode, input);
    const row = await repo.insertMeasure(
      tx,
      measureValues(f.regionCode, findingId, await repo.nextMeasureOrder(tx, findingId), input),
    );
    return {
      result: row,
      audit: {
        action: 'ledger.measure.create',
        entityType: 'ledger_measure',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function updateMeasure(deps: Deps, actor: Actor, id: string, input: MeasurePatch) {
  await getMeasure(deps.db, actor, id, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    const m = (await repo.findMeasure(tx, id, true))!;
    if (m.signedOffAt) throw new LedgerError('LEDGER_ALREADY_SIGNED_OFF');
    await checkRefs(tx, m.regionCode, input);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const row = await repo.updateMeasure(tx, id, patch);
    return {
      result: row,
      audit: {
        action: 'ledger.measure.update',
        entityType: 'ledger_measure',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

/**
 * Whether the actor may read a measure (GET /files: its evidence is read by those who may read the
 * measure, issue 12 point 4): ledger.read in its region, and for department roles the ledger view's
 * own-or-department rule (mayAddProgress).
 */
export async function mayReadMeasure(deps: Deps, actor: Actor, measureId: string): Promise<boolean> {
  const m = await repo.findMeasure(deps.db, measureId);
  if (!m || !checkAccess(actor, 'ledger.read', { regionCode: m.regionCode })) return false;
  return mayAddProgress(actor, m);
}

/**
 * A measure still in draft — no progress, never signed off or reopened — can be deleted (an
 * import that cut one measure in two). Anything with a record stays: the ledger's history is
 * what the report and a revisit rely on (REC-1).
 */
async function assertMeasuresBare(tx: Tx, measureIds: string[]): Promise<void> {
  if (measureIds.length === 0) return;
  const used = await tx
    .selectFrom('ledgerMeasure')
    .select('id')
    .where('id', 'in', measureIds)
    .where((eb) =>
      eb.or([
        eb('signedOffAt', 'is not', null),
        eb('round', '>', 0),
        eb.exists(
          eb.selectFrom('ledgerProgress').select('id').whereRef('measureId', '=', 'ledgerMeasure.id'),
        ),
      ]),
    )
    .executeTakeFirst();
  if (used) throw new LedgerError('LEDGER_HAS_RECORD');
}

export async function deleteMeasure(deps: Deps, actor: Actor, id: string) {
  await getMeasure(deps.db, actor, id, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    const m = (await repo.findMeasure(tx, id, true))!;
    await assertMeasuresBare(tx, [id]);
    await tx.deleteFrom('ledgerMeasure').where('id', '=', id).execute();
    return {
      result: { id },
      audit: {
        action: 'ledger.measure.delete',
        entityType: 'ledger_measure',
        entityId: id,
        regionCode: m.regionCode,
        summary: { findingId: m.findingId },
      },
    };
  });
}

/** A finding still in draft: its measures bare, no 问责, 追缴, 制度 or later finding refers to it. */
export async function deleteFinding(deps: Deps, actor: Actor, id: string) {
  const f = await getFinding(deps.db, actor, id, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    const measures = await tx.selectFrom('ledgerMeasure').select('id').where('findingId', '=', id).execute();
    await assertMeasuresBare(
      tx,
      measures.map((m) => m.id),
    );
    const referenced = await tx
      .selectFrom('ledgerFinding as f')
      .select('f.id')
      .where('f.id', '=', id)
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('ledgerAccountability').select('id').whereRef('findingId', '=', 'f.id')),
          eb.exists(eb.selectFrom('ledgerRecovery').select('id').whereRef('findingId', '=', 'f.id')),
          eb.exists(
            eb.selectFrom('ledgerRegulationFinding').select('findingId').whereRef('findingId', '=', 'f.id'),
          ),
          eb.exists(
            eb
              .selectFrom('ledgerFinding as later')
              .select('later.id')
              .whereRef('later.carriedOverFromId', '=', 'f.id'),
          ),
          eb.exists(eb.selectFrom('ledgerRevisit').select('id').whereRef('targetId', '=', 'f.id')),
        ]),
      )
      .executeTakeFirst();
    if (referenced) throw new LedgerError('LEDGER_HAS_RECORD');
    await tx.deleteFrom('ledgerFinding').where('id', '=', id).execute();
    return {
      result: { id },
      audit: {
        action: 'ledger.finding.delete',
        entityType: 'ledger_finding',
        entityId: id,
        regionCode: f.regionCode,
        summary: { inspectionId: f.inspectionId, measures: measures.length },
      },
    };
  });
}

// ── Progress, sign-off, revisit ──────────────────────────────────────────

export async function addProgress(
  deps: Deps,
  actor: Actor,
  measureId: string,
  input: ProgressInput,
  file?: { bytes: Buffer; mediaType: string; name: string },
) {
  const pre = await getMeasure(deps.db, actor, measureId, 'ledger.progress');
  if (!mayAddProgress(actor, pre)) throw new LedgerError('LEDGER_NOT_OWNER');
  return runAudited(deps, actor, async (tx) => {
    const m = (await repo.findMeasure(tx, measureId, true))!;
    if (m.signedOffAt) throw new LedgerError('LEDGER_ALREADY_SIGNED_OFF');
    const owner = { kind: 'ledger_measure', id: measureId, regionCode: m.regionCode } as const;
    const files = file ? [await storeFile(tx, deps.config.dataDir, file, EVIDENCE_POLICY, owner)] : [];
    const row = await repo.insertProgress(tx, {
      regionCode: m.regionCode,
      measureId,
      date: input.date,
      text: input.text,
      evidenceFiles: files,
      evidenceText: input.evidenceText ?? '',
      requestSignoff: input.requestSignoff ?? false,
      round: m.round,
      createdBy: actor.userId,
    });
    return {
      result: row,
      audit: {
        action: 'ledger.progress.create',
        entityType: 'ledger_measure',
        entityId: measureId,
        regionCode: m.regionCode,
        summary: { ...input, evidenceFiles: files },
      },
    };
  });
}

/** 销号: REC-1 (evidence of the current round) and SOD-2 (not the owner), by supervisor or leader. */
export async function signOff(deps: Deps, actor: Actor, measureId: string, input: SignoffInput) {
  await getMeasure(deps.db, actor, measureId, 'ledger.signoff');
  return runAudited(deps, actor, async (tx) => {
    const m = (await repo.findMeasure(tx, measureId, true))!;
    const progress = await repo.listProgress(tx, [measureId]);
    const refusal = checkSignoff(actor, m, progress);
    if (refusal) throw new LedgerError(refusal);
    const now = deps.clock.now();
    const row = await repo.updateMeasure(tx, measureId, {
      signedOffBy: actor.userId,
      signedOffAt: now,
      signoffComment: input.comment ?? '',
    });
    return {
      result: row,
      audit: {
        action: 'ledger.measure.signoff',
        entityType: 'ledger_measure',
        entityId: measureId,
        regionCode: m.regionCode,
        summary: input,
      },
    };
  });
}

async function reopenOne(tx: Tx, deps: Deps, m: { id: string; round: number }) {
  await repo.updateMeasure(tx, m.id, {
    signedOffAt: null,
    signedOffBy: null,
    signoffComment: '',
    reopenedAt: deps.clock.now(),
    round: m.round + 1,
  });
}

/** 回头看 on a measure: what did not hold is reopened, the earlier sign-off kept in the history. */
export async function reopenMeasure(deps: Deps, actor: Actor, measureId: string, input: ReopenInput) {
  await getMeasure(deps.db, actor, measureId, 'ledger.signoff');
  return runAudited(deps, actor, async (tx) => {
    const m = (await repo.findMeasure(tx, measureId, true))!;
    if (!m.signedOffAt) throw new LedgerError('LEDGER_NOT_SIGNED_OFF');
    await tx
      .insertInto('ledgerRevisit')
      .values({
        regionCode: m.regionCode,
        targetType: 'measure',
        targetId: m.id,
        measureIds: repo.uuidArray([m.id]),
        reason: input.reason,
        priorSignedOffBy: m.signedOffBy,
        priorSignedOffAt: m.signedOffAt,
        reopenedBy: actor.userId,
        reopenedAt: deps.clock.now(),
      })
      .execute();
    await reopenOne(tx, deps, m);
    return {
      result: { measureId, reopened: true },
      audit: {
        action: 'ledger.measure.reopen',
        entityType: 'ledger_measure',
        entityId: measureId,
        regionCode: m.regionCode,
        summary: input,
      },
    };
  });
}

/** 回头看 on a finding: every signed-off measure of it is reopened. */
export async function reopenFinding(deps: Deps, actor: Actor, findingId: string, input: ReopenInput) {
  const f = await getFinding(deps.db, actor, findingId, 'ledger.signoff');
  return runAudited(deps, actor, async (tx) => {
    const measures = await tx
      .selectFrom('ledgerMeasure')
      .selectAll()
      .where('findingId', '=', findingId)
      .where('signedOffAt', 'is not', null)
      .forUpdate()
      .execute();
    if (measures.length === 0) throw new LedgerError('LEDGER_NOTHING_TO_REOPEN');
    await tx
      .insertInto('ledgerRevisit')
      .values({
        regionCode: f.regionCode,
        targetType: 'finding',
        targetId: f.id,
        measureIds: repo.uuidArray(measures.map((m) => m.id)),
        reason: input.reason,
        reopenedBy: actor.userId,
        reopenedAt: deps.clock.now(),
        priorSignedOffBy: null,
        priorSignedOffAt: null,
      })
      .execute();
    for (const m of measures) await reopenOne(tx, deps, m);
    return {
      result: { findingId, reopenedMeasures: measures.length },
      audit: {
        action: 'ledger.finding.reopen',
        entityType: 'ledger_finding',
        entityId: findingId,
        regionCode: f.regionCode,
        summary: { ...input, measureIds: measures.map((m) => m.id) },
      },
    };
  });
}

// ── Also recorded ────────────────────────────────────────────────────────

export async function addAccountability(
  deps: Deps,
  actor: Actor,
  inspectionId: string,
  input: AccountabilityInput,
) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    await checkFindingInInspection(tx, inspectionId, input.findingId);
    const row = await tx
      .insertInto('ledgerAccountability')
      .values({
        regionCode: i.regionCode,
        inspectionId,
        findingId: input.findingId ?? null,
        kind: input.kind,
        count: input.count,
        date: input.date,
        names: input.names ?? '',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: row,
      // Names stay out of the audit summary: it is readable more widely than the names are.
      audit: {
        action: 'ledger.accountability.create',
        entityType: 'ledger_accountability',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: {
          kind: input.kind,
          count: input.count,
          date: input.date,
          findingId: input.findingId ?? null,
        },
      },
    };
  });
}

export async function addRegulation(deps: Deps, actor: Actor, inspectionId: string, input: RegulationInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    const findingIds = [...new Set(input.findingIds ?? [])];
    for (const f of findingIds) await checkFindingInInspection(tx, inspectionId, f);
    const row = await tx
      .insertInto('ledgerRegulation')
      .values({
        regionCode: i.regionCode,
        inspectionId,
        name: input.name,
        docNumber: input.docNumber ?? '',
        date: input.date,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (findingIds.length > 0)
      await tx
        .insertInto('ledgerRegulationFinding')
        .values(
          findingIds.map((findingId) => ({ regulationId: row.id, findingId, regionCode: i.regionCode })),
        )
        .execute();
    return {
      result: { ...row, findingIds },
      audit: {
        action: 'ledger.regulation.create',
        entityType: 'ledger_regulation',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: input,
      },
    };
  });
}

export async function addRecovery(deps: Deps, actor: Actor, inspectionId: string, input: RecoveryInput) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return runAudited(deps, actor, async (tx) => {
    await checkFindingInInspection(tx, inspectionId, input.findingId);
    const row = await tx
      .insertInto('ledgerRecovery')
      .values({
        regionCode: i.regionCode,
        inspectionId,
        findingId: input.findingId ?? null,
        kind: input.kind,
        amountFen: input.amountFen,
        date: input.date,
        note: input.note ?? '',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: row,
      audit: {
        action: 'ledger.recovery.create',
        entityType: 'ledger_recovery',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: input,
      },
    };
  });
}

// ── The ledger view ──────────────────────────────────────────────────────

export async function ledgerView(
  deps: Deps,
  actor: Actor,
  query: LedgerViewQuery,
  mine = false,
): Promise<LedgerRow[]> {
  assertAccess(actor, 'ledger.read');
  const db = deps.db;
  const ownOnly = actor.role !== 'system' && DEPARTMENT_ROLES.includes(actor.role);
  const rows = await repo.listMeasureRows(db, {
    like: regionScopeLike(actor),
    ...(query.inspectionId ? { inspectionId: query.inspectionId } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(mine
      ? { ownerUserId: actor.userId ?? '00000000-0000-0000-0000-000000000000' }
      : query.ownerUserId
        ? { ownerUserId: query.ownerUserId }
        : {}),
  });
  const visible = ownOnly
    ? rows.filter(
        (r) =>
          r.ownerUserId === actor.userId ||
          (r.departmentId !== null && r.departmentId === actor.departmentId),
      )
    : rows;
  const progress = await repo.listProgress(
    db,
    visible.map((r) => r.id),
  );
  const catsByInspection = new Map<string, ReturnType<typeof numberCategories>>();
  for (const id of new Set(visible.map((r) => r.inspectionId)))
    catsByInspection.set(id, numberCategories(await repo.listCategories(db, id)));
  const day = today(deps);
  const q = query.q?.toLowerCase();
  return visible
    .map((r) => {
      const p = progress.filter((x) => x.measureId === r.id);
      return {
        inspectionId: r.inspectionId,
        findingId: r.findingId,
        measureId: r.id,
        number: `${r.findingNumber}.${r.sortOrder}`,
        finding: r.findingTitle,
        measure: r.content,
        leader: r.leader,
        departmentId: r.departmentId,
        department: r.departmentName ?? '',
        ownerUserId: r.ownerUserId,
        owner: r.ownerName ?? '',
        dueDate: r.dueDate,
        kind: r.kind as LedgerRow['kind'],
        progress: p.map((x) => `${x.date} ${x.text}`).join('\n'),
        status: measureStatus(r, p, day),
      };
    })
    .filter((r) => !query.status || r.status === query.status)
    .filter((r) => !q || `${r.finding}${r.measure}${r.department}${r.owner}`.toLowerCase().includes(q));
}

// ── The report (TRUTH-1: every number from the ledger at generation time) ─

export async function buildSnapshot(db: Executor, inspectionId: string): Promise<LedgerSnapshot> {
  const i = (await repo.findInspection(db, inspectionId))!;
  const cats = numberCategories(await repo.listCategories(db, inspectionId));
  const findings = await repo.listFindings(db, inspectionId);
  const measures = await repo.listMeasureRows(db, { like: '%', inspectionId });
  const progress = await repo.listProgress(
    db,
    measures.map((m) => m.id),
  );
  const accountability = await db
    .selectFrom('ledgerAccountability')
    .selectAll()
    .where('inspectionId', '=', inspectionId)
    .execute();
  const regulations = await listRegulations(db, inspectionId);
  const recoveries = await db
    .selectFrom('ledgerRecovery')
    .selectAll()
    .where('inspectionId', '=', inspectionId)
    .execute();
  const topOf = new Map(cats.map((c) => [c.id, c.topId]));
  const opt = <T>(v: T | null | undefined) => (v === null || v === undefined || v === '' ? undefined : v);
  return {
    ...(i.issuer ? { issuer: i.issuer } : {}),
    inspection: {
      kind: i.kind as InspectionKind,
      team: i.team,
      inspectedUnit: i.inspectedUnit,
      ...(i.periodStart ? { periodStart: i.periodStart } : {}),
      ...(i.periodEnd ? { periodEnd: i.periodEnd } : {}),
      ...(i.feedbackDate ? { feedbackDate: i.feedbackDate } : {}),
    },
    categories: cats.filter((c) => c.depth === 0).map((c) => ({ id: c.id, title: c.title, order: c.order })),
    findings: findings.map((f): SnapshotFinding => ({
      id: f.id,
      number: f.number,
      title: f.title,
      description: f.description,
      ...(f.categoryId ? { categoryId: topOf.get(f.categoryId) ?? f.categoryId } : {}),
      source: f.source as SnapshotFinding['source'],
      ...(f.carriedOverFromId ? { carriedOver: true } : {}),
      measures: measures
        .filter((m) => m.findingId === f.id)
        .map((m) => {
          const p = progress.filter((x) => x.measureId === m.id);
          const signedOffAt = m.signedOffAt ? shanghaiToday(new Date(m.signedOffAt)) : undefined;
          return {
            id: m.id,
            content: m.content,
            kind: m.kind as 'immediate',
            state: baseMeasureState(m, p),
            progress: p.map((x) => ({
              date: x.date,
              text: x.text,
              evidenceCount: x.evidenceFiles.length + (x.evidenceText ? 1 : 0),
            })),
            ...(opt(m.leader) ? { leader: m.leader } : {}),
            ...(opt(m.departmentName) ? { department: m.departmentName! } : {}),
            ...(opt(m.ownerName) ? { owner: m.ownerName! } : {}),
            ...(m.dueDate ? { dueDate: m.dueDate } : {}),
            ...(signedOffAt ? { signedOffAt } : {}),
          };
        }),
    })),
    accountability: accountability.map((a) => ({
      kind: a.kind as 'reminder_talk',
      count: a.count,
      date: a.date,
      ...(a.findingId ? { findingId: a.findingId } : {}),
    })),
    regulations: regulations.map((r) => ({
      name: r.name,
      date: r.date,
      findingIds: r.findingIds,
      ...(r.docNumber ? { docNumber: r.docNumber } : {}),
    })),
    recoveries: recoveries.map((r) => ({
      amountFen: Number(r.amountFen),
      kind: r.kind,
      ...(r.findingId ? { findingId: r.findingId } : {}),
    })),
    leadsReferred: i.leadsReferred,
    narratives: { workDone: i.workDone, nextSteps: i.nextSteps },
    contact: {
      ...(i.contactPhone ? { phone: i.contactPhone } : {}),
      ...(i.contactEmail ? { email: i.contactEmail } : {}),
      ...(i.contactAddress ? { address: i.contactAddress } : {}),
    },
  };
}

export async function reportModel(deps: Deps, actor: Actor, inspectionId: string) {
  await getInspection(deps.db, actor, inspectionId, 'ledger.read');
  return buildReportModel(await buildSnapshot(deps.db, inspectionId), deps.clock.now());
}

export async function reportDocx(deps: Deps, actor: Actor, inspectionId: string) {
  const model = await reportModel(deps, actor, inspectionId);
  // The Word renderer (and docx) load on first use.
  const { renderReportDocx } = await import('./report-docx');
  return { model, buffer: await renderReportDocx(model) };
}

async function getPublished(db: Executor, inspectionId: string) {
  const i = await repo.findInspection(db, inspectionId);
  if (!i || !i.publishedAt) throw new LedgerError('LEDGER_NOT_PUBLISHED');
  return i;
}

/** The public report page (no sign-in): published inspections only. */
export async function publicReport(deps: Deps, inspectionId: string) {
  await getPublished(deps.db, inspectionId);
  return buildReportModel(await buildSnapshot(deps.db, inspectionId), deps.clock.now());
}

export async function submitPublicFeedback(
  deps: Deps,
  makeActor: (regionCode: string) => Actor,
  inspectionId: string,
  input: PublicFeedbackInput,
) {
  const i = await getPublished(deps.db, inspectionId);
  const actor = makeActor(i.regionCode);
  return runAudited(deps, actor, async (tx) => {
    const row = await tx
      .insertInto('ledgerPublicFeedback')
      .values({
        regionCode: i.regionCode,
        inspectionId,
        name: input.name ?? '',
        contact: input.contact,
        text: input.text,
        clientIp: actor.clientIp,
        createdAt: deps.clock.now(),
      })
      .returning(['id', 'createdAt'])
      .executeTakeFirstOrThrow();
    return {
      result: { id: row.id, received: true },
      // The submitter's contact stays out of the chain; the row holds it.
      audit: {
        action: 'ledger.public_feedback.create',
        entityType: 'ledger_public_feedback',
        entityId: row.id,
        regionCode: i.regionCode,
        summary: { inspectionId },
      },
    };
  });
}

export async function listPublicFeedback(deps: Deps, actor: Actor, inspectionId: string) {
  await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return deps.db
    .selectFrom('ledgerPublicFeedback')
    .selectAll()
    .where('inspectionId', '=', inspectionId)
    .orderBy('createdAt', 'desc')
    .execute();
}

// ── The 整改台账 spreadsheet (docs/ledger-sheet.md) ───────────────────────

const sheetProgress = (p: { date: string; text: string; evidenceText: string; evidenceFiles: string[] }) => {
  const evidence = [
    ...(p.evidenceText ? [`佐证：${p.evidenceText}`] : []),
    ...(p.evidenceFiles.length > 0 ? [`附件 ${p.evidenceFiles.length} 个`] : []),
  ];
  return `${p.date} ${p.text}${evidence.length > 0 ? `（${evidence.join('；')}）` : ''}`;
};

/** The inspection as the sheet offices keep; department roles get their own measures, as in the ledger view. */
export async function exportSheet(deps: Deps, actor: Actor, inspectionId: string) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.read');
  const db = deps.db;
  const day = today(deps);
  const cats = numberCategories(await repo.listCategories(db, inspectionId));
  const findings = await repo.listFindings(db, inspectionId);
  const ownOnly = actor.role !== 'system' && DEPARTMENT_ROLES.includes(actor.role);
  const measures = (await repo.listMeasureRows(db, { like: '%', inspectionId })).filter(
    (m) =>
      !ownOnly ||
      m.ownerUserId === actor.userId ||
      (m.departmentId !== null && m.departmentId === actor.departmentId),
  );
  const shown = ownOnly ? findings.filter((f) => measures.some((m) => m.findingId === f.id)) : findings;
  const progress = await repo.listProgress(
    db,
    measures.map((m) => m.id),
  );
  const findingBlock = (f: (typeof findings)[number]): SheetBlock => ({
    type: 'finding',
    number: f.number,
    title: f.title,
    description: f.description,
    measures: measures
      .filter((m) => m.findingId === f.id)
      .map((m) => {
        const p = progress.filter((x) => x.measureId === m.id);
        return {
          content: m.content,
          leader: m.leader,
          department: m.departmentName ?? '',
          owner: m.ownerName ?? '',
          kind: m.kind as LedgerMeasureKind,
          dueDate: m.dueDate,
          progress: p.map(sheetProgress).join('\n'),
          status: measureStatus(m, p, day),
        };
      }),
  });
  // Reading order: findings outside any category first, then the tree depth-first.
  const blocks: SheetBlock[] = shown.filter((f) => !f.categoryId).map(findingBlock);
  const hasFindings = (id: string): boolean =>
    shown.some((f) => f.categoryId === id) || cats.some((c) => c.parentId === id && hasFindings(c.id));
  for (const c of cats) {
    if (ownOnly && !hasFindings(c.id)) continue;
    blocks.push({ type: 'category', label: c.label, title: c.title, depth: c.depth });
    blocks.push(...shown.filter((f) => f.categoryId === c.id).map(findingBlock));
  }
  const title = `${i.inspectedUnit}${LEDGER_INSPECTION_KIND_LABELS[i.kind as LedgerInspectionKind] ?? ''}反馈问题整改台账`;
  const note =
    `${i.team}${i.feedbackDate ? `，${i.feedbackDate} 反馈` : ''}。导出日期 ${day}，状态按导出日计算；` +
    '已销号须有佐证并经责任人以外人员核验（REC-1）。';
  const buffer = await writeLedgerWorkbook({ title, note, blocks });
  await runAudited(deps, actor, async () => ({
    result: undefined,
    audit: {
      action: 'ledger.sheet.export',
      entityType: 'ledger_inspection',
      entityId: inspectionId,
      regionCode: i.regionCode,
      summary: { findings: shown.length, measures: measures.length },
    },
  }));
  return { title, buffer };
}

const ownerForm = /^(.+?)\s*[（(]\s*([^（）()]+?)\s*[）)]$/;

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
  const departments = await repo.listDepartmentsLike(deps.db, like);
  const users = await deps.db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName'])
    .where('regionCode', 'like', like)
    .execute();
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

  return runAudited(deps, actor, async (tx) => {
    const regionCode = i.regionCode;
    const existing = await repo.listCategories(tx, inspectionId);
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
    let number = await repo.nextFindingNumber(tx, inspectionId);
    let measures = 0;
    for (const f of sheet.findings) {
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
    const result = {
      inspectionId,
      categories: newCategories,
      findings: sheet.findings.length,
      measures,
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

// ── Dashboard (TRUTH-1: computed from the records at request time) ───────

export async function dashboard(deps: Deps, actor: Actor, inspectionId: string): Promise<LedgerDashboard> {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.read');
  const db = deps.db;
  const day = today(deps);
  const findings = await repo.listFindings(db, inspectionId);
  const measures = await repo.listMeasureRows(db, { like: '%', inspectionId });
  const ids = new Set(measures.map((m) => m.id));
  const progress = await repo.listProgress(db, [...ids]);
  const revisits =
    measures.length === 0
      ? []
      : await db
          .selectFrom('ledgerRevisit')
          .select(['measureIds', 'reopenedAt'])
          .where('targetId', 'in', [...ids, ...findings.map((f) => f.id)])
          .execute();
  return buildDashboard({
    inspectionId,
    today: day,
    feedbackDate: i.feedbackDate,
    findingIds: findings.map((f) => f.id),
    measures: measures.map((m) => ({
      id: m.id,
      findingId: m.findingId,
      kind: m.kind,
      status: measureStatus(
        m,
        progress.filter((p) => p.measureId === m.id),
        day,
      ),
      departmentId: m.departmentId,
      departmentName: m.departmentName,
      signedOffOn: m.signedOffAt ? shanghaiToday(new Date(m.signedOffAt)) : null,
    })),
    progressDates: progress.map((p) => p.date),
    reopenedOn: revisits.flatMap((r) =>
      r.measureIds.filter((id) => ids.has(id)).map(() => shanghaiToday(new Date(r.reopenedAt))),
    ),
  });
}

// ── Automatic sources and carry-over (issue 21) ─────────────────────────────

export type SourcedFindingInput = {
  regionCode: string;
  inspectionId: string;
  title: string;
  description: string;
  source: Exclude<FindingSource, 'inspection'>;
  severity?: 'minor' | 'general' | 'serious';
};

/**
 * An automatic source (reviews' accepted findings: overdue cases, file reviews …) files a finding in
 * the caller's transaction, so the source's own record and the ledger's change commit together. The
 * caller checked the actor may write the ledger; the inspection must lie in the finding's region.
 */
export async function addSourcedFinding(tx: Executor, input: SourcedFindingInput) {
  const i = await repo.findInspection(tx, input.inspectionId);
  if (!i || i.regionCode !== input.regionCode) throw notFound('巡察', input.inspectionId);
  return repo.insertFinding(tx, {
    regionCode: i.regionCode,
    inspectionId: i.id,
    number: await repo.nextFindingNumber(tx, i.id),
    categoryId: null,
    title: input.title,
    description: input.description,
    severity: input.severity ?? 'general',
    source: input.source,
    carriedOverFromId: null,
  });
}

/** A new inspection opened by an automatic source (e.g. a 自查 for an accepted automatic finding). */
export async function createSourcedInspection(
  tx: Executor,
  input: {
    regionCode: string;
    kind: InspectionKind;
    team: string;
    inspectedUnit: string;
    createdBy: string | null;
  },
) {
  return repo.insertInspection(tx, { ...input, carriedOverFromId: null } as never);
}

/**
 * 新官要理旧账: every finding of `fromId` not done (its measures not all signed off, REC-1) carries into
 * `toId` — the same unit's next inspection — as a new finding linked to the old one (its history stays
 * with it); one already carried is not carried twice. Returns the new findings.
 */
export async function carryOverOpenFindings(
  tx: Executor,
  input: { regionCode: string; fromId: string; toId: string },
) {
  const from = await repo.findInspection(tx, input.fromId);
  const to = await repo.findInspection(tx, input.toId);
  if (!from || from.regionCode !== input.regionCode) throw notFound('巡察', input.fromId);
  if (!to || to.regionCode !== input.regionCode) throw notFound('巡察', input.toId);
  if (from.id === to.id) throw new LedgerError('LEDGER_BAD_REFERENCE', '不能延续自身');
  if (from.inspectedUnit !== to.inspectedUnit)
    throw new LedgerError('LEDGER_BAD_REFERENCE', '只能延续到同一被检查单位的下一次检查');
  const snapshot = await buildSnapshot(tx, from.id);
  const already = new Set((await repo.listFindings(tx, to.id)).map((f) => f.carriedOverFromId));
  const rows = await repo.listFindings(tx, from.id);
  const carried = [];
  for (const f of snapshot.findings) {
    if (isFindingDone(f) || already.has(f.id)) continue;
    const row = rows.find((r) => r.id === f.id)!;
    carried.push(
      await repo.insertFinding(tx, {
        regionCode: to.regionCode,
        inspectionId: to.id,
        number: await repo.nextFindingNumber(tx, to.id),
        categoryId: null,
        title: row.title,
        description: row.description,
        severity: row.severity,
        source: row.source,
        carriedOverFromId: row.id,
      }),
    );
  }
  if (!to.carriedOverFromId) await repo.updateInspection(tx, to.id, { carriedOverFromId: from.id });
  return carried;
}

import {
  LEDGER_INSPECTION_KIND_LABELS,
  type LedgerInspectionKind,
  type LedgerMeasureKind,
} from '@tongban/contracts';
import { DEPARTMENT_ROLES } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { writeLedgerWorkbook, type SheetBlock } from '../ledger-sheet';
import { measureStatus, numberCategories } from '../ledger.policy';
import * as repo from '../ledger.repository';
import { listAccountability, listLeads, listRecoveries, listRegulations } from '../ledger.read-model';
import type { SheetRecord } from '../ledger-sheet-records';
import type { Executor } from '../../../platform/db';
import type { AccountabilityKind, RecoveryKind } from '@tongban/contracts';

import { today, getInspection } from '../ledger-access';

// ── The 整改台账 spreadsheet (docs/ledger-sheet.md) ───────────────────────

export const sheetProgress = (p: {
  date: string;
  text: string;
  evidenceText: string;
  evidenceFiles: string[];
}) => {
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
  const region = i.regionCode;
  const cats = numberCategories(await repo.listCategories(db, region, inspectionId));
  const findings = await repo.listFindings(db, region, inspectionId);
  const ownOnly = actor.role !== 'system' && DEPARTMENT_ROLES.includes(actor.role);
  const measures = (await repo.listMeasureRows(db, { regionCode: region, inspectionId })).filter(
    (m) =>
      !ownOnly ||
      m.ownerUserId === actor.userId ||
      (m.departmentId !== null && m.departmentId === actor.departmentId),
  );
  const shown = ownOnly ? findings.filter((f) => measures.some((m) => m.findingId === f.id)) : findings;
  const progress = await repo.listProgress(
    db,
    region,
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
    '已销号须有佐证并经责任人以外人员核验。';
  const records = await sheetRecords(db, region, inspectionId, shown, !ownOnly);
  const buffer = await writeLedgerWorkbook({ title, note, blocks, records });
  await runCommand(deps, actor, async () => ({
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

/**
 * The 问责及成果 sheet: each record with its finding's 序号 and title. Department roles see those
 * of their own findings only; records not tied to a finding go to whoever sees the whole ledger.
 */
async function sheetRecords(
  db: Executor,
  region: string,
  inspectionId: string,
  findings: { id: string; number: number; title: string }[],
  all: boolean,
): Promise<SheetRecord[]> {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const of = (findingId: string | null) => {
    const f = findingId ? byId.get(findingId) : undefined;
    if (findingId ? !f : !all) return undefined;
    return { findingNumber: f?.number ?? null, findingTitle: f?.title ?? '' };
  };
  const out: SheetRecord[] = [];
  for (const a of await listAccountability(db, region, inspectionId)) {
    const f = of(a.findingId);
    if (f)
      out.push({
        ...f,
        type: 'accountability',
        date: a.date,
        kind: a.kind as AccountabilityKind,
        count: a.count,
      });
  }
  for (const r of await listRegulations(db, region, inspectionId))
    for (const findingId of r.findingIds.length > 0 ? r.findingIds : [null]) {
      const f = of(findingId);
      if (f) out.push({ ...f, type: 'regulation', date: r.date, name: r.name, docNumber: r.docNumber });
    }
  for (const r of await listRecoveries(db, region, inspectionId)) {
    const f = of(r.findingId);
    if (f)
      out.push({
        ...f,
        type: 'recovery',
        date: r.date,
        kind: r.kind as RecoveryKind,
        amountFen: Number(r.amountFen),
        note: r.note,
      });
  }
  for (const l of await listLeads(db, region, inspectionId)) {
    const f = of(l.findingId);
    if (f) out.push({ ...f, type: 'lead', date: l.date, count: l.count, receiver: l.receiver, note: l.note });
  }
  return out;
}

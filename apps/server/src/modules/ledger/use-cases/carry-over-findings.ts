import type { Executor } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { type InspectionKind } from '../ledger-outline.parser';
import { LedgerError } from '../ledger.errors';
import * as repo from '../ledger.repository';
import { isFindingDone, type FindingSource } from '../report-model';

import { buildSnapshot } from './build-report';

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
  const i = await repo.findInspection(tx, input.regionCode, input.inspectionId);
  if (!i || i.regionCode !== input.regionCode) throw notFound('巡察', input.inspectionId);
  return repo.insertFinding(tx, {
    regionCode: i.regionCode,
    inspectionId: i.id,
    number: await repo.nextFindingNumber(tx, i.regionCode, i.id),
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
  const from = await repo.findInspection(tx, input.regionCode, input.fromId);
  const to = await repo.findInspection(tx, input.regionCode, input.toId);
  if (!from || from.regionCode !== input.regionCode) throw notFound('巡察', input.fromId);
  if (!to || to.regionCode !== input.regionCode) throw notFound('巡察', input.toId);
  if (from.id === to.id) throw new LedgerError('LEDGER_BAD_REFERENCE', '不能延续自身');
  if (from.inspectedUnit !== to.inspectedUnit)
    throw new LedgerError('LEDGER_BAD_REFERENCE', '只能延续到同一被检查单位的下一次检查');
  const snapshot = await buildSnapshot(tx, from);
  const already = new Set(
    (await repo.listFindings(tx, to.regionCode, to.id)).map((f) => f.carriedOverFromId),
  );
  const rows = await repo.listFindings(tx, from.regionCode, from.id);
  const carried = [];
  for (const f of snapshot.findings) {
    if (isFindingDone(f) || already.has(f.id)) continue;
    const row = rows.find((r) => r.id === f.id)!;
    carried.push(
      await repo.insertFinding(tx, {
        regionCode: to.regionCode,
        inspectionId: to.id,
        number: await repo.nextFindingNumber(tx, to.regionCode, to.id),
        categoryId: null,
        title: row.title,
        description: row.description,
        severity: row.severity,
        source: row.source,
        carriedOverFromId: row.id,
      }),
    );
  }
  if (!to.carriedOverFromId)
    await repo.updateInspection(tx, to.regionCode, to.id, { carriedOverFromId: from.id });
  return carried;
}

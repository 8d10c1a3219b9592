import { type PublicFeedbackInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { runCommand } from '../../../platform/command';
import { type InspectionKind } from '../ledger-outline.parser';
import { LedgerError } from '../ledger.errors';
import { baseMeasureState, numberCategories } from '../ledger.policy';
import * as repo from '../ledger.repository';
import { buildReportModel, type LedgerSnapshot, type SnapshotFinding } from '../report-model';

import { getInspection, locateInspection } from '../ledger-access';
import { listAccountability, listLeads, listRecoveries, listRegulations } from '../ledger.read-model';

// ── The report (TRUTH-1: every number from the ledger at generation time) ─

/** The snapshot of an inspection already read (its region names every statement). */
export async function buildSnapshot(
  db: Executor,
  at: { regionCode: string; id: string },
): Promise<LedgerSnapshot> {
  const { regionCode, id: inspectionId } = at;
  const i = (await repo.findInspection(db, regionCode, inspectionId))!;
  const cats = numberCategories(await repo.listCategories(db, regionCode, inspectionId));
  const findings = await repo.listFindings(db, regionCode, inspectionId);
  const measures = await repo.listMeasureRows(db, { regionCode, inspectionId });
  const progress = await repo.listProgress(
    db,
    regionCode,
    measures.map((m) => m.id),
  );
  const accountability = await listAccountability(db, regionCode, inspectionId);
  const leads = await listLeads(db, regionCode, inspectionId);
  const regulations = await listRegulations(db, regionCode, inspectionId);
  const recoveries = await listRecoveries(db, regionCode, inspectionId);
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
    // The inspection's own count (leads not tied to a finding) and those recorded per finding.
    leadsReferred: i.leadsReferred + leads.reduce((n, l) => n + l.count, 0),
    narratives: { workDone: i.workDone, nextSteps: i.nextSteps },
    contact: {
      ...(i.contactPhone ? { phone: i.contactPhone } : {}),
      ...(i.contactEmail ? { email: i.contactEmail } : {}),
      ...(i.contactAddress ? { address: i.contactAddress } : {}),
    },
  };
}

export async function reportModel(deps: Deps, actor: Actor, inspectionId: string) {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.read');
  return buildReportModel(await buildSnapshot(deps.db, i), deps.clock.now());
}

export async function reportDocx(deps: Deps, actor: Actor, inspectionId: string) {
  const model = await reportModel(deps, actor, inspectionId);
  // The Word renderer (and docx) load on first use.
  const { renderReportDocx } = await import('../report-docx');
  return { model, buffer: await renderReportDocx(model) };
}

/**
 * A published inspection by its id alone (the public report page and its feedback form arrive with
 * the id only): found in its region by one region-free lookup (locateInspection).
 */
export async function getPublished(db: Executor, inspectionId: string) {
  const i = await locateInspection(db, inspectionId, undefined);
  if (!i || !i.publishedAt) throw new LedgerError('LEDGER_NOT_PUBLISHED');
  return i;
}

/** The public report page (no sign-in): published inspections only. */
export async function publicReport(deps: Deps, inspectionId: string) {
  const i = await getPublished(deps.db, inspectionId);
  return buildReportModel(await buildSnapshot(deps.db, i), deps.clock.now());
}

export async function submitPublicFeedback(
  deps: Deps,
  makeActor: (regionCode: string) => Actor,
  inspectionId: string,
  input: PublicFeedbackInput,
) {
  const i = await getPublished(deps.db, inspectionId);
  const actor = makeActor(i.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
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
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.write');
  return deps.db
    .selectFrom('ledgerPublicFeedback')
    .selectAll()
    .where('regionCode', '=', i.regionCode)
    .where('inspectionId', '=', inspectionId)
    .orderBy('createdAt', 'desc')
    .execute();
}

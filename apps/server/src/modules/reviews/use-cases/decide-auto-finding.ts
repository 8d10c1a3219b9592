import { AUTO_RULES, type AutoFinding, type AutoFindingAcceptInput } from '@tongban/contracts';
import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { forbidden } from '../../../platform/errors';
import { addSourcedFinding, createSourcedInspection, type SourcedFindingInput } from '../../ledger';
import { ReviewsError } from '../reviews.errors';
import * as repo from '../reviews.repository';
import { prefixOf } from './get-review-plan';

type Row = Awaited<ReturnType<typeof repo.listAutoFindings>>[number];
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
export const toAutoFinding = (r: Row): AutoFinding => ({
  id: r.id,
  rule: r.rule as AutoFinding['rule'],
  causeKey: r.causeKey,
  departmentId: r.departmentId,
  title: r.title,
  description: r.description,
  facts: (r.facts as AutoFinding['facts']) ?? null,
  evidence: r.evidence as AutoFinding['evidence'],
  status: r.status as AutoFinding['status'],
  openedAt: iso(r.openedAt)!,
  decidedAt: iso(r.decidedAt),
  dismissReason: r.dismissReason,
  ledgerInspectionId: r.ledgerInspectionId,
  ledgerFindingId: r.ledgerFindingId,
});

export async function listAutoFindings(deps: Deps, actor: Actor, status?: AutoFinding['status']) {
  assertAccess(actor, 'reviews.read');
  return { items: (await repo.listAutoFindings(deps.db, prefixOf(actor), status)).map(toAutoFinding) };
}

async function decide(
  deps: Deps,
  actor: Actor,
  id: string,
  change: (tx: Parameters<Parameters<typeof runCommand>[2]>[0], row: Row) => Promise<Record<string, unknown>>,
) {
  assertAccess(actor, 'reviews.findings');
  return runCommand(deps, actor, async (ctx) => {
    const row = await repo.findAutoFinding(ctx.tx, prefixOf(actor), id, true);
    if (!row) throw new ReviewsError('REVIEWS_NOT_FOUND', '自动发现的问题不存在');
    if (row.status !== 'draft') throw new ReviewsError('REVIEWS_FINDING_DECIDED');
    const patch = await change(ctx, row);
    await repo.updateAutoFinding(ctx.tx, row.regionCode, id, {
      ...patch,
      decidedBy: actor.userId,
      decidedAt: ctx.now,
    });
    const after = (await repo.findAutoFinding(ctx.tx, prefixOf(actor), id))!;
    return {
      result: toAutoFinding(after),
      audit: {
        action: `reviews.auto_finding.${after.status === 'accepted' ? 'accept' : 'dismiss'}`,
        entityType: 'review_auto_finding',
        entityId: id,
        regionCode: row.regionCode,
        summary: { rule: row.rule, ...patch },
      },
    };
  });
}

/** The supervisor accepts a draft into an inspection (a new 自查, or one that exists): it becomes a ledger finding. */
export async function acceptAutoFinding(deps: Deps, actor: Actor, id: string, input: AutoFindingAcceptInput) {
  if (!checkAccess(actor, 'ledger.write')) throw forbidden();
  return decide(deps, actor, id, async ({ tx }, row) => {
    const inspectionId =
      'inspectionId' in input
        ? input.inspectionId
        : (
            await createSourcedInspection(tx, {
              regionCode: row.regionCode,
              ...input.newInspection,
              createdBy: actor.userId,
            })
          ).id;
    const finding = await addSourcedFinding(tx, {
      regionCode: row.regionCode,
      inspectionId,
      title: row.title,
      description: `${row.description}\n（自动发现：${AUTO_RULES[row.rule as keyof typeof AUTO_RULES].label}；依据记录 ${(row.evidence as { label: string }[]).map((e) => e.label).join('、')}）`,
      source: AUTO_RULES[row.rule as keyof typeof AUTO_RULES].source as SourcedFindingInput['source'],
    }).catch((e: unknown) => {
      if (e instanceof Error && 'status' in e && (e as { status: number }).status === 404)
        throw new ReviewsError('REVIEWS_BAD_REFERENCE', '巡察不存在或不在本辖区');
      throw e;
    });
    return { status: 'accepted', ledgerInspectionId: inspectionId, ledgerFindingId: finding.id };
  });
}

/** Dismissed with a reason; the cause stays dismissed (the rule never opens it again). */
export async function dismissAutoFinding(deps: Deps, actor: Actor, id: string, reason: string) {
  return decide(deps, actor, id, async () => ({ status: 'dismissed', dismissReason: reason }));
}

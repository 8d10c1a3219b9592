import type { ComplaintCreate, MarketFigures, MarketRuleList, RuleCreate } from '@tongban/contracts';
import { toShanghaiDate } from '@tongban/calendar';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { IntermediariesError } from '../intermediaries.errors';
import * as repo from '../intermediaries.repository';

/** Rules and the fee catalogue are published with the date they take effect and the date of publication. */
export async function publishRule(deps: Deps, actor: Actor, input: RuleCreate): Promise<{ id: string }> {
  assertAccess(actor, 'intermediaries.rule.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const { id } = await repo.insertRule(tx, { regionCode: actor.regionCode, ...input, publishedAt: now });
    return {
      result: { id },
      audit: {
        action: 'intermediaries.rule.publish',
        entityType: 'intermediary_rule',
        entityId: id,
        summary: { kind: input.kind, effectiveFrom: input.effectiveFrom },
      },
    };
  });
}

export async function listRules(deps: Deps, regionCode: string): Promise<MarketRuleList> {
  const rows = await repo.listRules(deps.db, regionCode);
  return {
    items: rows.map((r) => ({
      ...r,
      effectiveFrom: String(r.effectiveFrom),
      publishedAt: r.publishedAt.toISOString(),
    })),
  };
}

export async function fileComplaint(
  deps: Deps,
  actor: Actor,
  input: ComplaintCreate,
): Promise<{ id: string }> {
  const p = await repo.findPurchaseAnyRegion(deps.db, input.purchaseId);
  if (!p) throw new IntermediariesError('INTERMEDIARY_PURCHASE_NOT_FOUND');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const { id } = await repo.insertComplaint(tx, {
      regionCode: p.regionCode,
      purchaseId: p.id,
      body: input.body,
      createdAt: now,
    });
    return {
      result: { id },
      audit: {
        action: 'intermediaries.complaint',
        entityType: 'intermediary_purchase',
        entityId: p.id,
        regionCode: p.regionCode,
      },
    };
  });
}

/** Figures of use and complaints, counted from the records (TRUTH-1). */
export async function getMarketFigures(deps: Deps, actor: Actor): Promise<MarketFigures> {
  assertAccess(actor, 'intermediaries.read');
  const [n, purchases, complaints, links] = await repo.figures(
    deps.db,
    actor.regionCode,
    toShanghaiDate(deps.clock.now()),
  );
  return {
    intermediaries: Number(n.n),
    purchases: purchases.map((p) => ({
      method: p.method,
      count: Number(p.count),
      completed: Number(p.completed),
    })),
    complaints: Number(complaints.n),
    linksPending: Number(links.pending),
    linksOverdue: Number(links.overdue),
  };
}

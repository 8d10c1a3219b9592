import type {
  Purchase,
  PurchaseAdvance,
  PurchaseCreate,
  PurchaseList,
  PurchaseSelect,
  QuoteCreate,
} from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { hashSeed, newSeed, SeedStream } from '../../trading';
import { IntermediariesError } from '../intermediaries.errors';
import { lowestQuote, NEXT, qualifiedIds } from '../intermediaries.policy';
import * as repo from '../intermediaries.repository';
import { intermediaryByToken } from './register-intermediary';

/** A project owner publishes a need; a random draw commits its seed now (hash public before the draw). */
export async function createPurchase(
  deps: Deps,
  actor: Actor,
  input: PurchaseCreate,
): Promise<{ id: string }> {
  assertAccess(actor, 'intermediaries.purchase.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const seed = input.method === 'draw' ? newSeed() : null;
    const p = await repo.insertPurchase(tx, {
      regionCode: actor.regionCode,
      ...input,
      seed,
      seedHash: seed ? hashSeed(seed) : null,
      publishedAt: now,
    });
    return {
      result: { id: p.id },
      audit: {
        action: 'intermediaries.purchase.create',
        entityType: 'intermediary_purchase',
        entityId: p.id,
        summary: { method: input.method, seedHash: p.seedHash },
      },
    };
  });
}

/** Chooses the intermediary: directly, by a random draw among the qualified, or the lowest quote. */
export async function selectIntermediary(deps: Deps, actor: Actor, id: string, input: PurchaseSelect) {
  assertAccess(actor, 'intermediaries.purchase.write');
  await runCommand(deps, actor, async ({ tx }) => {
    const p = await repo.findPurchase(tx, actor.regionCode, id, true);
    if (!p) throw new IntermediariesError('INTERMEDIARY_PURCHASE_NOT_FOUND');
    if (p.status !== 'published') throw new IntermediariesError('INTERMEDIARY_PURCHASE_STATE');
    const qualified = qualifiedIds(await repo.listIntermediaries(tx, p.regionCode), p.serviceKind);
    let chosenId: string;
    let price: number | null = null;
    let candidates: string[] | null = null;
    if (p.method === 'direct') {
      if (!input.intermediaryId)
        throw new IntermediariesError('INTERMEDIARY_FIELD_REQUIRED', '直接选取须指定中介机构');
      if (!qualified.includes(input.intermediaryId))
        throw new IntermediariesError('INTERMEDIARY_NOT_QUALIFIED');
      chosenId = input.intermediaryId;
    } else if (p.method === 'draw') {
      if (qualified.length === 0) throw new IntermediariesError('INTERMEDIARY_NONE_QUALIFIED');
      candidates = qualified;
      chosenId = qualified[new SeedStream(p.seed!).below(qualified.length)]!;
    } else {
      const best = lowestQuote(
        (await repo.listQuotes(tx, p.regionCode, [id])).map((q) => ({
          ...q,
          amountYuan: Number(q.amountYuan),
        })),
      );
      if (!best) throw new IntermediariesError('INTERMEDIARY_NO_QUOTES');
      chosenId = best.intermediaryId;
      price = best.amountYuan;
    }
    await repo.updatePurchase(tx, p.regionCode, id, {
      status: 'selected',
      chosenId,
      priceYuan: price,
      candidates: candidates ? JSON.stringify(candidates) : null,
    });
    return {
      result: undefined,
      audit: {
        action: 'intermediaries.purchase.select',
        entityType: 'intermediary_purchase',
        entityId: id,
        summary: { method: p.method, chosenId },
      },
    };
  });
}

export async function advancePurchase(deps: Deps, actor: Actor, id: string, input: PurchaseAdvance) {
  assertAccess(actor, 'intermediaries.purchase.write');
  await runCommand(deps, actor, async ({ tx, now }) => {
    const p = await repo.findPurchase(tx, actor.regionCode, id, true);
    if (!p) throw new IntermediariesError('INTERMEDIARY_PURCHASE_NOT_FOUND');
    if (p.status !== NEXT[input.action].from) throw new IntermediariesError('INTERMEDIARY_PURCHASE_STATE');
    if (input.action === 'contract') {
      const price = input.priceYuan ?? (p.priceYuan == null ? undefined : Number(p.priceYuan));
      if (price === undefined)
        throw new IntermediariesError('INTERMEDIARY_FIELD_REQUIRED', '签约须填写合同金额');
      await repo.updatePurchase(tx, p.regionCode, id, {
        status: 'contracted',
        priceYuan: price,
        contractedAt: now,
      });
    } else {
      if (!input.rating)
        throw new IntermediariesError('INTERMEDIARY_FIELD_REQUIRED', '完成时须评价服务（1–5）');
      await repo.updatePurchase(tx, p.regionCode, id, {
        status: 'completed',
        rating: input.rating,
        completedAt: now,
      });
    }
    return {
      result: undefined,
      audit: {
        action: `intermediaries.purchase.${input.action}`,
        entityType: 'intermediary_purchase',
        entityId: id,
      },
    };
  });
}

/** The market: every need with its result; a draw's seed shows only once it has chosen. */
export async function listPurchases(deps: Deps, regionCode: string): Promise<PurchaseList> {
  const rows = await repo.listPurchases(deps.db, regionCode);
  const quotes = await repo.listQuotes(
    deps.db,
    regionCode,
    rows.map((r) => r.id),
  );
  const items: Purchase[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    ownerName: r.ownerName,
    serviceKind: r.serviceKind as Purchase['serviceKind'],
    budgetYuan: Number(r.budgetYuan),
    method: r.method,
    status: r.status as Purchase['status'],
    seedHash: r.seedHash,
    seed: r.status === 'published' ? null : r.seed,
    candidates: (r.candidates as string[] | null) ?? null,
    chosenId: r.chosenId,
    chosenName: r.chosenName ?? null,
    priceYuan: r.priceYuan == null ? null : Number(r.priceYuan),
    rating: r.rating,
    quotes: quotes
      .filter((q) => q.purchaseId === r.id)
      .map((q) => ({ intermediaryId: q.intermediaryId, name: q.name, amountYuan: Number(q.amountYuan) })),
    publishedAt: r.publishedAt.toISOString(),
  }));
  return { items };
}

export async function submitQuote(deps: Deps, actor: Actor, input: QuoteCreate) {
  const i = await intermediaryByToken(deps, input.token);
  await runCommand(deps, actor, async ({ tx, now }) => {
    const p = await repo.findPurchase(tx, i.regionCode, input.purchaseId, true);
    if (!p) throw new IntermediariesError('INTERMEDIARY_PURCHASE_NOT_FOUND');
    if (p.status !== 'published' || p.method !== 'quote')
      throw new IntermediariesError('INTERMEDIARY_PURCHASE_STATE');
    if (!i.serviceKinds.includes(p.serviceKind)) throw new IntermediariesError('INTERMEDIARY_NOT_QUALIFIED');
    await repo.upsertQuote(tx, {
      regionCode: i.regionCode,
      purchaseId: p.id,
      intermediaryId: i.id,
      amountYuan: input.amountYuan,
      createdAt: now,
    });
    return {
      result: undefined,
      audit: {
        action: 'intermediaries.quote',
        entityType: 'intermediary_purchase',
        entityId: p.id,
        regionCode: i.regionCode,
      },
    };
  });
}

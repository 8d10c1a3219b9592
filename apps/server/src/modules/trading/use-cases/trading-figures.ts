import { TradingKind, type DeclarationCreate, type TradingFigures } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import * as repo from '../trading.repository';

const DEFINITION =
  '进场交易率 = 本年在平台登记并发布公告的交易数 ÷（该数 + 各部门申报的场外交易数）。分母只能包含已申报的场外交易：未申报的场外交易无从统计，故该比率是上限，申报本身可被巡察核对。';

/** 应进必进 (TRUTH-1): the on-platform share by kind, computed from records, with its honest denominator. */
export async function getTradingFigures(deps: Deps, actor: Actor, year?: number): Promise<TradingFigures> {
  assertAccess(actor, 'trading.read');
  const y = year ?? Number(deps.clock.now().toISOString().slice(0, 4));
  const from = new Date(`${y}-01-01T00:00:00+08:00`);
  const to = new Date(`${y + 1}-01-01T00:00:00+08:00`);
  const [on, off] = await Promise.all([
    repo.countTradesByKind(deps.db, actor.regionCode, from, to),
    repo.sumDeclarationsByKind(deps.db, actor.regionCode, y),
  ]);
  return {
    year: y,
    definition: DEFINITION,
    byKind: TradingKind.options.map((kind) => {
      const onPlatform = Number(on.find((r) => r.kind === kind)?.n ?? 0);
      const declaredOff = Number(off.find((r) => r.kind === kind)?.n ?? 0);
      const total = onPlatform + declaredOff;
      return {
        kind,
        onPlatform,
        declaredOff,
        share: total ? Math.round((onPlatform / total) * 1000) / 1000 : null,
      };
    }),
  };
}

/** A department declares the trades it held off the platform (the denominator's other half). */
export async function declareOffPlatform(
  deps: Deps,
  actor: Actor,
  input: DeclarationCreate,
): Promise<{ id: string }> {
  assertAccess(actor, 'trading.declaration.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const { id } = await repo.insertDeclaration(tx, {
      regionCode: actor.regionCode,
      ...input,
      createdAt: now,
    });
    return {
      result: { id },
      audit: {
        action: 'trading.declaration.create',
        entityType: 'trading_offplatform_declaration',
        entityId: id,
        summary: { year: input.year, kind: input.kind, count: input.tradeCount },
      },
    };
  });
}

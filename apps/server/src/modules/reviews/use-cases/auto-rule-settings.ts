import { AUTO_RULES, AutoRuleKey, type AutoRuleInput } from '@tongban/contracts';
import type { z } from 'zod';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import * as repo from '../reviews.repository';

export type RuleSettings = Record<AutoRuleKey, { threshold: number; enabled: boolean }>;

/** The region's threshold for each rule; a rule never set uses its written default. */
export async function ruleSettings(db: Executor, regionCode: string): Promise<RuleSettings> {
  const rows = await repo.listRuleSettings(db, regionCode);
  const out = {} as RuleSettings;
  for (const key of AutoRuleKey.options) {
    const r = rows.find((x) => x.rule === key);
    out[key] = r
      ? { threshold: Number(r.threshold), enabled: r.enabled }
      : { threshold: AUTO_RULES[key].defaultThreshold, enabled: true };
  }
  return out;
}

export async function listAutoRules(deps: Deps, actor: Actor) {
  assertAccess(actor, 'reviews.read');
  const s = await ruleSettings(deps.db, actor.regionCode);
  return {
    items: AutoRuleKey.options.map((key) => ({
      key,
      label: AUTO_RULES[key].label,
      definition: AUTO_RULES[key].definition,
      unit: AUTO_RULES[key].unit,
      pending: AUTO_RULES[key].pending,
      ...s[key],
    })),
  };
}

export async function setAutoRule(
  deps: Deps,
  actor: Actor,
  rule: AutoRuleKey,
  input: z.infer<typeof AutoRuleInput>,
) {
  assertAccess(actor, 'reviews.findings');
  const before = (await ruleSettings(deps.db, actor.regionCode))[rule];
  await runCommand(deps, actor, async ({ tx, now }) => {
    await repo.upsertRuleSetting(tx, {
      regionCode: actor.regionCode,
      rule,
      threshold: input.threshold,
      enabled: input.enabled ?? before.enabled,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    return {
      result: null,
      audit: {
        action: 'reviews.rule.update',
        entityType: 'review_rule_setting',
        entityId: rule,
        regionCode: actor.regionCode,
        summary: { rule, from: before, to: input },
      },
    };
  });
  return listAutoRules(deps, actor);
}

import { AUTO_RULES } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { listConcludedCaseFacts } from '../../cases';
import { periodRange, previousMonth, redShareFires, shanghaiStart } from '../reviews.policy';
import { departmentsIn } from '../reviews.read-model';
import * as repo from '../reviews.repository';
import { ruleSettings } from './auto-rule-settings';

/** One late-share figure per department for a month: cases decided past the promised limit ÷ decided. */
async function monthShares(deps: Deps, regionCode: string, month: string) {
  const r = periodRange('month', month)!;
  const facts = await listConcludedCaseFacts(deps, {
    regionCode,
    from: shanghaiStart(r.start),
    to: shanghaiStart(r.end),
  });
  const by = new Map<string, { late: string[]; concluded: number }>();
  for (const f of facts) {
    const e = by.get(f.departmentId) ?? { late: [], concluded: 0 };
    e.concluded += 1;
    if (f.onTime === false) e.late.push(`${f.id}|${f.caseNo}`);
    by.set(f.departmentId, e);
  }
  return by;
}

/**
 * Every automatic rule over a region's month. Each cause (rule + department + months) opens at most
 * one draft: a cause already open, accepted or dismissed opens nothing again. Rules whose source
 * module has not landed (差评, complaints, patrols) are listed as pending and never fire.
 */
export async function evaluateAutoRules(deps: Deps, actor: Actor, month: string) {
  assertAccess(actor, 'reviews.findings');
  const regionCode = actor.regionCode;
  const rules = await ruleSettings(deps.db, regionCode);
  const opened: Parameters<typeof repo.insertAutoFinding>[1][] = [];
  let checked = 0;
  const now = deps.clock.now();
  if (rules.red_share_two_months.enabled) {
    const prev = previousMonth(month);
    const [a, b] = await Promise.all([
      monthShares(deps, regionCode, prev),
      monthShares(deps, regionCode, month),
    ]);
    const t = rules.red_share_two_months.threshold;
    for (const d of await departmentsIn(deps, regionCode)) {
      checked += 1;
      const m1 = a.get(d.id) ?? { late: [], concluded: 0 };
      const m2 = b.get(d.id) ?? { late: [], concluded: 0 };
      if (
        !redShareFires(
          [
            { late: m1.late.length, concluded: m1.concluded },
            { late: m2.late.length, concluded: m2.concluded },
          ],
          t,
        )
      )
        continue;
      const pct = (x: { late: string[]; concluded: number }) =>
        `${((x.late.length / x.concluded) * 100).toFixed(1)}%`;
      opened.push({
        regionCode,
        rule: 'red_share_two_months',
        causeKey: `dept:${d.id}:${prev}..${month}`,
        departmentId: d.id,
        title: `${d.name}连续两月超期办结占比超标（${prev} ${pct(m1)}，${month} ${pct(m2)}）`,
        description: `${AUTO_RULES.red_share_two_months.definition}（阈值 ${(t * 100).toFixed(0)}%）`,
        evidence: JSON.stringify(
          [...m1.late, ...m2.late].slice(0, 100).map((x) => {
            const [id, no] = x.split('|');
            return { kind: 'case', id: id!, label: `超期办件 ${no}` };
          }),
        ),
        openedAt: now,
      });
    }
  }
  return runCommand(deps, actor, async ({ tx }) => {
    let n = 0;
    for (const f of opened) n += await repo.insertAutoFinding(tx, f);
    return {
      result: { opened: n, checked },
      audit: {
        action: 'reviews.rules.evaluate',
        entityType: 'review_auto_finding',
        entityId: month,
        regionCode,
        summary: { month, opened: n },
      },
    };
  });
}

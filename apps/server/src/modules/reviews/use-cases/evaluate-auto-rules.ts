import { AUTO_RULES, PATROL_PROBLEM_LABELS, regionPrefix, type PatrolProblemKind } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { readComplaintsForReviews } from '../../complaints';
import { readRatingsForReviews } from '../../evaluations';
import { readPatrolProblemsForReviews } from '../../hall';
import { readConcludedCountsForReviews } from '../../supervision';
import { clustersOf, periodRange, previousMonth, redShareFires, shanghaiStart } from '../reviews.policy';
import { departmentsIn } from '../reviews.read-model';
import * as repo from '../reviews.repository';
import { ruleSettings } from './auto-rule-settings';

type Draft = Parameters<typeof repo.insertAutoFinding>[1];
const MAX_EVIDENCE = 100;

/**
 * One late-share figure per department for a month, from supervision's stored facts (RATE-1): cases
 * decided past the promised limit ÷ cases decided.
 */
async function monthShares(deps: Deps, regionCode: string, month: string) {
  const counts = await readConcludedCountsForReviews(deps.db, {
    regionPrefix: regionPrefix(regionCode),
    fromMonth: month,
    toMonth: month,
    sample: MAX_EVIDENCE,
  });
  const by = new Map<string, { late: number; concluded: number; cases: { id: string; no: string }[] }>();
  for (const c of counts) {
    const e = by.get(c.departmentId) ?? { late: 0, concluded: 0, cases: [] };
    e.concluded += Number(c.cases);
    e.late += Number(c.cases) - Number(c.onTime);
    for (const x of c.late ?? []) {
      const [id, no] = x.split('|') as [string, string];
      e.cases.push({ id, no });
    }
    by.set(c.departmentId, e);
  }
  return by;
}

const monthInstants = (month: string) => {
  const r = periodRange('month', month)!;
  return { from: shanghaiStart(r.start), to: shanghaiStart(r.end) };
};

/**
 * Every automatic rule over a region's month. Each cause (rule + unit + month(s)) opens at most one
 * draft: a cause already open, accepted or dismissed opens nothing again.
 */
export async function evaluateAutoRules(deps: Deps, actor: Actor, month: string) {
  assertAccess(actor, 'reviews.findings');
  const regionCode = actor.regionCode;
  const prefix = regionPrefix(regionCode);
  const rules = await ruleSettings(deps.db, regionCode);
  const opened: Draft[] = [];
  let checked = 0;
  const now = deps.clock.now();
  const range = { regionPrefix: prefix, ...monthInstants(month) };
  const depts = await departmentsIn(deps, regionCode);
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const described = (rule: keyof typeof AUTO_RULES, t: number, unit: string) =>
    `${AUTO_RULES[rule].definition}（阈值 ${t}${unit}）`;

  if (rules.red_share_two_months.enabled) {
    const prev = previousMonth(month);
    const [a, b] = await Promise.all([
      monthShares(deps, regionCode, prev),
      monthShares(deps, regionCode, month),
    ]);
    const t = rules.red_share_two_months.threshold;
    for (const d of depts) {
      checked += 1;
      const m1 = a.get(d.id) ?? { late: 0, concluded: 0, cases: [] };
      const m2 = b.get(d.id) ?? { late: 0, concluded: 0, cases: [] };
      if (!redShareFires([m1, m2], t)) continue;
      const pct = (x: { late: number; concluded: number }) => `${((x.late / x.concluded) * 100).toFixed(1)}%`;
      opened.push({
        regionCode,
        rule: 'red_share_two_months',
        causeKey: `dept:${d.id}:${prev}..${month}`,
        departmentId: d.id,
        title: `${d.name}连续两月超期办结占比超标（${prev} ${pct(m1)}，${month} ${pct(m2)}）`,
        description: `${AUTO_RULES.red_share_two_months.definition}（阈值 ${(t * 100).toFixed(0)}%）`,
        facts: JSON.stringify({
          department: d.name,
          from: prev,
          to: month,
          shareFrom: pct(m1),
          shareTo: pct(m2),
          threshold: t,
        }),
        evidence: JSON.stringify(
          [...m1.cases, ...m2.cases]
            .slice(0, MAX_EVIDENCE)
            .map((c) => ({ kind: 'case', id: c.id, label: `超期办件 ${c.no}`, ref: c.no, note: 'overdue' })),
        ),
        openedAt: now,
      });
    }
  }

  if (rules.bad_review_cluster.enabled) {
    const t = rules.bad_review_cluster.threshold;
    const bad = (await readRatingsForReviews(deps.db, range)).filter((r) => !r.excluded && r.level <= 2);
    const groups = clustersOf(bad, (r) => r.itemId, 1);
    checked += groups.length;
    for (const g of groups.filter((x) => x.rows.length >= Math.max(1, t))) {
      const first = g.rows[0]!;
      opened.push({
        regionCode,
        rule: 'bad_review_cluster',
        causeKey: `item:${g.key}:${month}`,
        departmentId: first.departmentId,
        title: `「${first.itemName ?? '—'}」${month}差评集中（${g.rows.length} 件）`,
        description: described('bad_review_cluster', t, AUTO_RULES.bad_review_cluster.unit),
        facts: JSON.stringify({ item: first.itemName ?? '—', month, count: g.rows.length, threshold: t }),
        evidence: JSON.stringify(
          g.rows.slice(0, MAX_EVIDENCE).map((r) => ({
            kind: 'rating',
            id: r.id,
            label: `差评（${r.level === 1 ? '非常不满意' : '不满意'}）${r.windowName ?? ''}`,
            ref: r.windowName ?? '',
            note: String(r.level),
          })),
        ),
        openedAt: now,
      });
    }
  }

  if (rules.repeat_complaints_window.enabled) {
    const t = rules.repeat_complaints_window.threshold;
    const rows = (await readComplaintsForReviews(deps.db, range)).filter((r) => r.subjectKind === 'window');
    const groups = clustersOf(rows, (r) => r.subjectId, 1);
    checked += groups.length;
    for (const g of groups.filter((x) => x.rows.length >= Math.max(1, t))) {
      const first = g.rows[0]!;
      const window = first.windowNumber
        ? `${first.windowNumber}号窗口 ${first.windowName ?? ''}`.trim()
        : '同一窗口';
      opened.push({
        regionCode,
        rule: 'repeat_complaints_window',
        causeKey: `window:${g.key}:${month}`,
        departmentId: first.departmentId && deptName.has(first.departmentId) ? first.departmentId : null,
        title: `${window}${month}被重复投诉（${g.rows.length} 件）`,
        description: described('repeat_complaints_window', t, AUTO_RULES.repeat_complaints_window.unit),
        facts: JSON.stringify({
          windowNumber: first.windowNumber ?? null,
          windowName: first.windowName ?? null,
          month,
          count: g.rows.length,
          threshold: t,
        }),
        evidence: JSON.stringify(
          g.rows
            .slice(0, MAX_EVIDENCE)
            .map((r) => ({ kind: 'complaint', id: r.id, label: `工单 ${r.orderNo}`, ref: r.orderNo })),
        ),
        openedAt: now,
      });
    }
  }

  if (rules.patrol_problem_repeat.enabled) {
    const t = rules.patrol_problem_repeat.threshold;
    const rows = await readPatrolProblemsForReviews(deps.db, range);
    const keyOf = (r: (typeof rows)[number]) =>
      r.windowId ? `window:${r.windowId}:${r.kind}` : r.staffId ? `staff:${r.staffId}:${r.kind}` : null;
    const groups = clustersOf(rows, keyOf, 1);
    checked += groups.length;
    for (const g of groups.filter((x) => x.rows.length >= Math.max(1, t))) {
      const first = g.rows[0]!;
      const where = first.windowNumber
        ? `${first.windowNumber}号窗口 ${first.windowName ?? ''}`.trim()
        : '同一人员';
      const label = PATROL_PROBLEM_LABELS[first.kind as PatrolProblemKind] ?? first.kind;
      opened.push({
        regionCode,
        rule: 'patrol_problem_repeat',
        causeKey: `patrol:${g.key}:${month}`,
        departmentId: first.departmentId && deptName.has(first.departmentId) ? first.departmentId : null,
        title: `${where}${month}巡查${g.rows.length}次发现「${label}」`,
        description: described('patrol_problem_repeat', t, AUTO_RULES.patrol_problem_repeat.unit),
        facts: JSON.stringify({
          windowNumber: first.windowNumber ?? null,
          windowName: first.windowName ?? null,
          problem: first.kind,
          month,
          count: g.rows.length,
          threshold: t,
        }),
        evidence: JSON.stringify(
          g.rows.slice(0, MAX_EVIDENCE).map((r) => {
            const day = new Date(r.foundAt).toISOString().slice(0, 10);
            return { kind: 'patrol_problem', id: r.id, label: `${label} ${day}`, ref: day, note: r.kind };
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

import { AUTO_RULES, type AutoFinding, type AutoRuleKey } from '@tongban/contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Evidence = AutoFinding['evidence'][number];

export const UNIT_KEYS: Record<string, string> = {
  占比: 'share',
  分: 'points',
  处: 'count',
  件: 'items',
  次: 'times',
};

/** A rule's threshold as its screen shows it: a share as a percentage, else the number and its unit. */
export function thresholdText(t: Translate, rule: AutoRuleKey, threshold: number): string {
  const unit = AUTO_RULES[rule].unit;
  if (unit === '占比') return `${Math.round(threshold * 100)}%`;
  return `${threshold} ${t(`reviews.labels.ruleUnit.${UNIT_KEYS[unit] ?? 'count'}`)}`;
}

/**
 * An automatic finding's title and description in the UI language. In Chinese they are the stored
 * sentences (they go into the ledger as they are). In another language the rule's template is filled
 * in with the finding's facts; a finding opened before the facts were kept shows its sentences.
 * Names (departments, items, plans, windows) are data and stay as recorded.
 */
export function findingText(
  t: Translate,
  chinese: boolean,
  f: Pick<AutoFinding, 'rule' | 'title' | 'description' | 'facts'>,
): { title: string; description: string } {
  const facts = f.facts;
  if (chinese || !facts) return { title: f.title, description: f.description };
  const where = (fallback: string) =>
    facts.windowNumber
      ? t('reviews.labels.findingText.window', {
          number: facts.windowNumber,
          name: facts.windowName ?? '',
        }).trim()
      : t(`reviews.labels.findingText.${fallback}`);
  const values: Record<string, unknown> = {
    ...facts,
    where: where(f.rule === 'patrol_problem_repeat' ? 'samePerson' : 'sameWindow'),
    problem: facts.problem ? t(`hall.enum.problem.${facts.problem}`) : '',
    interpolation: { escapeValue: false },
  };
  const title = t(`reviews.labels.findingTitle.${f.rule}`, values);
  const definition = t(`reviews.labels.ruleDef.${f.rule}`);
  const threshold = typeof facts.threshold === 'number' ? thresholdText(t, f.rule, facts.threshold) : null;
  let description = threshold
    ? t('reviews.labels.findingText.withThreshold', {
        definition,
        threshold,
        interpolation: { escapeValue: false },
      })
    : definition;
  if (f.rule === 'low_review_score' && facts.comment)
    description += ` ${t('reviews.labels.findingText.comment', { comment: facts.comment, interpolation: { escapeValue: false } })}`;
  return { title, description };
}

/** One record a finding rests on, in the UI language (the stored Chinese line when it cannot say more). */
export function evidenceText(t: Translate, chinese: boolean, e: Evidence): string {
  if (chinese || e.ref === undefined) return e.label;
  const o = { ref: e.ref, interpolation: { escapeValue: false } };
  switch (e.kind) {
    case 'case':
      return t(
        e.note === 'overdue' ? 'reviews.labels.evidence.overdueCase' : 'reviews.labels.evidence.case',
        o,
      );
    case 'rating':
      return t('reviews.labels.evidence.rating', { ...o, level: t(`evaluations.level.${e.note}`) }).trim();
    case 'complaint':
      return t('reviews.labels.evidence.complaint', o);
    case 'patrol_problem':
      return t('reviews.labels.evidence.patrolProblem', { ...o, problem: t(`hall.enum.problem.${e.note}`) });
    case 'review_file':
      return t('reviews.labels.evidence.reviewFile', { ...o, total: e.note });
    default:
      return e.label;
  }
}

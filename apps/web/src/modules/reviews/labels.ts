import type { AutoFinding } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { evidenceText, findingText, UNIT_KEYS } from './finding-text';

/** The domain words of the reviews screens in the chosen language (the contracts carry Chinese only). */
export function useReviewLabels() {
  const { t, i18n } = useTranslation();
  const chinese = !i18n.language?.startsWith('en');
  const l = (group: string) => (key: string) => t(`reviews.labels.${group}.${key}`);
  return {
    t,
    indicator: l('indicator'),
    indicatorDef: l('indicatorDef'),
    indicatorStatus: l('indicatorStatus'),
    unitKind: l('unitKind'),
    periodKind: l('periodKind'),
    findingStatus: l('findingStatus'),
    planStatus: l('planStatus'),
    rubric: l('rubric'),
    rule: l('rule'),
    ruleDef: l('ruleDef'),
    ruleUnit: (unit: string) => t(`reviews.labels.ruleUnit.${UNIT_KEYS[unit] ?? 'count'}`),
    finding: (f: Pick<AutoFinding, 'rule' | 'title' | 'description' | 'facts'>) => findingText(t, chinese, f),
    evidence: (e: AutoFinding['evidence'][number]) => evidenceText(t, chinese, e),
    misc: (key: string, o?: Record<string, unknown>) => t(`reviews.labels.misc.${key}`, o ?? {}),
  };
}

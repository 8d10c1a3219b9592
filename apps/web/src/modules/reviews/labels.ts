import { useTranslation } from 'react-i18next';

const UNIT_KEYS: Record<string, string> = {
  占比: 'share',
  分: 'points',
  处: 'count',
  件: 'items',
  次: 'times',
};

/** The domain words of the reviews screens in the chosen language (the contracts carry Chinese only). */
export function useReviewLabels() {
  const { t } = useTranslation();
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
    misc: (key: string, o?: Record<string, unknown>) => t(`reviews.labels.misc.${key}`, o ?? {}),
  };
}

import {
  HANDLING_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  ONLINE_LEVEL_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  type GuideLang,
} from '@tongban/contracts';
import type { TFunction } from 'i18next';
import { i18n } from '../../../app/i18n';

const ZH_ENUMS = {
  itemType: ITEM_TYPE_LABELS,
  handling: HANDLING_LABELS,
  onlineLevel: ONLINE_LEVEL_LABELS,
  requirement: MATERIAL_REQUIREMENT_LABELS,
  form: MATERIAL_FORM_LABELS,
  special: SPECIAL_PROCEDURE_LABELS,
} as const;
export type GuideEnum = keyof typeof ZH_ENUMS;

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export type GuideLabels = {
  /** The language of the fixed labels: Chinese for zh, English for en, ru and ko. */
  labelLang: 'zh' | 'en';
  t: TFunction;
  enumLabel: (group: GuideEnum, value: string) => string;
  /** A step of the template (受理、审查…) in the label language; unknown names stay as written. */
  stepLabel: (step: string) => string;
  /** Section heading with its number: “一、申请材料” / “1. Documents required”. */
  section: (n: number, key: string) => string;
};

/**
 * Fixed labels of a guide in its language: the guide text itself may be Russian or Korean, the
 * chrome around it then falls back to English (locales/en.json "guide"), Chinese stays Chinese.
 */
export function guideLabels(lang: GuideLang): GuideLabels {
  const labelLang = lang === 'zh' ? 'zh' : 'en';
  const t = i18n.getFixedT(labelLang, null, 'guide');
  return {
    labelLang,
    t,
    enumLabel: (group, value) =>
      labelLang === 'zh'
        ? ((ZH_ENUMS[group] as Record<string, string>)[value] ?? value)
        : t(`enum.${group}.${value}`, { defaultValue: value }),
    stepLabel: (step) => (labelLang === 'zh' ? step : t(`enum.step.${step}`, { defaultValue: step })),
    section: (n, key) => (labelLang === 'zh' ? `${CN_NUMBERS[n - 1] ?? n}、${t(key)}` : `${n}. ${t(key)}`),
  };
}

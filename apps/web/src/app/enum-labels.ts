import {
  ACCOUNTABILITY_KIND_LABELS,
  CASE_CHANNEL_LABELS,
  CASE_STATUS_LABELS,
  CATALOG_VERSION_STATUS_LABELS,
  DAY_STATUS_LABELS,
  DELIVERY_METHOD_LABELS,
  FINDING_SEVERITY_LABELS,
  GUIDE_LANG_LABELS,
  HANDLING_LABELS,
  ITEM_TYPE_LABELS,
  LEDGER_INSPECTION_KIND_LABELS,
  LEDGER_MEASURE_KIND_LABELS,
  LOCAL_DAY_KIND_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  MATERIAL_STATUS_LABELS,
  MEASURE_STATUS_LABELS,
  NOTICE_KIND_LABELS,
  ONLINE_LEVEL_LABELS,
  RECOVERY_KIND_LABELS,
  RECUR_PERIOD_LABELS,
  ROLE_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  SUSPENSION_KIND_LABELS,
} from '@tongban/contracts';
import { i18n } from './i18n';

// Where each contract's labels live in the English strings (app/locales/en.json).
const KEYS = new Map<object, string>([
  [ACCOUNTABILITY_KIND_LABELS, 'enums.accountabilityKind'],
  [CASE_CHANNEL_LABELS, 'enums.caseChannel'],
  [CASE_STATUS_LABELS, 'enums.caseStatus'],
  [CATALOG_VERSION_STATUS_LABELS, 'enums.catalogVersionStatus'],
  [DAY_STATUS_LABELS, 'enums.dayStatus'],
  [DELIVERY_METHOD_LABELS, 'enums.deliveryMethod'],
  [FINDING_SEVERITY_LABELS, 'enums.findingSeverity'],
  [GUIDE_LANG_LABELS, 'enums.guideLang'],
  [HANDLING_LABELS, 'guide.enum.handling'],
  [ITEM_TYPE_LABELS, 'guide.enum.itemType'],
  [LEDGER_INSPECTION_KIND_LABELS, 'enums.inspectionKind'],
  [LEDGER_MEASURE_KIND_LABELS, 'enums.measureKind'],
  [LOCAL_DAY_KIND_LABELS, 'enums.localDayKind'],
  [MATERIAL_FORM_LABELS, 'guide.enum.form'],
  [MATERIAL_REQUIREMENT_LABELS, 'guide.enum.requirement'],
  [MATERIAL_STATUS_LABELS, 'enums.materialStatus'],
  [MEASURE_STATUS_LABELS, 'enums.measureStatus'],
  [NOTICE_KIND_LABELS, 'enums.noticeKind'],
  [ONLINE_LEVEL_LABELS, 'guide.enum.onlineLevel'],
  [RECOVERY_KIND_LABELS, 'enums.recoveryKind'],
  [RECUR_PERIOD_LABELS, 'enums.recurPeriod'],
  [ROLE_LABELS, 'role'],
  [SPECIAL_PROCEDURE_LABELS, 'enums.specialProcedure'],
  [SUSPENSION_KIND_LABELS, 'enums.specialProcedure'],
]);

/**
 * A contract's labels (Chinese, shared with the API) in the UI language, read when called: in English
 * each code's text comes from the English strings, a code without one keeps its Chinese label.
 */
export function labelsOf<K extends string>(labels: Readonly<Record<K, string>>): Record<K, string> {
  const prefix = KEYS.get(labels);
  if (i18n.language !== 'en' || !prefix) return labels;
  const out = {} as Record<K, string>;
  for (const k of Object.keys(labels) as K[]) {
    out[k] = i18n.t(`${prefix}.${k}`, { defaultValue: labels[k] });
  }
  return out;
}

/** A step of an item's procedure (受理、审查、决定…) in the UI language; an unknown step keeps its name. */
export function stepLabel(name: string): string {
  return i18n.language === 'en' ? i18n.t(`guide.enum.step.${name}`, { defaultValue: name }) : name;
}

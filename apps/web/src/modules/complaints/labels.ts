import { useTranslation } from 'react-i18next';

type Group = 'type' | 'source' | 'status' | 'subject' | 'decision';

/** The module's enum labels in the current language (locales: complaints.<group>.<value>). */
export function useLabels() {
  const { t } = useTranslation();
  const label = (group: Group, value: string | null | undefined) =>
    value ? t(`complaints.${group}.${value}`) : '';
  const options = (group: Group, values: readonly string[]) =>
    values.map((value) => ({ value, label: label(group, value) }));
  return { t, label, options };
}

export const TYPES = ['consult', 'help', 'suggest', 'complain', 'report', 'praise'] as const;
export const SOURCES = [
  'hotline_12345',
  'window',
  'unresolved_window',
  'grievance_window',
  'comment_book',
  'online',
  'report_feedback',
  'invited_monitor',
] as const;
export const SUBJECTS = ['staff', 'window', 'department', 'item', 'case', 'none'] as const;

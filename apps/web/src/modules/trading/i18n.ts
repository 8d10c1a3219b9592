import { useTranslation } from 'react-i18next';

/**
 * The module's strings: the Chinese wording stays next to the code (it is the default and what the
 * API's labels say); the English lives in locales/en.json under trading.ui / trading.labels.
 */
export function useTr() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const tr = (key: string, zh: string, vars?: Record<string, unknown>): string =>
    t(`trading.ui.${key}`, { defaultValue: zh, ...vars });
  const label = <K extends string>(group: string, map: Record<K, string>, k: K): string =>
    t(`trading.labels.${group}.${k}`, { defaultValue: map[k] });
  const opts = <K extends string>(group: string, map: Record<K, string>) =>
    (Object.keys(map) as K[]).map((value) => ({ value, label: label(group, map, value) }));
  return { t, tr, label, opts, en, locale: en ? 'en-US' : 'zh-CN', list: en ? ', ' : '、' };
}

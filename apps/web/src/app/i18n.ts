import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { EMPLOYMENT_LABELS, HALL_LEVEL_LABELS, ROLE_LABELS, WINDOW_KIND_LABELS } from '@tongban/contracts';
import zh from './locales/zh.json';
import en from './locales/en.json';

// Each module keeps its own strings in modules/<m>/locales/{zh,en}.json, under its own top-level key.
type Strings = Record<string, unknown>;
const moduleStrings = (lang: 'zh' | 'en'): Strings =>
  Object.values(
    lang === 'zh'
      ? import.meta.glob<Strings>('../modules/*/locales/zh.json', { eager: true, import: 'default' })
      : import.meta.glob<Strings>('../modules/*/locales/en.json', { eager: true, import: 'default' }),
  ).reduce<Strings>((all, one) => ({ ...all, ...one }), {});

const isStrings = (v: unknown): v is Strings => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The app's strings with the modules' merged in, one level deep: a module never drops a key it shares. */
const withModules = (app: Strings, lang: 'zh' | 'en'): Strings => {
  const out: Strings = { ...app };
  for (const [key, value] of Object.entries(moduleStrings(lang))) {
    const mine = out[key];
    out[key] = isStrings(mine) && isStrings(value) ? { ...mine, ...value } : value;
  }
  return out;
};

export type Language = 'zh' | 'en';

const STORAGE_KEY = 'tongban.language';

function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyDocumentLanguage(lang: Language): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
}

const initial = readStoredLanguage();

// Chinese labels of domain enums come from contracts, so screen and API share one wording.
void i18n.use(initReactI18next).init({
  resources: {
    zh: {
      translation: {
        ...withModules(zh, 'zh'),
        role: ROLE_LABELS,
        windowKind: WINDOW_KIND_LABELS,
        hallLevel: HALL_LEVEL_LABELS,
        employment: EMPLOYMENT_LABELS,
      },
    },
    en: { translation: withModules(en, 'en') },
  },
  lng: initial,
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
applyDocumentLanguage(initial);

export function changeLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyDocumentLanguage(lang);
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh';
}

export { i18n };

/**
 * A module's string (modules/<m>/locales) in the current language, read when called: screens call it
 * while rendering, so a language switch shows at the next render. Never call it at import time.
 */
export function tr(key: string, vars?: Record<string, unknown>): string {
  return i18n.t(key, vars ?? {}) as string;
}

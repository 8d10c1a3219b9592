import type { InboxItem, MessageParams } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';

/** A template's raw text by key (i18next's resource for the current language), or undefined. */
export type TemplateLookup = (key: string) => string | undefined;

const PLACEHOLDER = /\{\{\s*([\w]+)(?:\|([\w.]+))?\s*\}\}/g;

/**
 * Fills `{{name}}` with the param, and `{{name|a.b}}` with the text at `a.b.<param>` (a label: a
 * rating level, a status). Undefined when a param or label is missing: the caller keeps the sentence
 * the message was written with rather than show a half-filled template.
 */
export function fill(template: string, params: MessageParams, lookup: TemplateLookup): string | undefined {
  let missing = false;
  const out = template.replace(PLACEHOLDER, (_, name: string, labels?: string) => {
    const v = params[name];
    if (v === undefined || v === '') {
      missing = true;
      return '';
    }
    if (!labels) return String(v);
    const label = lookup(`${labels}.${String(v)}`);
    if (label === undefined) missing = true;
    return label ?? '';
  });
  return missing ? undefined : out;
}

/**
 * A message in the UI language. Messages are written in Chinese, with the facts they were worded from
 * (params); in Chinese, or without facts, they show as written. In another language the kind's
 * template (`inbox.kinds.<kind, dots as _>.title`, `…_<variant>` first when params name a variant) is
 * filled with the facts; a kind without a template, or a fact it needs missing, shows as written.
 */
export function messageText(
  lookup: TemplateLookup,
  chinese: boolean,
  item: Pick<InboxItem, 'kind' | 'title' | 'body' | 'params'>,
): { title: string; body: string } {
  const params = item.params;
  if (chinese || !params) return { title: item.title, body: item.body };
  const base = `inbox.kinds.${item.kind.replace(/\./g, '_')}`;
  const variant = typeof params.variant === 'string' ? params.variant : undefined;
  const template = (part: 'title' | 'body') =>
    (variant !== undefined ? lookup(`${base}.${part}_${variant}`) : undefined) ?? lookup(`${base}.${part}`);
  const titleTemplate = template('title');
  const title = titleTemplate === undefined ? undefined : fill(titleTemplate, params, lookup);
  if (title === undefined) return { title: item.title, body: item.body };
  const bodyTemplate = template('body');
  const body = bodyTemplate === undefined ? undefined : fill(bodyTemplate, params, lookup);
  return { title, body: body ?? item.body };
}

/** messageText for the current language, as a screen renders it. */
export function useMessageText(): (item: Pick<InboxItem, 'kind' | 'title' | 'body' | 'params'>) => {
  title: string;
  body: string;
} {
  const { i18n } = useTranslation();
  const chinese = !i18n.language?.startsWith('en');
  const lookup: TemplateLookup = (key) => {
    const v: unknown = i18n.getResource(i18n.language, 'translation', key);
    return typeof v === 'string' ? v : undefined;
  };
  return (item) => messageText(lookup, chinese, item);
}

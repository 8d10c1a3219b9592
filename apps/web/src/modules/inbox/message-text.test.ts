import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fill, messageText, type TemplateLookup } from './message-text';

const EN: Record<string, string> = {
  'inbox.kinds.supervision_order.title_red_card': 'Red card: case {{caseNo}} awaits an answer',
  'inbox.kinds.supervision_order.title': 'Supervision order: case {{caseNo}}',
  'inbox.kinds.supervision_order.body_red_card': 'Deadline {{deadline}}.',
  'inbox.kinds.evaluations_bad_review_verify.title': 'Bad review to verify: {{level|evaluations.level}}',
  'evaluations.level.1': 'Very dissatisfied',
};
const lookup: TemplateLookup = (k) => EN[k];

describe('inbox messages in another language', () => {
  const order = {
    kind: 'supervision.order',
    title: '【红牌督办】办件 X-1 督办单待答复',
    body: '红牌督办。期限 2026-12-01',
    params: { caseNo: 'X-1', variant: 'red_card', deadline: '2026-12-01' },
  };

  it('Chinese, or a message without facts, shows as written', () => {
    expect(messageText(lookup, true, order)).toEqual({ title: order.title, body: order.body });
    expect(messageText(lookup, false, { ...order, params: null })).toEqual({
      title: order.title,
      body: order.body,
    });
  });

  it("fills the variant's template first, then the kind's", () => {
    expect(messageText(lookup, false, order)).toEqual({
      title: 'Red card: case X-1 awaits an answer',
      body: 'Deadline 2026-12-01.',
    });
    const other = { ...order, params: { caseNo: 'X-2', variant: 'no_reasons' } };
    // No body template for this variant: the body stays as written.
    expect(messageText(lookup, false, other)).toEqual({
      title: 'Supervision order: case X-2',
      body: order.body,
    });
  });

  it('a label by its param ({{level|evaluations.level}})', () => {
    const item = {
      kind: 'evaluations.bad_review.verify',
      title: '差评待核实',
      body: '',
      params: { level: 1 },
    };
    expect(messageText(lookup, false, item).title).toBe('Bad review to verify: Very dissatisfied');
  });

  it('a missing fact or label keeps the sentence, never a half-filled template', () => {
    expect(fill('Case {{caseNo}} due {{deadline}}', { caseNo: 'X' }, lookup)).toBeUndefined();
    expect(fill('{{level|evaluations.level}}', { level: 9 }, lookup)).toBeUndefined();
    const item = {
      kind: 'evaluations.bad_review.verify',
      title: '差评待核实',
      body: 'b',
      params: { level: 9 },
    };
    expect(messageText(lookup, false, item)).toEqual({ title: '差评待核实', body: 'b' });
    const unknown = { kind: 'nobody.knows', title: '标题', body: '正文', params: { a: 1 } };
    expect(messageText(lookup, false, unknown)).toEqual({ title: '标题', body: '正文' });
  });
});

describe("the inbox's English templates", () => {
  // All modules' English strings, as i18next merges them (modules/<m>/locales/en.json).
  const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const en: Record<string, unknown> = {};
  for (const m of readdirSync(modules)) {
    const file = path.join(modules, m, 'locales', 'en.json');
    if (existsSync(file)) Object.assign(en, JSON.parse(readFileSync(file, 'utf8')) as object);
  }
  const at = (key: string): unknown =>
    key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], en);
  const kinds = at('inbox.kinds') as Record<string, Record<string, string>>;

  it('every kind has a title, and every label a template names exists', () => {
    expect(Object.keys(kinds).length).toBeGreaterThan(20);
    for (const [kind, parts] of Object.entries(kinds)) {
      expect(parts.title, kind).toBeTypeOf('string');
      for (const text of Object.values(parts))
        for (const [, , labels] of text.matchAll(/\{\{\s*(\w+)(?:\|([\w.]+))?\s*\}\}/g))
          if (labels) expect(at(labels), `${kind}: ${labels}`).toBeTypeOf('object');
    }
  });
});

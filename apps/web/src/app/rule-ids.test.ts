import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14 point 11: users read the rule in words, never our ids (ACC-1, SOD-1, TRUTH-1 …). Code
 * comments and test names cite the ids (house style); nothing a screen shows may. This scans every
 * zh locale file, every string and JSX text of the web app, and every Chinese message of the server
 * and the contracts (what error dialogs show). OpenAPI summaries (`summary:`) are for developers.
 */

const ROOT = path.resolve(__dirname, '../../../..');
// A rule id on its own, not the tail of a longer code such as 350999-SCJG-010.
const RULE_ID = /(?<![\w-])[A-Z]{2,6}-\d/;
const HAN = /\p{Script=Han}/u;
// Names of standards that look like ids: UTF-8, SHA-256.
const TECHNICAL = /\b(UTF-8|SHA-256)\b/g;
const namesRule = (text: string) => RULE_ID.test(text.replace(TECHNICAL, ''));

function files(dir: string, pick: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : files(full, pick);
    return pick(e.name) ? [full] : [];
  });
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The texts a source file could put on a screen: string and template literals, JSX text. */
function texts(file: string, onlyChinese: boolean): { text: string; line: number }[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isPropertyAssignment(node) && node.name.getText(src) === 'summary') return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const text = node.text;
      if (!onlyChinese || HAN.test(text))
        found.push({ text, line: src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return found;
}

const isSource = (n: string) => /\.(ts|tsx)$/.test(n) && !/\.test\.tsx?$/.test(n);

// These read every source file (TypeScript's parser): seconds on a loaded 2-core machine.
describe('no rule ids on screen (issue 14 point 11)', { timeout: 60_000 }, () => {
  it('the zh locale files word every rule', () => {
    const locales = files(path.join(ROOT, 'apps/web/src'), (n) => n === 'zh.json');
    expect(locales.length).toBeGreaterThan(5);
    const hits = locales.flatMap((f) =>
      strings(JSON.parse(readFileSync(f, 'utf8')))
        .filter(namesRule)
        .map((s) => `${path.relative(ROOT, f)}: ${s}`),
    );
    expect(hits).toEqual([]);
  });

  it('the web app shows no rule id in its strings or JSX text', () => {
    const sources = files(path.join(ROOT, 'apps/web/src'), isSource);
    expect(sources.length).toBeGreaterThan(50);
    const hits = sources.flatMap((f) =>
      texts(f, false)
        .filter((t) => namesRule(t.text))
        .map((t) => `${path.relative(ROOT, f)}:${t.line}: ${t.text}`),
    );
    expect(hits).toEqual([]);
  });

  it('no Chinese message of the server or the contracts (error dialogs, documents) names a rule id', () => {
    const sources = [
      ...files(path.join(ROOT, 'apps/server/src'), isSource),
      ...files(path.join(ROOT, 'packages/contracts/src'), isSource),
    ];
    const hits = sources.flatMap((f) =>
      texts(f, true)
        .filter((t) => namesRule(t.text))
        .map((t) => `${path.relative(ROOT, f)}:${t.line}: ${t.text}`),
    );
    expect(hits).toEqual([]);
  });

  it('the check itself finds an id and lets an item code pass', () => {
    expect(namesRule('不能接办（SOD-1）')).toBe(true);
    expect(namesRule('如 350999-SCJG-010')).toBe(false);
    expect(namesRule('.txt 支持 UTF-8 和 GBK 编码')).toBe(false);
  });
});

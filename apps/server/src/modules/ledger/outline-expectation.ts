import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ParsedOutline } from './ledger-outline.parser';

/**
 * What a reviewer would have to end up with after importing a report: every category, finding
 * and measure where it belongs. Shared by the parser's tests and `npm run bench:ledger`, which
 * counts the fixtures parsed exactly.
 */
export type ExpectedMeasure = {
  /** The measure's content starts with this (markers such as "1." or "（1）" are not content). */
  starts: string;
  department?: string;
  dueDate?: string;
  kind?: 'immediate' | 'deadline' | 'ongoing';
};
export type ExpectedOutline = {
  genre: 'report' | 'feedback';
  categories: { title: string; parent?: string }[];
  findings: {
    title: string;
    category?: string;
    /** 问题表现 starts with this. */
    description?: string;
    measures: ExpectedMeasure[];
  }[];
};

export type StyleFixture = { name: string; text: string; expected: ExpectedOutline };

/** The fixtures in fixtures/styles: `NN-name.txt` with its `NN-name.expected.json`. */
export function loadStyleFixtures(dir: string): StyleFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.txt$/, '');
      return {
        name,
        text: readFileSync(path.join(dir, f), 'utf8'),
        expected: JSON.parse(
          readFileSync(path.join(dir, `${name}.expected.json`), 'utf8'),
        ) as ExpectedOutline,
      };
    });
}

/** Every difference between the parsed outline and the expectation, in words; [] when exact. */
export function compareOutline(outline: ParsedOutline, expected: ExpectedOutline): string[] {
  const diffs: string[] = [];
  if (outline.genre !== expected.genre) diffs.push(`genre ${outline.genre} ≠ ${expected.genre}`);
  const titleOf = new Map(outline.categories.map((c) => [c.key, c.title]));
  const gotCategories = outline.categories.map((c) => ({
    title: c.title,
    ...(c.parentKey !== undefined ? { parent: titleOf.get(c.parentKey) } : {}),
  }));
  if (JSON.stringify(gotCategories) !== JSON.stringify(expected.categories)) {
    diffs.push(`categories ${JSON.stringify(gotCategories)} ≠ ${JSON.stringify(expected.categories)}`);
  }
  if (outline.findings.length !== expected.findings.length) {
    diffs.push(
      `findings ${outline.findings.length} ≠ ${expected.findings.length}: ` +
        JSON.stringify(outline.findings.map((f) => f.title)),
    );
  }
  expected.findings.forEach((want, i) => {
    const got = outline.findings[i];
    if (!got) return;
    const at = `finding ${i + 1}`;
    if (got.title !== want.title) diffs.push(`${at} title “${got.title}” ≠ “${want.title}”`);
    const category = got.categoryKey !== undefined ? titleOf.get(got.categoryKey) : undefined;
    if (category !== want.category) diffs.push(`${at} category “${category}” ≠ “${want.category}”`);
    if (want.description !== undefined && !got.description.startsWith(want.description)) {
      diffs.push(`${at} description “${got.description.slice(0, 30)}” does not start “${want.description}”`);
    }
    if (got.measures.length !== want.measures.length) {
      diffs.push(
        `${at} measures ${got.measures.length} ≠ ${want.measures.length}: ` +
          JSON.stringify(got.measures.map((m) => m.content.slice(0, 12))),
      );
    }
    want.measures.forEach((wm, j) => {
      const gm = got.measures[j];
      if (!gm) return;
      const mat = `${at} measure ${j + 1}`;
      if (!gm.content.startsWith(wm.starts))
        diffs.push(`${mat} “${gm.content.slice(0, 20)}” does not start “${wm.starts}”`);
      for (const field of ['department', 'dueDate', 'kind'] as const) {
        if (wm[field] !== undefined && gm[field] !== wm[field]) {
          diffs.push(`${mat} ${field} ${String(gm[field])} ≠ ${wm[field]}`);
        }
      }
    });
  });
  return diffs;
}

/**
 * The shared reports sit in `shared/domain/reports` beside the repository (../shared from its
 * root). Looked for upwards from `from`, so the tests and the bench also run from a git worktree
 * nested one level deeper. A clone with no shared/ above it uses the copy in fixtures/reports.
 */
export function findReportsDir(from: string): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'shared', 'domain', 'reports');
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    // No shared/ beside this checkout (a clone elsewhere): the copy kept with the tests.
    if (up === dir) return path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'reports');
    dir = up;
  }
}

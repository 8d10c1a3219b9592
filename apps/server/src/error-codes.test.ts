import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '@tongban/contracts';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

// Where a code leaves the server: an error constructed with it, a reply or error body naming it,
// and a policy returning it as its verdict.
const PATTERNS = [
  /new \w*Error\(\s*['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)['"`]/g,
  /\bcode:\s*['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g,
  /\breturn\s+['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g,
  /\?\s*['"`]([A-Z][A-Z0-9]*_[A-Z0-9_]+)['"`]\s*:/g,
];

/** Codes that stay inside the server: each is mapped to a registry code before it leaves. */
const INTERNAL: Record<string, string> = {
  NO_CASES: 'reviews.policy drawReview verdict, sent as REVIEWS_NO_CONCLUDED_CASES (draw-review-plan.ts)',
  NO_REVIEWER:
    'reviews.policy drawReview verdict, sent as REVIEWS_NO_ELIGIBLE_REVIEWER (draw-review-plan.ts)',
};

/** Every code a server file sends, with where. */
function codesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const re of PATTERNS)
      for (const m of text.matchAll(re)) {
        const where = path.relative(SRC, file);
        found.set(m[1]!, [...(found.get(m[1]!) ?? []), where]);
      }
  }
  return found;
}

describe('error codes (issue 13)', () => {
  it('every code thrown or sent in apps/server/src is in contracts’ ERROR_CODES', () => {
    const found = codesInSource();
    // The scan finds the codes it should: a few known ones from different modules.
    for (const code of ['LEDGER_SIGNOFF_OWN', 'CASE_SOD_SAME_SIGNER', 'NOT_FOUND', 'ORG_DEPARTMENT_REQUIRED'])
      expect(found.has(code), code).toBe(true);
    const known = new Set<string>(ERROR_CODES);
    const unknown = [...found]
      .filter(([code]) => !known.has(code) && !(code in INTERNAL))
      .map(([code, files]) => `${code} (${files[0]})`);
    expect(unknown).toEqual([]);
  });

  it('the registry names each code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES.length).toBeGreaterThan(200);
  });
});

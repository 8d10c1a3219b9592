/** 整改台账 (ledger-page.tsx): the table's rows. */
import { type LedgerRow } from '@tongban/contracts';
import { type FindingDetail, type NumberedCategory } from '../api';
import { tr } from '../../../app/i18n';

export type TableRow =
  | { kind: 'category'; key: string; label: string; title: string; depth: number }
  | { kind: 'measure'; key: string; finding: FindingDetail; row: LedgerRow | undefined; span: number };

/**
 * Rows in the order of the 台账: category headings (一、/（一）/1.) depth-first, then each finding with
 * its measures; the finding's 序号 and 问题 cells span its measures.
 */
export function buildRows(
  categories: NumberedCategory[],
  findings: FindingDetail[],
  rows: LedgerRow[],
  filtered: boolean,
): TableRow[] {
  const byFinding = new Map<string, LedgerRow[]>();
  for (const r of rows) byFinding.set(r.findingId, [...(byFinding.get(r.findingId) ?? []), r]);
  const findingRows = (f: FindingDetail): TableRow[] => {
    const ms = byFinding.get(f.id) ?? [];
    // A finding with no measure at all shows as one row, unless a filter is on; one whose measures
    // are all filtered out (or not visible to a department role) does not show.
    if (ms.length === 0)
      return filtered || f.measures.length > 0
        ? []
        : [{ kind: 'measure', key: `f-${f.id}`, finding: f, row: undefined, span: 1 }];
    return ms.map((row, i) => ({
      kind: 'measure' as const,
      key: row.measureId,
      finding: f,
      row,
      span: i === 0 ? ms.length : 0,
    }));
  };
  const known = new Set(categories.map((c) => c.id));
  const sorted = [...findings].sort((a, b) => a.number - b.number);
  const out: TableRow[] = [];
  const emit = (parentId: string | null) => {
    for (const c of categories.filter((x) => x.parentId === parentId)) {
      const start = out.length;
      out.push({ kind: 'category', key: `c-${c.id}`, label: c.label, title: c.title, depth: c.depth });
      const before = out.length;
      emit(c.id);
      for (const f of sorted.filter((x) => x.categoryId === c.id)) out.push(...findingRows(f));
      // A heading with nothing under it (after filtering, or for a department role) is left out.
      if (out.length === before) out.splice(start, 1);
    }
  };
  emit(null);
  const loose = sorted.filter((f) => !f.categoryId || !known.has(f.categoryId)).flatMap(findingRows);
  if (loose.length > 0)
    out.push(
      {
        kind: 'category',
        key: 'c-none',
        label: '',
        title: tr('ledger.ledgerPage.uncategorisedProblems'),
        depth: 0,
      },
      ...loose,
    );
  return out;
}

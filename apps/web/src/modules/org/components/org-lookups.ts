import { useMemo } from 'react';
import type { Department, Hall, HallWindow, Region } from '@tongban/contracts';

type Named = { name: string };

function byKey<T extends Named>(items: T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((i) => [key(i), i]));
}

/** Id → record maps for showing names instead of ids in the tables. */
export function useLookups(lists: {
  regions?: Region[];
  halls?: Hall[];
  departments?: Department[];
  windows?: HallWindow[];
}) {
  const { regions, halls, departments, windows } = lists;
  return useMemo(
    () => ({
      region: byKey(regions, (r) => r.code),
      hall: byKey(halls, (h) => h.id),
      department: byKey(departments, (d) => d.id),
      window: byKey(windows, (w) => w.id),
    }),
    [regions, halls, departments, windows],
  );
}

/** "name（code）" for a region, or the bare code when the region is outside the list. */
export function regionLabel(regions: Map<string, Region>, code: string | null | undefined): string {
  if (!code) return '—';
  const r = regions.get(code);
  return r ? r.name : code;
}

export const nameOf = <T extends Named>(map: Map<string, T>, id: string | null | undefined): string =>
  (id ? map.get(id)?.name : undefined) ?? '—';

export function tablePagination(total: (count: number) => string) {
  return { defaultPageSize: 20, showSizeChanger: true, showTotal: total, hideOnSinglePage: false };
}

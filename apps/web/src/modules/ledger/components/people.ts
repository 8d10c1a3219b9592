import { useMemo } from 'react';
import type { LedgerRow } from '@tongban/contracts';
import { useCurrentUser } from '../../../app/auth-context';
import { useLedgerRows } from '../api';
import { tr } from '../../../app/i18n';

export type Person = { id: string; name: string };

/**
 * People who can be named 责任人. The API offers no user directory to ledger writers (the users
 * list is admin-only), so the choice is the signed-in user plus everyone already owning a measure
 * in the region's ledger.
 */
export function usePeople(): Person[] {
  const user = useCurrentUser();
  const rows = useLedgerRows({});
  return useMemo(
    () => peopleFrom(rows.data ?? [], { id: user.id, name: user.displayName }),
    [rows.data, user],
  );
}

export function peopleFrom(rows: Pick<LedgerRow, 'ownerUserId' | 'owner'>[], me: Person): Person[] {
  const map = new Map<string, string>([[me.id, me.name]]);
  for (const r of rows)
    if (r.ownerUserId && r.owner && !map.has(r.ownerUserId)) map.set(r.ownerUserId, r.owner);
  return [...map].map(([id, name]) => ({ id, name }));
}

export const personOptions = (people: Person[], meId: string) =>
  people.map((p) => ({
    value: p.id,
    label: p.id === meId ? tr('ledger.people.me', { name: p.name }) : p.name,
  }));

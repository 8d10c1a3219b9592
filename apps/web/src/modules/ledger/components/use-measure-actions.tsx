import { useMemo, useState } from 'react';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import type { FindingDetail, InspectionDetail, MeasureDetail } from '../api';
import type { MeasureActions } from './finding-drawer';
import { MeasureEditModal, type EditableMeasure } from './measure-edit-modal';
import { ProgressModal, type MeasureRef } from './progress-modal';
import { ReopenModal, type ReopenTarget } from './reopen-modal';
import { SignoffModal } from './signoff-modal';
import { tr } from '../../../app/i18n';

/** The measure dialogs (添加进展、销号、回头看、编辑) shared by the ledger screens, and who may use them. */
export function useMeasureActions() {
  const { can } = useAuth();
  const [progressFor, setProgressFor] = useState<MeasureRef>();
  const [signoffFor, setSignoffFor] = useState<MeasureRef>();
  const [reopenFor, setReopenFor] = useState<ReopenTarget>();
  const [editFor, setEditFor] = useState<EditableMeasure>();

  const actions: MeasureActions = {
    canProgress: can('ledger.progress'),
    canSignoff: can('ledger.signoff'),
    canWrite: can('ledger.write'),
    onProgress: (m) => setProgressFor({ id: m.id, content: m.content }),
    onSignoff: (m) => setSignoffFor({ id: m.id, content: m.content }),
    onReopen: (m) => setReopenFor({ target: 'measure', id: m.id, title: m.content }),
    onEdit: (m) => setEditFor(m),
  };
  const reopenFinding = (f: FindingDetail) =>
    setReopenFor({
      target: 'finding',
      id: f.id,
      title: tr('ledger.useMeasureActions.problem', { number: f.number, title: f.title }),
    });

  const modals = (
    <>
      <ProgressModal measure={progressFor} onClose={() => setProgressFor(undefined)} />
      <SignoffModal measure={signoffFor} onClose={() => setSignoffFor(undefined)} />
      <ReopenModal target={reopenFor} onClose={() => setReopenFor(undefined)} />
      <MeasureEditModal measure={editFor} onClose={() => setEditFor(undefined)} />
    </>
  );
  return { actions, reopenFinding, modals };
}

/** User id → name, from what the ledger detail knows (owners) and the signed-in user. */
export function useNameOf(detail: InspectionDetail | undefined) {
  const user = useCurrentUser();
  return useMemo(() => {
    const names = new Map<string, string>([[user.id, user.displayName]]);
    for (const f of detail?.findings ?? [])
      for (const m of f.measures) if (m.ownerUserId && m.ownerName) names.set(m.ownerUserId, m.ownerName);
    // The API gives only ids for verifiers and authors; people who own no measure stay unnamed.
    return (id: string | null): string | undefined => (id ? names.get(id) : undefined);
  }, [detail, user]);
}

export const findMeasure = (detail: InspectionDetail | undefined, id: string): MeasureDetail | undefined =>
  detail?.findings.flatMap((f) => f.measures).find((m) => m.id === id);

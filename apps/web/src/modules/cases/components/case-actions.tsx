import { useMemo, useState } from 'react';
import { Button, Space } from 'antd';
import { type CaseActionKey, type CaseDetail } from '@tongban/contracts';
import { ActionModal, type ActionSpec, type FormValues } from './action-modal';
import { tr } from '../../../app/i18n';
import { backOfficeSpecs } from './back-office-actions';
import { windowSpecs } from './window-actions';
type Button = { key: string; label: string; spec: ActionSpec; primary?: boolean; danger?: boolean };

/** Each action the server may allow: its label and look, and the dialog it opens. */
const BUTTONS: Record<
  CaseActionKey,
  { label: string; primary?: boolean; danger?: boolean; window?: boolean }
> = {
  resume: {
    get label() {
      return tr('cases.caseActions.resume');
    },
    primary: true,
  },
  decide: {
    get label() {
      return tr('cases.caseActions.decideGrantRefuse');
    },
    primary: true,
  },
  complete: {
    get label() {
      return tr('cases.caseActions.completeThisStep2');
    },
    primary: true,
  },
  return: {
    get label() {
      return tr('cases.caseActions.return');
    },
    danger: true,
  },
  transfer: {
    get label() {
      return tr('cases.caseActions.transfer');
    },
  },
  suspend: {
    get label() {
      return tr('cases.caseActions.suspendSpecialProcedure');
    },
  },
  extension: {
    get label() {
      return tr('cases.caseActions.requestExtension');
    },
  },
  approveExtension: {
    get label() {
      return tr('cases.caseActions.approveExtension');
    },
    primary: true,
  },
  rejectExtension: {
    get label() {
      return tr('cases.caseActions.rejectExtension');
    },
    danger: true,
  },
  urge: {
    get label() {
      return tr('cases.caseActions.urge');
    },
  },
  deferredReceived: {
    get label() {
      return tr('cases.caseActions.deferredMaterialReceived');
    },
    primary: true,
    window: true,
  },
  delivery: {
    get label() {
      return tr('cases.caseActions.prepareDelivery');
    },
    primary: true,
    window: true,
  },
  deliver: {
    get label() {
      return tr('cases.caseActions.handOver');
    },
    primary: true,
    window: true,
  },
  visit: {
    get label() {
      return tr('cases.caseActions.recordAVisit');
    },
    window: true,
  },
  withdraw: {
    get label() {
      return tr('cases.caseActions.withdraw');
    },
    danger: true,
    window: true,
  },
};

/**
 * The buttons this user may press on this case now: the server's allowedActions (its rules decide
 * by state and role; the web does not re-implement them), each with its dialog.
 */
export function availableActions(c: CaseDetail): Button[] {
  const back = backOfficeSpecs(c);
  const win = windowSpecs(c);
  return c.allowedActions.flatMap((key) => {
    const b = BUTTONS[key];
    const spec = (b.window ? win : back)[key];
    return spec ? [{ key, label: b.label, spec, primary: b.primary, danger: b.danger }] : [];
  });
}

/** The action bar of a case: buttons by state and role, each opening its dialog. */
export function CaseActionBar({ detail }: { detail: CaseDetail }) {
  const [open, setOpen] = useState<ActionSpec>();
  const buttons = useMemo(() => availableActions(detail), [detail]);
  if (buttons.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {buttons.map((b) => (
          <Button
            key={b.key}
            type={b.primary ? 'primary' : 'default'}
            danger={b.danger}
            onClick={() => setOpen(b.spec)}
            data-testid={`action-${b.key}`}
          >
            {b.label}
          </Button>
        ))}
      </Space>
      <ActionModal
        caseId={detail.id}
        version={detail.version}
        spec={open}
        onClose={() => setOpen(undefined)}
      />
    </>
  );
}

export type { FormValues };

import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import {
  DELIVERY_METHOD_LABELS,
  ROLE_LABELS,
  SUSPENSION_KIND_LABELS,
  type CaseActionKey,
  type CaseDetail,
  type SuspensionKind,
  type TransferCandidate,
} from '@tongban/contracts';
import { useTransferCandidates } from '../api';
import { ActionModal, type ActionSpec, type FormValues } from './action-modal';
import { tr } from '../../../app/i18n';
import { labelsOf, stepLabel } from '../../../app/enum-labels';

const required = (label: string) => [
  { required: true, whitespace: true, message: tr('cases.caseActions.pleaseEnter', { label }) },
];
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

const remedies = () => tr('cases.caseActions.theApplicantSRemedies');

export function backOfficeSpecs(c: CaseDetail): Record<string, ActionSpec> {
  return {
    complete: {
      name: 'complete-step',
      title: tr('cases.caseActions.completeThisStep', { v0: c.stepName ? stepLabel(c.stepName) : '' }),
      okText: tr('cases.caseActions.completeThisStep2'),
      done: tr('cases.caseActions.stepCompletedTheCase'),
      fields: () => (
        <Form.Item
          name="opinion"
          label={tr('cases.caseActions.reviewOpinion')}
          rules={required(tr('cases.caseActions.reviewOpinion'))}
        >
          <Input.TextArea
            rows={3}
            data-testid="action-opinion"
            placeholder={tr('cases.caseActions.eGMaterialsComplete')}
          />
        </Form.Item>
      ),
    },
    return: {
      name: 'return',
      title: tr('cases.caseActions.returnToThePrevious'),
      okText: tr('cases.caseActions.return'),
      danger: true,
      done: tr('cases.caseActions.returnedToThePrevious'),
      fields: () => (
        <Form.Item
          name="reason"
          label={tr('cases.caseActions.reasonForReturning')}
          rules={required(tr('cases.caseActions.reasonForReturning'))}
        >
          <Input.TextArea rows={3} data-testid="action-reason" />
        </Form.Item>
      ),
    },
    transfer: {
      name: 'transfer',
      title: tr('cases.caseActions.transferToAnotherApprover'),
      okText: tr('cases.caseActions.transfer'),
      done: tr('cases.caseActions.transferred'),
      fields: () => (
        <>
          <TransferToField caseId={c.id} />
          <Form.Item
            name="reason"
            label={tr('cases.caseActions.reasonForTransfer')}
            rules={required(tr('cases.caseActions.reasonForTransfer'))}
          >
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
        </>
      ),
    },
    urge: {
      name: 'urge',
      title: tr('cases.caseActions.urge'),
      okText: tr('cases.caseActions.urge'),
      done: tr('cases.caseActions.urgedTheHandlerGets'),
      fields: () => (
        <Form.Item
          name="note"
          label={tr('cases.caseActions.message')}
          rules={required(tr('cases.caseActions.message'))}
          initialValue={tr('cases.caseActions.pleaseHandleItPromptly')}
        >
          <Input.TextArea rows={2} data-testid="action-note" />
        </Form.Item>
      ),
    },
    suspend: {
      name: 'suspend',
      title: tr('cases.caseActions.suspendSpecialProcedureThe'),
      okText: tr('cases.caseActions.suspendTheClock'),
      done: tr('cases.caseActions.clockSuspendedANotice'),
      initialValues: { kind: 'inspection', expectedDays: 10 },
      toBody: (v) => ({ kind: v['kind'], expectedDays: v['expectedDays'], reason: text(v['reason']) }),
      fields: () => (
        <>
          <Form.Item
            name="kind"
            label={tr('cases.caseActions.specialProcedure')}
            rules={[{ required: true }]}
          >
            <Select
              data-testid="action-suspend-kind"
              options={(Object.keys(labelsOf(SUSPENSION_KIND_LABELS)) as SuspensionKind[]).map((k) => ({
                value: k,
                label: labelsOf(SUSPENSION_KIND_LABELS)[k],
              }))}
            />
          </Form.Item>
          <Form.Item
            name="expectedDays"
            label={tr('cases.caseActions.expectedDurationDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={3650} style={{ width: 160 }} data-testid="action-days" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={tr('cases.caseActions.reason')}
            rules={required(tr('cases.caseActions.reason'))}
          >
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
        </>
      ),
    },
    resume: {
      name: 'resume',
      title: tr('cases.caseActions.specialProcedureOverResume'),
      okText: tr('cases.caseActions.resumeTheClock'),
      done: tr('cases.caseActions.clockResumed'),
    },
    extension: {
      name: 'extension',
      title: tr('cases.caseActions.requestAnExtensionOnce'),
      okText: tr('cases.caseActions.submitTheRequest'),
      done: tr('cases.caseActions.extensionRequestedWaitingFor'),
      initialValues: { days: 10 },
      toBody: (v) => ({ days: v['days'], reason: text(v['reason']) }),
      fields: () => (
        <>
          <Form.Item
            name="days"
            label={tr('cases.caseActions.extendByWorkingDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={10} style={{ width: 160 }} data-testid="action-days" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={tr('cases.caseActions.reasonForTheExtension')}
            rules={required(tr('cases.caseActions.reasonForTheExtension2'))}
          >
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
        </>
      ),
    },
    approveExtension: {
      name: 'extension/decision',
      title: tr('cases.caseActions.approveTheExtension', {
        v0: c.extensionStatus === 'requested' ? tr('cases.caseActions.apply') : '',
      }),
      okText: tr('cases.caseActions.approveExtension'),
      done: tr('cases.caseActions.extensionApprovedAnExtension'),
      toBody: (v) => ({ approved: true, note: text(v['note']) }),
      fields: () => (
        <Form.Item name="note" label={tr('cases.caseActions.opinion')}>
          <Input.TextArea rows={2} data-testid="action-note" />
        </Form.Item>
      ),
    },
    rejectExtension: {
      name: 'extension/decision',
      title: tr('cases.caseActions.rejectTheExtensionRequest'),
      okText: tr('cases.caseActions.reject'),
      danger: true,
      done: tr('cases.caseActions.extensionRequestRejected'),
      toBody: (v) => ({ approved: false, note: text(v['note']) }),
      fields: () => (
        <Form.Item
          name="note"
          label={tr('cases.caseActions.opinion')}
          rules={required(tr('cases.caseActions.opinion'))}
        >
          <Input.TextArea rows={2} data-testid="action-note" />
        </Form.Item>
      ),
    },
    decide: {
      name: 'decide',
      title: tr('cases.caseActions.decide'),
      okText: tr('cases.caseActions.decide'),
      done: tr('cases.caseActions.decisionMade'),
      initialValues: { outcome: 'grant' },
      toBody: (v) => ({
        outcome: v['outcome'],
        opinion: text(v['opinion']),
        reason: text(v['reason']),
        legalBasis: text(v['legalBasis']),
      }),
      fields: (form) => <DecideFields form={form} />,
    },
  };
}

type CandidateOption = { value: string; label: string; disabled: boolean; person: TransferCandidate };

/**
 * 转办给: the approvers and the head of the case's department from the server, shown by name and role.
 * Whoever already signed a step of this case is listed but cannot be chosen (SOD-1: a second
 * signature would be refused).
 */
function TransferToField({ caseId }: { caseId: string }) {
  const candidates = useTransferCandidates(caseId);
  const items = candidates.data?.items ?? [];
  const options: CandidateOption[] = items.map((p) => ({
    value: p.id,
    label: p.displayName,
    disabled: p.signedStep !== null,
    person: p,
  }));
  const empty = candidates.isSuccess && items.length === 0;
  const extra = candidates.isError
    ? tr('cases.caseActions.cannotReadWhoMay', { message: candidates.error.message })
    : empty
      ? tr('cases.caseActions.noOtherApproverOr')
      : options.some((o) => o.disabled)
        ? tr('cases.caseActions.someoneWhoSignedA')
        : tr('cases.caseActions.mayGoToAn');
  return (
    <Form.Item
      name="toUserId"
      label={tr('cases.caseActions.transferTo')}
      rules={[{ required: true, message: tr('cases.caseActions.pleaseSelectWhoTakes') }]}
      extra={
        <span data-testid="action-transfer-hint" style={empty ? { color: '#d48806' } : undefined}>
          {extra}
        </span>
      }
      validateStatus={candidates.isError ? 'error' : undefined}
    >
      <Select<string, CandidateOption>
        data-testid="action-transfer-to"
        placeholder={
          candidates.isLoading
            ? tr('cases.caseActions.readingTheDepartmentS')
            : tr('cases.caseActions.pleaseSelectWhoTakes')
        }
        loading={candidates.isFetching}
        disabled={empty}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        notFoundContent={
          candidates.isLoading
            ? tr('cases.caseActions.reading')
            : candidates.isError
              ? tr('cases.caseActions.cannotReadWhoMay2')
              : tr('cases.caseActions.noMatchingStaff')
        }
        optionRender={(o) => <CandidateLine person={o.data.person} />}
        // At least as wide as the field, wider when a line with its SOD-1 hint needs it.
        popupMatchSelectWidth={false}
      />
    </Form.Item>
  );
}

function CandidateLine({ person }: { person: TransferCandidate }) {
  return (
    <Space size={8} data-testid="transfer-candidate">
      <span>{person.displayName}</span>
      <Tag color={person.role === 'dept_head' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
        {labelsOf(ROLE_LABELS)[person.role]}
      </Tag>
      {person.signedStep !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tr('cases.caseActions.signed')}
          {person.signedStep}
          {tr('cases.caseActions.stepCannotSignAnother')}
        </Typography.Text>
      )}
    </Space>
  );
}

function DecideFields({ form }: { form: Parameters<NonNullable<ActionSpec['fields']>>[0] }) {
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  return (
    <>
      <Form.Item name="outcome" label={tr('cases.caseActions.decision')}>
        <Radio.Group data-testid="action-outcome">
          <Radio.Button value="grant">{tr('cases.caseActions.grant')}</Radio.Button>
          <Radio.Button value="deny">{tr('cases.caseActions.refuse')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="opinion" label={tr('cases.caseActions.approvalOpinion')}>
        <Input.TextArea rows={2} data-testid="action-opinion" />
      </Form.Item>
      {outcome === 'deny' && (
        <>
          <Form.Item
            name="reason"
            label={tr('cases.caseActions.reasonForRefusal')}
            rules={required(tr('cases.caseActions.reasonForRefusal'))}
          >
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label={tr('cases.caseActions.legalBasis')}
            rules={required(tr('cases.caseActions.legalBasis'))}
          >
            <Input data-testid="action-legal-basis" placeholder={tr('cases.caseActions.eGArt11')} />
          </Form.Item>
          <Alert type="info" showIcon title={remedies()} />
        </>
      )}
      {outcome === 'grant' && (
        <Typography.Text type="secondary">{tr('cases.caseActions.grantingIssuesAnE')}</Typography.Text>
      )}
    </>
  );
}

export function windowSpecs(c: CaseDetail): Record<string, ActionSpec> {
  return {
    deferredReceived: {
      name: 'deferred-received',
      title: tr('cases.caseActions.deferredMaterialReceived'),
      okText: tr('cases.caseActions.confirmReceipt'),
      done: tr('cases.caseActions.deferredMaterialRecordedAs'),
      initialValues: { names: c.deferredOutstanding },
      fields: () => (
        <Form.Item
          name="names"
          label={tr('cases.caseActions.materialReceived')}
          rules={[{ required: true, message: tr('cases.caseActions.pleaseSelectTheMaterial') }]}
        >
          <Checkbox.Group
            data-testid="action-deferred-names"
            options={c.deferredOutstanding.map((n) => ({ value: n, label: n }))}
          />
        </Form.Item>
      ),
    },
    delivery: {
      name: 'delivery',
      title: tr('cases.caseActions.prepareDelivery'),
      okText: tr('cases.caseActions.prepareDelivery'),
      done: tr('cases.caseActions.deliveryPreparedTheApplicant'),
      initialValues: { method: 'window' },
      toBody: (v) => ({
        method: v['method'],
        trackingNo: v['method'] === 'post' ? text(v['trackingNo']) : null,
      }),
      fields: (form) => <DeliveryFields form={form} />,
    },
    deliver: {
      name: 'deliver',
      title: tr('cases.caseActions.handOver'),
      okText: tr('cases.caseActions.confirmHandOver'),
      done: tr('cases.caseActions.delivered'),
      description:
        c.delivery?.method === 'window' ? tr('cases.caseActions.collectionAtTheWindow') : undefined,
      initialValues: {
        receivedBy: c.applicant.kind === 'person' ? c.applicant.name : (c.applicant.contactName ?? ''),
        receiverKind: c.applicant.kind === 'person' ? 'applicant' : 'agent',
        authorisationChecked: false,
      },
      toBody: (v) => ({
        receivedBy: v['receivedBy'],
        ...(c.delivery?.method === 'window'
          ? {
              receiver:
                v['receiverKind'] === 'applicant'
                  ? { kind: 'applicant', idNumber: text(v['receiverIdNumber']) }
                  : {
                      kind: 'agent',
                      idNumber: text(v['receiverIdNumber']),
                      authorisationChecked: v['authorisationChecked'] === true,
                    },
            }
          : {}),
      }),
      fields: () => (
        <>
          {c.delivery?.method === 'window' && (
            <>
              <Form.Item name="receiverKind" label={tr('cases.caseActions.collectedBy')}>
                <Radio.Group data-testid="action-receiver-kind">
                  <Radio value="applicant" disabled={c.applicant.kind !== 'person'}>
                    {tr('cases.caseActions.theApplicant')}
                  </Radio>
                  <Radio value="agent">{tr('cases.caseActions.someoneElse')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="receiverIdNumber"
                label={tr('cases.caseActions.collectorSIdNumber')}
                rules={required(tr('cases.caseActions.collectorSIdNumber'))}
              >
                <Input data-testid="action-receiver-id" autoComplete="off" />
              </Form.Item>
              <Form.Item noStyle dependencies={['receiverKind']}>
                {({ getFieldValue }) =>
                  getFieldValue('receiverKind') === 'agent' ? (
                    <Form.Item name="authorisationChecked" valuePropName="checked">
                      <Checkbox data-testid="action-authorisation">
                        {tr('cases.caseActions.powerOfAttorneyChecked')}
                      </Checkbox>
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </>
          )}
          <Form.Item
            name="receivedBy"
            label={tr('cases.caseActions.receivedBy')}
            rules={required(tr('cases.caseActions.receivedBy'))}
          >
            <Input data-testid="action-received-by" />
          </Form.Item>
        </>
      ),
    },
    visit: {
      name: 'visits',
      title: tr('cases.caseActions.recordAVisit'),
      okText: tr('cases.caseActions.register'),
      done: tr('cases.caseActions.visitRecorded'),
      fields: () => (
        <Form.Item
          name="purpose"
          label={tr('cases.caseActions.purposeOfTheVisit')}
          rules={required(tr('cases.caseActions.purposeOfTheVisit'))}
        >
          <Input data-testid="action-purpose" placeholder={tr('cases.caseActions.eGAskingAbout')} />
        </Form.Item>
      ),
    },
    withdraw: {
      name: 'withdraw',
      title: tr('cases.caseActions.theApplicantWithdrawsThe'),
      okText: tr('cases.caseActions.withdraw'),
      danger: true,
      done: tr('cases.caseActions.withdrawn'),
      fields: () => (
        <Form.Item
          name="reason"
          label={tr('cases.caseActions.reasonForWithdrawal')}
          rules={required(tr('cases.caseActions.reasonForWithdrawal'))}
        >
          <Input.TextArea rows={2} data-testid="action-reason" />
        </Form.Item>
      ),
    },
  };
}

function DeliveryFields({ form }: { form: Parameters<NonNullable<ActionSpec['fields']>>[0] }) {
  const method = Form.useWatch('method', form) as string | undefined;
  return (
    <>
      <Form.Item name="method" label={tr('cases.caseActions.deliveryMethod')}>
        <Radio.Group data-testid="action-delivery-method">
          {(['window', 'post', 'electronic'] as const).map((m) => (
            <Radio.Button key={m} value={m}>
              {labelsOf(DELIVERY_METHOD_LABELS)[m]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {method === 'post' && (
        <Form.Item
          name="trackingNo"
          label={tr('cases.caseActions.trackingNumber')}
          rules={required(tr('cases.caseActions.trackingNumber'))}
        >
          <Input data-testid="action-tracking-no" />
        </Form.Item>
      )}
    </>
  );
}

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

import { Alert, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import {
  ROLE_LABELS,
  SUSPENSION_KIND_LABELS,
  type CaseDetail,
  type SuspensionKind,
  type TransferCandidate,
} from '@tongban/contracts';
import { useTransferCandidates } from '../api';
import { type ActionSpec } from './action-modal';
import { tr } from '../../../app/i18n';
import { labelsOf, stepLabel } from '../../../app/enum-labels';
import { required, text, remedies } from './case-action-fields';

/** The back office's actions on a case (审查、决定、转办、中止与延长…), each with its dialog. */
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

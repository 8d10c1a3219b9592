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

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

const REMEDIES =
  '申请人依法享有的救济：自收到决定书之日起 60 日内申请行政复议，或 6 个月内提起行政诉讼（通知书中载明）';

export function backOfficeSpecs(c: CaseDetail): Record<string, ActionSpec> {
  return {
    complete: {
      name: 'complete-step',
      title: `完成本环节：${c.stepName ?? ''}`,
      okText: '完成本环节',
      done: '已完成本环节，转入下一环节',
      fields: () => (
        <Form.Item name="opinion" label="审查意见" rules={required('审查意见')}>
          <Input.TextArea rows={3} data-testid="action-opinion" placeholder="如：材料齐全，符合法定形式" />
        </Form.Item>
      ),
    },
    return: {
      name: 'return',
      title: '退回上一环节',
      okText: '退回',
      danger: true,
      done: '已退回上一环节',
      fields: () => (
        <Form.Item name="reason" label="退回理由" rules={required('退回理由')}>
          <Input.TextArea rows={3} data-testid="action-reason" />
        </Form.Item>
      ),
    },
    transfer: {
      name: 'transfer',
      title: '转办给本部门其他审批人员',
      okText: '转办',
      done: '已转办',
      fields: () => (
        <>
          <TransferToField caseId={c.id} />
          <Form.Item name="reason" label="转办理由" rules={required('转办理由')}>
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
        </>
      ),
    },
    urge: {
      name: 'urge',
      title: '催办',
      okText: '催办',
      done: '已催办，承办人将收到站内消息',
      fields: () => (
        <Form.Item
          name="note"
          label="催办内容"
          rules={required('催办内容')}
          initialValue="请抓紧办理，避免超期"
        >
          <Input.TextArea rows={2} data-testid="action-note" />
        </Form.Item>
      ),
    },
    suspend: {
      name: 'suspend',
      title: '中止：进入特别程序（期间不计入办理时限）',
      okText: '中止计时',
      done: '已中止计时，并向申请人出具告知书',
      initialValues: { kind: 'inspection', expectedDays: 10 },
      toBody: (v) => ({ kind: v['kind'], expectedDays: v['expectedDays'], reason: text(v['reason']) }),
      fields: () => (
        <>
          <Form.Item name="kind" label="特别程序" rules={[{ required: true }]}>
            <Select
              data-testid="action-suspend-kind"
              options={(Object.keys(SUSPENSION_KIND_LABELS) as SuspensionKind[]).map((k) => ({
                value: k,
                label: SUSPENSION_KIND_LABELS[k],
              }))}
            />
          </Form.Item>
          <Form.Item name="expectedDays" label="预计所需时间（天）" rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} style={{ width: 160 }} data-testid="action-days" />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={required('理由')}>
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
        </>
      ),
    },
    resume: { name: 'resume', title: '特别程序结束，恢复计时', okText: '恢复计时', done: '已恢复计时' },
    extension: {
      name: 'extension',
      title: '申请延期（只能延期一次，至多 10 个工作日，由部门负责人批准）',
      okText: '提交延期申请',
      done: '已提交延期申请，待部门负责人审批',
      initialValues: { days: 10 },
      toBody: (v) => ({ days: v['days'], reason: text(v['reason']) }),
      fields: () => (
        <>
          <Form.Item name="days" label="延长（工作日）" rules={[{ required: true }]}>
            <InputNumber min={1} max={10} style={{ width: 160 }} data-testid="action-days" />
          </Form.Item>
          <Form.Item name="reason" label="延期理由（将告知申请人）" rules={required('延期理由')}>
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
        </>
      ),
    },
    approveExtension: {
      name: 'extension/decision',
      title: `批准延期${c.extensionStatus === 'requested' ? '申请' : ''}`,
      okText: '批准延期',
      done: '已批准延期，已向申请人出具延期告知书',
      toBody: (v) => ({ approved: true, note: text(v['note']) }),
      fields: () => (
        <Form.Item name="note" label="意见">
          <Input.TextArea rows={2} data-testid="action-note" />
        </Form.Item>
      ),
    },
    rejectExtension: {
      name: 'extension/decision',
      title: '驳回延期申请',
      okText: '驳回',
      danger: true,
      done: '已驳回延期申请',
      toBody: (v) => ({ approved: false, note: text(v['note']) }),
      fields: () => (
        <Form.Item name="note" label="意见" rules={required('意见')}>
          <Input.TextArea rows={2} data-testid="action-note" />
        </Form.Item>
      ),
    },
    decide: {
      name: 'decide',
      title: '作出决定',
      okText: '作出决定',
      done: '已作出决定',
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
    ? `未能读取可转办人员：${candidates.error.message}`
    : empty
      ? '本部门没有其他可接办的审批人员或部门负责人，无法转办'
      : options.some((o) => o.disabled)
        ? '已签署本办件某一环节的人员不能接办（同一人不得签署两个环节）'
        : '可转给本部门的审批人员或部门负责人';
  return (
    <Form.Item
      name="toUserId"
      label="转办给"
      rules={[{ required: true, message: '请选择接办人' }]}
      extra={
        <span data-testid="action-transfer-hint" style={empty ? { color: '#d48806' } : undefined}>
          {extra}
        </span>
      }
      validateStatus={candidates.isError ? 'error' : undefined}
    >
      <Select<string, CandidateOption>
        data-testid="action-transfer-to"
        placeholder={candidates.isLoading ? '正在读取本部门人员…' : '请选择接办人'}
        loading={candidates.isFetching}
        disabled={empty}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        notFoundContent={
          candidates.isLoading ? '正在读取…' : candidates.isError ? '未能读取可转办人员' : '没有匹配的人员'
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
        {ROLE_LABELS[person.role]}
      </Tag>
      {person.signedStep !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          已签署{person.signedStep}环节，不能再签署其他环节
        </Typography.Text>
      )}
    </Space>
  );
}

function DecideFields({ form }: { form: Parameters<NonNullable<ActionSpec['fields']>>[0] }) {
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  return (
    <>
      <Form.Item name="outcome" label="决定">
        <Radio.Group data-testid="action-outcome">
          <Radio.Button value="grant">准予</Radio.Button>
          <Radio.Button value="deny">不予</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="opinion" label="审批意见">
        <Input.TextArea rows={2} data-testid="action-opinion" />
      </Form.Item>
      {outcome === 'deny' && (
        <>
          <Form.Item name="reason" label="不予许可理由" rules={required('不予许可理由')}>
            <Input.TextArea rows={2} data-testid="action-reason" />
          </Form.Item>
          <Form.Item name="legalBasis" label="法律依据" rules={required('法律依据')}>
            <Input
              data-testid="action-legal-basis"
              placeholder="如：《食品经营许可和备案管理办法》第十一条"
            />
          </Form.Item>
          <Alert type="info" showIcon title={REMEDIES} />
        </>
      )}
      {outcome === 'grant' && (
        <Typography.Text type="secondary">准予后自动生成电子证照，出件时限 10 个工作日。</Typography.Text>
      )}
    </>
  );
}

export function windowSpecs(c: CaseDetail): Record<string, ActionSpec> {
  return {
    deferredReceived: {
      name: 'deferred-received',
      title: '收到容缺材料',
      okText: '确认收到',
      done: '已登记收到容缺材料',
      initialValues: { names: c.deferredOutstanding },
      fields: () => (
        <Form.Item name="names" label="收到的材料" rules={[{ required: true, message: '请选择材料' }]}>
          <Checkbox.Group
            data-testid="action-deferred-names"
            options={c.deferredOutstanding.map((n) => ({ value: n, label: n }))}
          />
        </Form.Item>
      ),
    },
    delivery: {
      name: 'delivery',
      title: '准备出件',
      okText: '准备出件',
      done: '已准备出件，已通知申请人',
      initialValues: { method: 'window' },
      toBody: (v) => ({
        method: v['method'],
        trackingNo: v['method'] === 'post' ? text(v['trackingNo']) : null,
      }),
      fields: (form) => <DeliveryFields form={form} />,
    },
    deliver: {
      name: 'deliver',
      title: '出件签收',
      okText: '确认出件',
      done: '已出件',
      description:
        c.delivery?.method === 'window'
          ? '窗口领取：请核验领取人身份证件。申请人本人领取须证件号码与申请人一致；他人代领须核验代领人身份证件和授权委托书。'
          : undefined,
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
              <Form.Item name="receiverKind" label="领取人">
                <Radio.Group data-testid="action-receiver-kind">
                  <Radio value="applicant" disabled={c.applicant.kind !== 'person'}>
                    申请人本人
                  </Radio>
                  <Radio value="agent">代领人</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="receiverIdNumber"
                label="领取人身份证件号码"
                rules={required('领取人身份证件号码')}
              >
                <Input data-testid="action-receiver-id" autoComplete="off" />
              </Form.Item>
              <Form.Item noStyle dependencies={['receiverKind']}>
                {({ getFieldValue }) =>
                  getFieldValue('receiverKind') === 'agent' ? (
                    <Form.Item name="authorisationChecked" valuePropName="checked">
                      <Checkbox data-testid="action-authorisation">
                        已核验授权委托书（本件登记的代理人可不勾选）
                      </Checkbox>
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </>
          )}
          <Form.Item name="receivedBy" label="签收人" rules={required('签收人')}>
            <Input data-testid="action-received-by" />
          </Form.Item>
        </>
      ),
    },
    visit: {
      name: 'visits',
      title: '登记到现场',
      okText: '登记',
      done: '已登记到现场',
      fields: () => (
        <Form.Item name="purpose" label="来访事由" rules={required('来访事由')}>
          <Input data-testid="action-purpose" placeholder="如：咨询办理进度" />
        </Form.Item>
      ),
    },
    withdraw: {
      name: 'withdraw',
      title: '申请人撤回申请',
      okText: '撤回',
      danger: true,
      done: '已撤回',
      fields: () => (
        <Form.Item name="reason" label="撤回理由" rules={required('撤回理由')}>
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
      <Form.Item name="method" label="送达方式">
        <Radio.Group data-testid="action-delivery-method">
          {(['window', 'post', 'electronic'] as const).map((m) => (
            <Radio.Button key={m} value={m}>
              {DELIVERY_METHOD_LABELS[m]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {method === 'post' && (
        <Form.Item name="trackingNo" label="快递单号" rules={required('快递单号')}>
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
  resume: { label: '恢复', primary: true },
  decide: { label: '决定（准予 / 不予）', primary: true },
  complete: { label: '完成本环节', primary: true },
  return: { label: '退回', danger: true },
  transfer: { label: '转办' },
  suspend: { label: '中止（特别程序）' },
  extension: { label: '申请延期' },
  approveExtension: { label: '批准延期', primary: true },
  rejectExtension: { label: '驳回延期', danger: true },
  urge: { label: '催办' },
  deferredReceived: { label: '收到容缺材料', primary: true, window: true },
  delivery: { label: '准备出件', primary: true, window: true },
  deliver: { label: '出件签收', primary: true, window: true },
  visit: { label: '登记到现场', window: true },
  withdraw: { label: '撤回', danger: true, window: true },
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

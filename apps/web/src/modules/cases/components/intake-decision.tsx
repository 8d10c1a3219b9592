import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  MATERIAL_STATUS_LABELS,
  type CaseDetail,
  type CaseMaterial,
  type SessionUser,
} from '@tongban/contracts';
import { ActionModal, type ActionSpec, type FormValues } from './action-modal';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

const required = (label: string) => [
  { required: true, whitespace: true, message: tr('cases.intakeDecision.pleaseEnter', { label }) },
];
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** 材料 with their status, as the window checks them. */
export function MaterialsTable({ materials }: { materials: CaseMaterial[] }) {
  return (
    <Table<CaseMaterial>
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={materials}
      data-testid="case-materials"
      // A narrow card scrolls the table sideways rather than squeeze names to a character a line.
      scroll={{ x: 670 }}
      columns={[
        { title: tr('cases.intakeDecision.material'), dataIndex: 'name', key: 'name', minWidth: 200 },
        {
          title: tr('cases.intakeDecision.requirement'),
          key: 'req',
          width: 150,
          render: (_, m) => (
            <Space size={4} wrap>
              <Tag>
                {m.required ? tr('cases.intakeDecision.required') : tr('cases.intakeDecision.ifApplicable')}
              </Tag>
              {m.deferrable && <Tag color="gold">{tr('cases.intakeDecision.mayBeDeferred')}</Tag>}
            </Space>
          ),
        },
        {
          title: tr('cases.intakeDecision.status'),
          key: 'status',
          width: 170,
          render: (_, m) => (
            <span
              data-testid="material-status"
              style={{
                color: m.status === 'missing' ? '#cf1322' : m.status === 'deferred' ? '#d48806' : undefined,
              }}
            >
              {labelsOf(MATERIAL_STATUS_LABELS)[m.status]}
              {m.status === 'deferred' && m.dueDate
                ? tr('cases.intakeDecision.by', { dueDate: m.dueDate })
                : ''}
              {m.status === 'deferred' && m.receivedAt ? tr('cases.intakeDecision.received') : ''}
            </span>
          ),
        },
        {
          // Issue 14 point 6: what the applicant handed in, for whoever may read the case (the
          // server answers 404 to anyone else). Images and PDFs open in the browser, others download.
          title: tr('cases.intakeDecision.files'),
          key: 'file',
          width: 150,
          render: (_, m) =>
            m.fileSha256 ? (
              <a href={`/files/${m.fileSha256}`} target="_blank" rel="noreferrer" data-testid="material-file">
                {tr('cases.intakeDecision.viewDownload')}
              </a>
            ) : m.licenseId ? (
              <Tag color="blue" title={m.licenseId}>
                {tr('cases.intakeDecision.fromTheELicense')}
              </Tag>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

/** What the decision needs of a case, or of an intake not yet filed. */
export type IntakeSubject = Pick<
  CaseDetail,
  'id' | 'version' | 'status' | 'materials' | 'itemName' | 'applicantName' | 'departmentName'
>;

/**
 * The window's decision on a received application (ACC-1, ACC-2): 受理, 容缺受理, 一次性告知,
 * 不予受理, or 即办 for an instant item of the clerk's department.
 */
export function IntakeDecision({
  detail,
  user,
  instant,
  itemDepartmentId,
  onDone,
  submit,
}: {
  detail: IntakeSubject;
  user: SessionUser;
  instant: boolean;
  itemDepartmentId: string;
  onDone?: () => void;
  /** The intake wizard: the decision files the case (nothing exists before it, issue 14 point 7). */
  submit?: (name: string, body: Record<string, unknown>) => Promise<void>;
}) {
  const [open, setOpen] = useState<ActionSpec>();
  const missing = detail.materials.filter((m) => m.status === 'missing');
  const deferrable = missing.filter((m) => m.deferrable);
  const provided = detail.materials.filter((m) => m.status === 'provided');
  const canInstant = instant && user.departmentId === itemDepartmentId;

  if (detail.status === 'supplement_requested') {
    const spec: ActionSpec = {
      name: 'supplement-received',
      title: tr('cases.intakeDecision.correctionsReceived'),
      okText: tr('cases.intakeDecision.confirmReceipt'),
      done: tr('cases.intakeDecision.correctionsReceivedPleaseReview'),
      initialValues: { materials: missing.map((m) => m.name), atWindow: true },
      toBody: (v) => ({ materials: v['materials'], atWindow: v['atWindow'] === true }),
      fields: () => (
        <>
          <Form.Item name="materials" label={tr('cases.intakeDecision.materialReceived')}>
            <Checkbox.Group options={detail.materials.map((m) => ({ value: m.name, label: m.name }))} />
          </Form.Item>
          <Form.Item name="atWindow" valuePropName="checked">
            <Checkbox>{tr('cases.intakeDecision.theApplicantHandsIn')}</Checkbox>
          </Form.Item>
        </>
      ),
    };
    return (
      <>
        <Alert
          type="warning"
          showIcon
          title={tr('cases.intakeDecision.correctionsRequestedWaitingFor')}
          action={
            <Button type="primary" onClick={() => setOpen(spec)} data-testid="intake-supplement-received">
              {tr('cases.intakeDecision.correctionsReceived')}
            </Button>
          }
        />
        <ActionModal
          caseId={detail.id}
          version={detail.version}
          spec={open}
          onClose={() => setOpen(undefined)}
          onDone={onDone}
        />
      </>
    );
  }
  if (detail.status !== 'submitted') return null;

  const specs: Record<string, ActionSpec> = {
    accept: {
      name: 'accept',
      title: tr('cases.intakeDecision.accept'),
      okText: tr('cases.intakeDecision.accept'),
      // Issue 14 point 8: the confirmation says what happens, not just its title.
      description: tr('cases.intakeDecision.acceptApplicantAnAcceptance', {
        itemName: detail.itemName,
        applicantName: detail.applicantName,
        departmentName: detail.departmentName,
      }),
      done: tr('cases.intakeDecision.acceptedAnAcceptanceNotice'),
    },
    deferred: {
      name: 'accept',
      title: tr('cases.intakeDecision.acceptWithDeferredMaterials'),
      okText: tr('cases.intakeDecision.acceptedWithDeferredMaterials'),
      done: tr('cases.intakeDecision.acceptedWithDeferredMaterials2'),
      initialValues: { names: deferrable.map((m) => m.name), dueDate: dayjs().add(7, 'day') },
      toBody: (v) => ({
        deferred: ((v['names'] as string[]) ?? []).map((name) => ({
          name,
          dueDate: (v['dueDate'] as Dayjs).format('YYYY-MM-DD'),
        })),
      }),
      fields: () => (
        <>
          <Form.Item
            name="names"
            label={tr('cases.intakeDecision.deferredMaterials')}
            rules={[{ required: true, message: tr('cases.intakeDecision.pleaseSelectTheDeferred') }]}
          >
            <Checkbox.Group
              data-testid="intake-deferred-names"
              options={deferrable.map((m) => ({ value: m.name, label: m.name }))}
            />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label={tr('cases.intakeDecision.dueDate')}
            rules={[{ required: true, message: tr('cases.intakeDecision.pleaseSelectTheDue') }]}
          >
            <DatePicker data-testid="intake-deferred-due" />
          </Form.Item>
        </>
      ),
    },
    supplement: {
      name: 'request-supplement',
      title: tr('cases.intakeDecision.requestCorrectionsAtOnce'),
      okText: tr('cases.intakeDecision.issueTheCorrectionsNotice'),
      done: tr('cases.intakeDecision.correctionsRequestedACorrections'),
      toBody: (v) => ({
        faulty: ((v['faulty'] as string[] | undefined) ?? []).map((name) => ({
          name,
          reason: text(v[`reason:${name}`]) || tr('cases.intakeDecision.materialsDoNotMeet'),
        })),
        note: text(v['note']),
      }),
      fields: (form) => <SupplementFields form={form} missing={missing} provided={provided} />,
    },
    refuse: {
      name: 'refuse',
      title: tr('cases.intakeDecision.notAccepted'),
      okText: tr('cases.intakeDecision.notAccepted'),
      danger: true,
      done: tr('cases.intakeDecision.notAcceptedANotice'),
      fields: () => (
        <>
          <Form.Item
            name="reason"
            label={tr('cases.intakeDecision.reasonForNonAcceptance')}
            rules={required(tr('cases.intakeDecision.reasonForNonAcceptance'))}
          >
            <Input.TextArea rows={3} data-testid="intake-refuse-reason" />
          </Form.Item>
          <Form.Item
            name="redirectTo"
            label={tr('cases.intakeDecision.referToTheCompetent')}
            rules={required(tr('cases.intakeDecision.competentAuthority'))}
          >
            <Input
              data-testid="intake-refuse-redirect"
              placeholder={tr('cases.intakeDecision.eGTheCounty')}
            />
          </Form.Item>
          <Typography.Text type="secondary">{tr('cases.intakeDecision.casesNotAcceptedGo')}</Typography.Text>
        </>
      ),
    },
    instant: {
      name: 'instant-decision',
      title: tr('cases.intakeDecision.immediateItemConcludeOn'),
      okText: tr('cases.intakeDecision.concludeOnTheSpot'),
      done: tr('cases.intakeDecision.concludedOnTheSpot'),
      initialValues: { outcome: 'grant' },
      toBody: (v) => ({
        outcome: v['outcome'],
        opinion: text(v['opinion']),
        reason: text(v['reason']),
        legalBasis: text(v['legalBasis']),
      }),
      fields: () => (
        <>
          <Form.Item name="outcome" label={tr('cases.intakeDecision.decision')}>
            <Radio.Group>
              <Radio.Button value="grant">{tr('cases.intakeDecision.grant')}</Radio.Button>
              <Radio.Button value="deny">{tr('cases.intakeDecision.refuse')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="opinion" label={tr('cases.intakeDecision.opinion')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="reason" label={tr('cases.intakeDecision.reasonForRefusalRequired')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="legalBasis" label={tr('cases.intakeDecision.legalBasisRequiredWhen')}>
            <Input />
          </Form.Item>
        </>
      ),
    },
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="intake-decision">
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={tr('cases.intakeDecision.materialsMissing', {
            length: missing.length,
            v1: missing.map((m) => m.name).join('、'),
          })}
          description={
            deferrable.length === missing.length
              ? tr('cases.intakeDecision.everyMissingMaterialMay')
              : tr('cases.intakeDecision.requestAllCorrectionsAt')
          }
        />
      ) : (
        <Alert type="success" showIcon title={tr('cases.intakeDecision.materialsCompleteTheCase')} />
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={missing.length > 0}
          onClick={() => setOpen(specs['accept'])}
          data-testid="intake-accept"
        >
          {tr('cases.intakeDecision.accept')}
        </Button>
        <Button
          disabled={deferrable.length === 0 || deferrable.length < missing.length}
          onClick={() => setOpen(specs['deferred'])}
          data-testid="intake-accept-deferred"
        >
          {tr('cases.intakeDecision.acceptedWithDeferredMaterials')}
        </Button>
        <Button onClick={() => setOpen(specs['supplement'])} data-testid="intake-supplement">
          {tr('cases.intakeDecision.requestCorrectionsAtOnce')}
        </Button>
        <Button danger onClick={() => setOpen(specs['refuse'])} data-testid="intake-refuse">
          {tr('cases.intakeDecision.notAccepted')}
        </Button>
        {canInstant && (
          <Button onClick={() => setOpen(specs['instant'])} data-testid="intake-instant">
            {tr('cases.intakeDecision.immediateConcludedOnThe')}
          </Button>
        )}
      </Space>
      <ActionModal
        caseId={detail.id}
        version={detail.version}
        spec={open}
        onClose={() => setOpen(undefined)}
        onDone={onDone}
        submit={submit}
      />
    </Space>
  );
}

function SupplementFields({
  form,
  missing,
  provided,
}: {
  form: Parameters<NonNullable<ActionSpec['fields']>>[0];
  missing: CaseMaterial[];
  provided: CaseMaterial[];
}) {
  const faulty = (Form.useWatch('faulty', form) as string[] | undefined) ?? [];
  return (
    <>
      <Typography.Paragraph>
        {tr('cases.intakeDecision.theNoticeListsEvery')}
        {missing.length ? missing.map((m) => m.name).join('、') : tr('cases.intakeDecision.none')}
      </Typography.Paragraph>
      <Form.Item name="faulty" label={tr('cases.intakeDecision.handedInMaterialsThat')}>
        <Checkbox.Group options={provided.map((m) => ({ value: m.name, label: m.name }))} />
      </Form.Item>
      {faulty.map((name) => (
        <Form.Item
          key={name}
          name={`reason:${name}`}
          label={tr('cases.intakeDecision.whatToCorrect', { name })}
          rules={required(tr('cases.intakeDecision.whatToCorrect2'))}
        >
          <Input />
        </Form.Item>
      ))}
      <Form.Item name="note" label={tr('cases.intakeDecision.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

export type { FormValues };

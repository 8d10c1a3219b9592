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

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];
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
        { title: '材料名称', dataIndex: 'name', key: 'name', minWidth: 200 },
        {
          title: '要求',
          key: 'req',
          width: 150,
          render: (_, m) => (
            <Space size={4} wrap>
              <Tag>{m.required ? '必需' : '视情形'}</Tag>
              {m.deferrable && <Tag color="gold">可容缺</Tag>}
            </Space>
          ),
        },
        {
          title: '状态',
          key: 'status',
          width: 170,
          render: (_, m) => (
            <span
              data-testid="material-status"
              style={{
                color: m.status === 'missing' ? '#cf1322' : m.status === 'deferred' ? '#d48806' : undefined,
              }}
            >
              {MATERIAL_STATUS_LABELS[m.status]}
              {m.status === 'deferred' && m.dueDate ? `（${m.dueDate} 前）` : ''}
              {m.status === 'deferred' && m.receivedAt ? '，已收到' : ''}
            </span>
          ),
        },
        {
          // Issue 14 point 6: what the applicant handed in, for whoever may read the case (the
          // server answers 404 to anyone else). Images and PDFs open in the browser, others download.
          title: '文件',
          key: 'file',
          width: 150,
          render: (_, m) =>
            m.fileSha256 ? (
              <a href={`/files/${m.fileSha256}`} target="_blank" rel="noreferrer" data-testid="material-file">
                查看 / 下载
              </a>
            ) : m.licenseId ? (
              <Tag color="blue" title={m.licenseId}>
                取自电子证照
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
      title: '收到补正材料',
      okText: '确认收到',
      done: '已收到补正材料，请重新审核受理',
      initialValues: { materials: missing.map((m) => m.name), atWindow: true },
      toBody: (v) => ({ materials: v['materials'], atWindow: v['atWindow'] === true }),
      fields: () => (
        <>
          <Form.Item name="materials" label="收到的材料">
            <Checkbox.Group options={detail.materials.map((m) => ({ value: m.name, label: m.name }))} />
          </Form.Item>
          <Form.Item name="atWindow" valuePropName="checked">
            <Checkbox>申请人到窗口递交（计一次到现场）</Checkbox>
          </Form.Item>
        </>
      ),
    };
    return (
      <>
        <Alert
          type="warning"
          showIcon
          title="已一次性告知补正，等待申请人补齐材料"
          action={
            <Button type="primary" onClick={() => setOpen(spec)} data-testid="intake-supplement-received">
              收到补正材料
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
      title: '受理',
      okText: '受理',
      // Issue 14 point 8: the confirmation says what happens, not just its title.
      description: `确认受理“${detail.itemName}”（申请人：${detail.applicantName}）。受理后将出具受理通知书，办理时限自受理之日起按工作日计算，办件转入${detail.departmentName}审查。`,
      done: '已受理，已出具受理通知书',
    },
    deferred: {
      name: 'accept',
      title: '容缺受理：缺少的可容缺材料在期限内补齐后方可作出决定',
      okText: '容缺受理',
      done: '已容缺受理，已出具受理通知书（载明容缺材料）',
      initialValues: { names: deferrable.map((m) => m.name), dueDate: dayjs().add(7, 'day') },
      toBody: (v) => ({
        deferred: ((v['names'] as string[]) ?? []).map((name) => ({
          name,
          dueDate: (v['dueDate'] as Dayjs).format('YYYY-MM-DD'),
        })),
      }),
      fields: () => (
        <>
          <Form.Item name="names" label="容缺材料" rules={[{ required: true, message: '请选择容缺材料' }]}>
            <Checkbox.Group
              data-testid="intake-deferred-names"
              options={deferrable.map((m) => ({ value: m.name, label: m.name }))}
            />
          </Form.Item>
          <Form.Item name="dueDate" label="补齐期限" rules={[{ required: true, message: '请选择补齐期限' }]}>
            <DatePicker data-testid="intake-deferred-due" />
          </Form.Item>
        </>
      ),
    },
    supplement: {
      name: 'request-supplement',
      title: '一次性告知补正',
      okText: '出具补正通知书',
      done: '已一次性告知补正，已出具补正材料通知书',
      toBody: (v) => ({
        faulty: ((v['faulty'] as string[] | undefined) ?? []).map((name) => ({
          name,
          reason: text(v[`reason:${name}`]) || '材料不符合要求',
        })),
        note: text(v['note']),
      }),
      fields: (form) => <SupplementFields form={form} missing={missing} provided={provided} />,
    },
    refuse: {
      name: 'refuse',
      title: '不予受理',
      okText: '不予受理',
      danger: true,
      done: '已不予受理，已出具不予受理通知书',
      fields: () => (
        <>
          <Form.Item name="reason" label="不予受理理由" rules={required('不予受理理由')}>
            <Input.TextArea rows={3} data-testid="intake-refuse-reason" />
          </Form.Item>
          <Form.Item name="redirectTo" label="告知向有关机关申请" rules={required('有关机关')}>
            <Input
              data-testid="intake-refuse-redirect"
              placeholder="如：云溪县市场监督管理局（食品经营备案）"
            />
          </Form.Item>
          <Typography.Text type="secondary">不予受理的办件将进入“办不成事”反映窗口复核清单。</Typography.Text>
        </>
      ),
    },
    instant: {
      name: 'instant-decision',
      title: '即办件当场办结',
      okText: '当场办结',
      done: '已当场办结，已出具受理通知书和决定书',
      initialValues: { outcome: 'grant' },
      toBody: (v) => ({
        outcome: v['outcome'],
        opinion: text(v['opinion']),
        reason: text(v['reason']),
        legalBasis: text(v['legalBasis']),
      }),
      fields: () => (
        <>
          <Form.Item name="outcome" label="决定">
            <Radio.Group>
              <Radio.Button value="grant">准予</Radio.Button>
              <Radio.Button value="deny">不予</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="opinion" label="意见">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="reason" label="不予理由（不予时必填）">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="legalBasis" label="法律依据（不予时必填）">
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
          title={`缺少 ${missing.length} 项材料：${missing.map((m) => m.name).join('、')}`}
          description={
            deferrable.length === missing.length
              ? '缺少的材料均可容缺，可容缺受理；或一次性告知补正。'
              : '请一次性告知全部需补正的材料，或对可容缺的材料容缺受理。'
          }
        />
      ) : (
        <Alert type="success" showIcon title="材料齐全，可以受理" />
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={missing.length > 0}
          onClick={() => setOpen(specs['accept'])}
          data-testid="intake-accept"
        >
          受理
        </Button>
        <Button
          disabled={deferrable.length === 0 || deferrable.length < missing.length}
          onClick={() => setOpen(specs['deferred'])}
          data-testid="intake-accept-deferred"
        >
          容缺受理
        </Button>
        <Button onClick={() => setOpen(specs['supplement'])} data-testid="intake-supplement">
          一次性告知补正
        </Button>
        <Button danger onClick={() => setOpen(specs['refuse'])} data-testid="intake-refuse">
          不予受理
        </Button>
        {canInstant && (
          <Button onClick={() => setOpen(specs['instant'])} data-testid="intake-instant">
            即办（当场办结）
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
        缺少的材料将全部列入通知书：
        {missing.length ? missing.map((m) => m.name).join('、') : '无'}
      </Typography.Paragraph>
      <Form.Item name="faulty" label="需补正的已交材料（不符合要求的）">
        <Checkbox.Group options={provided.map((m) => ({ value: m.name, label: m.name }))} />
      </Form.Item>
      {faulty.map((name) => (
        <Form.Item
          key={name}
          name={`reason:${name}`}
          label={`${name}：补正理由`}
          rules={required('补正理由')}
        >
          <Input />
        </Form.Item>
      ))}
      <Form.Item name="note" label="说明">
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

export type { FormValues };

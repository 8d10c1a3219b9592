import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Image,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Upload,
  message,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ComplaintAction } from '@tongban/contracts';
import { useAct, useComplaint, useDepartments, useSuggestion, useUploadPhoto } from '../api';
import { useLabels } from '../labels';
import { formatInstant } from '../../../app/format';

const VERB: Record<ComplaintAction, string> = {
  dispatch: 'dispatch',
  return: 'return',
  decide_return: 'decide-return',
  note: 'note',
  reply: 'reply',
  callback: 'callback',
  close: 'close',
  merge: 'merge',
  supervise: 'supervise',
  coordinate: 'coordinate',
  escalate: 'escalate',
  lead: 'leader-decide',
};

export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const q = useComplaint(id);
  const act = useAct(id);
  const upload = useUploadPhoto();
  const depts = useDepartments();
  const { t, label } = useLabels();
  const A = (a: ComplaintAction) => t(`complaints.action.${a}`);
  const D = (k: string, o?: Record<string, unknown>) => t(`complaints.detail.${k}`, o);
  const [open, setOpen] = useState<ComplaintAction | null>(null);
  const [form] = Form.useForm();
  const d = q.data;
  const suggestion = useSuggestion(id, !!d?.actions.includes('dispatch'));
  if (!d) return <Card loading={q.isLoading} />;
  const deptOptions = (depts.data ?? []).map((x) => ({ value: x.id, label: x.name }));

  async function run(action: ComplaintAction, body: Record<string, unknown> = {}) {
    try {
      await act.mutateAsync({ verb: VERB[action], body: { version: d!.version, ...body } });
      message.success(D('done', { action: A(action) }));
      setOpen(null);
      form.resetFields();
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  const fields: Partial<Record<ComplaintAction, React.ReactNode>> = {
    dispatch: (
      <>
        {suggestion.data && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            message={D('suggestion', { name: suggestion.data.leadDepartmentName ?? D('none') })}
            description={suggestion.data.explanation}
          />
        )}
        <Form.Item
          name="leadDepartmentId"
          label={D('l0')}
          rules={[{ required: true }]}
          initialValue={suggestion.data?.leadDepartmentId ?? undefined}
        >
          <Select options={deptOptions} data-testid="lead-department" />
        </Form.Item>
        <Form.Item
          name="assistDepartmentIds"
          label={D('l1')}
          initialValue={suggestion.data?.assistDepartmentIds ?? []}
        >
          <Select mode="multiple" options={deptOptions} />
        </Form.Item>
      </>
    ),
    return: (
      <Form.Item name="reason" label={D('l2')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    ),
    decide_return: (
      <>
        <Form.Item name="accept" label={D('l3')} initialValue rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: D('acceptReturn') },
              { value: false, label: D('refuseReturn') },
            ]}
          />
        </Form.Item>
        <Form.Item name="leadDepartmentId" label={D('l4')}>
          <Select options={deptOptions} data-testid="reassign-department" />
        </Form.Item>
        <Form.Item name="note" label={D('l5')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </>
    ),
    note: (
      <Form.Item name="note" label={D('l6')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    ),
    reply: (
      <Form.Item name="text" label={D('l7')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
    ),
    callback: (
      <>
        <Form.Item name="result" label={D('l8')} rules={[{ required: true }]} initialValue="satisfied">
          <Radio.Group
            options={[
              { value: 'satisfied', label: D('satisfied') },
              { value: 'unsatisfied', label: D('unsatisfied') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={D('l9')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    merge: (
      <Form.Item name="intoId" label={D('l10')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
    ),
    coordinate: (
      <>
        <Form.Item name="outcome" label={D('l11')} initialValue="explained">
          <Radio.Group
            options={['reopened', 'accepted_elsewhere', 'explained'].map((value) => ({
              value,
              label: D(`outcome_${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="outcomeCaseId" label={D('l12')}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={D('l13')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    lead: (
      <>
        <Form.Item
          name="decision"
          label={D('leaderDecision')}
          initialValue={d.status === 'escalated' ? 'assigned' : 'instructed'}
        >
          <Radio.Group
            options={(d.status === 'escalated' ? ['assigned', 'decided'] : ['instructed']).map((v) => ({
              value: v,
              label: label('decision', v),
            }))}
          />
        </Form.Item>
        {d.status === 'escalated' && (
          <Form.Item name="departmentId" label={D('leaderDept')}>
            <Select options={deptOptions} allowClear />
          </Form.Item>
        )}
        <Form.Item name="note" label={D('leaderNote')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </>
    ),
    escalate: (
      <Form.Item name="note" label={D('l14')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    ),
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={D('title', { orderNo: d.orderNo })}
        extra={
          <Space wrap>
            {d.actions.map((a) => (
              <Button
                key={a}
                data-testid={`action-${a}`}
                onClick={() => (fields[a] ? setOpen(a) : void run(a))}
              >
                {A(a)}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label={D('l15')}>
            <Tag data-testid="status">{label('status', d.status)}</Tag>
            {d.returnPending && <Tag color="orange">{D('l37')}</Tag>}
            {d.overdue && <Tag color="red">{D('l38')}</Tag>}
            {d.flagged && <Tag color="volcano">{D('l39')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={D('l16')}>
            {label('source', d.source)}
            {d.externalNo ? ` (12345: ${d.externalNo})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={D('l17')}>{label('type', d.type)}</Descriptions.Item>
          <Descriptions.Item label={D('l18')}>
            {d.anonymous ? D('anonymous') : `${d.complainantNameMasked} ${d.phoneMasked}`}
          </Descriptions.Item>
          <Descriptions.Item label={D('l19')}>
            {label('subject', d.subjectKind)} {d.subjectLabel}
          </Descriptions.Item>
          <Descriptions.Item label={D('l20')}>{d.dueDate}</Descriptions.Item>
          <Descriptions.Item label={D('l0')}>{d.leadDepartmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={D('l21')}>{d.heldByDepartmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={D('l22')} span={2}>
            {d.title}
          </Descriptions.Item>
          <Descriptions.Item label={D('l23')} span={2}>
            {d.content}
          </Descriptions.Item>
          {d.returnReason && (
            <Descriptions.Item label={D('l2')} span={2}>
              {d.returnReason}
            </Descriptions.Item>
          )}
          {d.replyText && (
            <Descriptions.Item label={D('l24')} span={2}>
              {d.replyText}
            </Descriptions.Item>
          )}
          {d.callbackResult && (
            <Descriptions.Item label={D('l25')} span={2}>
              {D(d.callbackResult)}：{d.callbackNote}
            </Descriptions.Item>
          )}
          {d.outcomeKind && (
            <Descriptions.Item label={D('l11')} span={2}>
              {D(`outcome_${d.outcomeKind}`)}{' '}
              {d.outcomeCaseId && <a href={`/cases/${d.outcomeCaseId}`}>{D('viewCase')}</a>}
            </Descriptions.Item>
          )}
          {d.leaderDecision && (
            <Descriptions.Item label={D('leader')} span={2}>
              <Tag color="blue">{label('decision', d.leaderDecision)}</Tag> {d.leaderNote}
            </Descriptions.Item>
          )}
          {d.source === 'comment_book' && (
            <Descriptions.Item label={D('photo')} span={2}>
              <Space direction="vertical">
                {d.photoSha256 ? (
                  <Image
                    src={`/files/${d.photoSha256}`}
                    alt={D('photo')}
                    width={240}
                    data-testid="comment-book-photo"
                  />
                ) : (
                  <span>{D('photoNone')}</span>
                )}
                {d.status !== 'closed' && d.status !== 'merged' && (
                  <Upload
                    accept="image/png,image/jpeg,image/webp"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      upload.mutate(
                        { id: d.id, version: d.version, file },
                        {
                          onSuccess: () => void message.success(D('photoSaved')),
                          onError: (e) => void message.error(e.message),
                        },
                      );
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />} loading={upload.isPending}>
                      {d.photoSha256 ? D('photoReplace') : D('photoUpload')}
                    </Button>
                  </Upload>
                )}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {d.merged.length > 0 && (
        <Card title={D('l26')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.merged}
            columns={[
              { title: D('l29'), dataIndex: 'orderNo' },
              { title: D('l18'), dataIndex: 'complainantNameMasked' },
              { title: D('l30'), dataIndex: 'replied', render: (v: boolean) => (v ? D('yes') : D('no')) },
              { title: D('l31'), dataIndex: 'calledBack', render: (v: boolean) => (v ? D('yes') : D('no')) },
            ]}
          />
        </Card>
      )}
      <Card title={D('l27')}>
        <Table
          rowKey="fromAt"
          size="small"
          pagination={false}
          dataSource={d.holdings}
          columns={[
            { title: D('l32'), dataIndex: 'departmentName' },
            { title: D('l33'), dataIndex: 'fromAt', render: (v: string) => formatInstant(v) },
            {
              title: D('l34'),
              dataIndex: 'untilAt',
              render: (v: string | null) => (v ? formatInstant(v) : D('holding')),
            },
            { title: D('l35'), dataIndex: 'workingDays' },
            { title: D('l36'), dataIndex: 'endedBy' },
          ]}
        />
      </Card>
      <Card title={D('l28')}>
        <Timeline
          items={d.events.map((e) => ({
            children: `${formatInstant(e.at)} ${e.actorName} ${t(`complaints.event.${e.type}`, { defaultValue: e.type })} ${String(e.payload.reason ?? e.payload.note ?? e.payload.text ?? '')}`,
          }))}
        />
      </Card>
      <Modal
        open={!!open}
        title={open ? A(open) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: Record<string, unknown>) =>
            void run(
              open!,
              Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')),
            )
          }
        >
          {open && fields[open]}
        </Form>
      </Modal>
    </Space>
  );
}

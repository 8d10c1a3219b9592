import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  message,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  CALLBACK_RESULT_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TYPE_LABELS,
  OUTCOME_KIND_LABELS,
  SUBJECT_KIND_LABELS,
  type ComplaintAction,
} from '@tongban/contracts';
import { useAct, useComplaint, useDepartments, useSuggestion } from '../api';

const ACTION_LABELS: Record<ComplaintAction, string> = {
  dispatch: '派单',
  return: '退单',
  decide_return: '裁定退单',
  note: '记录办理情况',
  reply: '答复',
  callback: '回访',
  close: '办结',
  merge: '并单',
  supervise: '督办',
  coordinate: '协调结果',
  escalate: '报领导',
};
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
};

export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const q = useComplaint(id);
  const act = useAct(id);
  const depts = useDepartments();
  const [open, setOpen] = useState<ComplaintAction | null>(null);
  const [form] = Form.useForm();
  const d = q.data;
  const suggestion = useSuggestion(id, !!d?.actions.includes('dispatch'));
  if (!d) return <Card loading={q.isLoading} />;
  const deptOptions = (depts.data ?? []).map((x) => ({ value: x.id, label: x.name }));

  async function run(action: ComplaintAction, body: Record<string, unknown> = {}) {
    try {
      await act.mutateAsync({ verb: VERB[action], body: { version: d!.version, ...body } });
      message.success(`${ACTION_LABELS[action]}成功`);
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
            message={`建议：${suggestion.data.leadDepartmentName ?? '无'}`}
            description={suggestion.data.explanation}
          />
        )}
        <Form.Item
          name="leadDepartmentId"
          label="主办部门"
          rules={[{ required: true }]}
          initialValue={suggestion.data?.leadDepartmentId ?? undefined}
        >
          <Select options={deptOptions} data-testid="lead-department" />
        </Form.Item>
        <Form.Item
          name="assistDepartmentIds"
          label="协办部门"
          initialValue={suggestion.data?.assistDepartmentIds ?? []}
        >
          <Select mode="multiple" options={deptOptions} />
        </Form.Item>
      </>
    ),
    return: (
      <Form.Item name="reason" label="退单理由" rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    ),
    decide_return: (
      <>
        <Form.Item name="accept" label="裁定" initialValue rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: '同意退单并改派' },
              { value: false, label: '维持原派单' },
            ]}
          />
        </Form.Item>
        <Form.Item name="leadDepartmentId" label="改派至">
          <Select options={deptOptions} data-testid="reassign-department" />
        </Form.Item>
        <Form.Item name="note" label="裁定意见" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </>
    ),
    note: (
      <Form.Item name="note" label="调查处置情况" rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    ),
    reply: (
      <Form.Item name="text" label="答复内容" rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
    ),
    callback: (
      <>
        <Form.Item name="result" label="回访结果" rules={[{ required: true }]} initialValue="satisfied">
          <Radio.Group
            options={[
              { value: 'satisfied', label: '满意' },
              { value: 'unsatisfied', label: '不满意' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="回访记录" rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    merge: (
      <Form.Item name="intoId" label="并入工单（编号 ID）" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
    ),
    coordinate: (
      <>
        <Form.Item name="outcome" label="协调结果" initialValue="explained">
          <Radio.Group
            options={Object.entries(OUTCOME_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="outcomeCaseId" label="关联办件 ID">
          <Input />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    escalate: (
      <Form.Item name="note" label="报领导说明" rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    ),
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={`工单 ${d.orderNo}`}
        extra={
          <Space wrap>
            {d.actions.map((a) => (
              <Button
                key={a}
                data-testid={`action-${a}`}
                onClick={() => (fields[a] ? setOpen(a) : void run(a))}
              >
                {ACTION_LABELS[a]}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label="状态">
            <Tag data-testid="status">{COMPLAINT_STATUS_LABELS[d.status]}</Tag>
            {d.returnPending && <Tag color="orange">退单待裁定</Tag>}
            {d.overdue && <Tag color="red">超期</Tag>}
            {d.flagged && <Tag color="volcano">不满意</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="渠道">
            {COMPLAINT_SOURCE_LABELS[d.source]}
            {d.externalNo ? `（12345：${d.externalNo}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="类型">{COMPLAINT_TYPE_LABELS[d.type]}</Descriptions.Item>
          <Descriptions.Item label="诉求人">
            {d.anonymous ? '匿名' : `${d.complainantNameMasked} ${d.phoneMasked}`}
          </Descriptions.Item>
          <Descriptions.Item label="反映对象">
            {SUBJECT_KIND_LABELS[d.subjectKind]} {d.subjectLabel}
          </Descriptions.Item>
          <Descriptions.Item label="应办结日期">{d.dueDate}</Descriptions.Item>
          <Descriptions.Item label="主办部门">{d.leadDepartmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="当前承办">{d.heldByDepartmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="标题" span={2}>
            {d.title}
          </Descriptions.Item>
          <Descriptions.Item label="内容" span={2}>
            {d.content}
          </Descriptions.Item>
          {d.returnReason && (
            <Descriptions.Item label="退单理由" span={2}>
              {d.returnReason}
            </Descriptions.Item>
          )}
          {d.replyText && (
            <Descriptions.Item label="答复" span={2}>
              {d.replyText}
            </Descriptions.Item>
          )}
          {d.callbackResult && (
            <Descriptions.Item label="回访" span={2}>
              {CALLBACK_RESULT_LABELS[d.callbackResult]}：{d.callbackNote}
            </Descriptions.Item>
          )}
          {d.outcomeKind && (
            <Descriptions.Item label="协调结果" span={2}>
              {OUTCOME_KIND_LABELS[d.outcomeKind]}{' '}
              {d.outcomeCaseId && <a href={`/cases/${d.outcomeCaseId}`}>查看办件</a>}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {d.merged.length > 0 && (
        <Card title="并入的工单（各自答复、各自回访）">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.merged}
            columns={[
              { title: '工单号', dataIndex: 'orderNo' },
              { title: '诉求人', dataIndex: 'complainantNameMasked' },
              { title: '已答复', dataIndex: 'replied', render: (v: boolean) => (v ? '是' : '否') },
              { title: '已回访', dataIndex: 'calledBack', render: (v: boolean) => (v ? '是' : '否') },
            ]}
          />
        </Card>
      )}
      <Card title="承办时段（期限计入承办部门）">
        <Table
          rowKey="fromAt"
          size="small"
          pagination={false}
          dataSource={d.holdings}
          columns={[
            { title: '部门', dataIndex: 'departmentName' },
            { title: '起', dataIndex: 'fromAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            {
              title: '止',
              dataIndex: 'untilAt',
              render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN') : '承办中'),
            },
            { title: '工作日', dataIndex: 'workingDays' },
            { title: '结束原因', dataIndex: 'endedBy' },
          ]}
        />
      </Card>
      <Card title="办理记录">
        <Timeline
          items={d.events.map((e) => ({
            children: `${new Date(e.at).toLocaleString('zh-CN')} ${e.actorName} ${e.type} ${String(e.payload.reason ?? e.payload.note ?? e.payload.text ?? '')}`,
          }))}
        />
      </Card>
      <Modal
        open={!!open}
        title={open ? ACTION_LABELS[open] : ''}
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

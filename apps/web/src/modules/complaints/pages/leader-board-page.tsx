import {
  Button,
  Card,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ComplaintSummary, LeaderDecision } from '@tongban/contracts';
import { useAct, useDepartments, useLeaderBoard } from '../api';
import { useLabels } from '../labels';
import { formatInstant } from '../../../app/format';

type Pending = { row: ComplaintSummary; kind: 'escalated' | 'supervised' };

/**
 * 领导督办: what the 办不成事 window could not solve (assign to a department, or decide), and the
 * late orders under 督办 (批示 to the holding department). Every decision is recorded on the order.
 */
export function LeaderBoardPage() {
  const q = useLeaderBoard();
  const depts = useDepartments();
  const { t, label } = useLabels();
  const [pending, setPending] = useState<Pending | null>(null);
  const [form] = Form.useForm<{ decision: LeaderDecision; departmentId?: string; note: string }>();
  const decision = Form.useWatch('decision', form);
  const act = useAct(pending?.row.id ?? '');
  const orderCol = {
    title: t('complaints.leader.orderNo'),
    dataIndex: 'orderNo',
    render: (v: string, r: ComplaintSummary) => <Link to={`/complaints/${r.id}`}>{v}</Link>,
  };
  const titleCol = { title: t('complaints.leader.titleCol'), dataIndex: 'title' };
  async function save(v: { decision: LeaderDecision; departmentId?: string; note: string }) {
    if (!pending) return;
    try {
      await act.mutateAsync({
        verb: 'leader-decide',
        body: {
          version: pending.row.version,
          decision: v.decision,
          departmentId: v.decision === 'assigned' ? v.departmentId : null,
          note: v.note,
        },
      });
      message.success(t('complaints.leader.saved'));
      setPending(null);
      form.resetFields();
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  const open = (row: ComplaintSummary, kind: Pending['kind']) => {
    form.setFieldsValue({ decision: kind === 'escalated' ? 'assigned' : 'instructed', note: '' });
    setPending({ row, kind });
  };
  const data = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('complaints.leader.title')}>
        <Typography.Paragraph type="secondary">{t('complaints.leader.intro')}</Typography.Paragraph>
      </Card>
      <Card title={t('complaints.leader.escalated')} data-testid="leader-escalated">
        <Table
          rowKey="id"
          loading={q.isLoading}
          dataSource={data?.escalated ?? []}
          pagination={false}
          locale={{ emptyText: t('complaints.leader.empty') }}
          columns={[
            orderCol,
            titleCol,
            {
              title: t('complaints.leader.source'),
              dataIndex: 'source',
              render: (v: string) => label('source', v),
            },
            { title: t('complaints.leader.note'), dataIndex: 'escalationNote' },
            {
              title: '',
              render: (_: unknown, r: ComplaintSummary) => (
                <Button
                  type="primary"
                  onClick={() => open(r, 'escalated')}
                  data-testid={`leader-decide-${r.orderNo}`}
                >
                  {t('complaints.leader.decide')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('complaints.leader.supervised')}>
        <Table
          rowKey="id"
          loading={q.isLoading}
          dataSource={data?.supervised ?? []}
          pagination={false}
          locale={{ emptyText: t('complaints.leader.empty') }}
          columns={[
            orderCol,
            titleCol,
            { title: t('complaints.leader.holder'), dataIndex: 'heldByDepartmentName' },
            {
              title: t('complaints.leader.due'),
              dataIndex: 'dueDate',
              render: (v: string, r: ComplaintSummary) => (
                <Space>
                  {v}
                  {r.overdue && <Tag color="red">{t('complaints.leader.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: '',
              render: (_: unknown, r: ComplaintSummary) => (
                <Button onClick={() => open(r, 'supervised')}>{t('complaints.leader.instruct')}</Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('complaints.leader.decided')}>
        <Table
          rowKey="id"
          loading={q.isLoading}
          dataSource={data?.decided ?? []}
          pagination={false}
          locale={{ emptyText: t('complaints.leader.empty') }}
          columns={[
            orderCol,
            titleCol,
            {
              title: t('complaints.leader.decision'),
              dataIndex: 'leaderDecision',
              render: (v: string) => <Tag color="blue">{label('decision', v)}</Tag>,
            },
            { title: t('complaints.leader.leaderNote'), dataIndex: 'leaderNote' },
            {
              title: t('complaints.leader.at'),
              dataIndex: 'leaderDecidedAt',
              render: (v: string) => formatInstant(v),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!pending}
        title={t('complaints.leader.modalTitle', { orderNo: pending?.row.orderNo ?? '' })}
        okText={t('complaints.leader.ok')}
        cancelText={t('complaints.leader.cancel')}
        confirmLoading={act.isPending}
        onCancel={() => setPending(null)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="decision" label={t('complaints.leader.decision')}>
            <Radio.Group
              options={(pending?.kind === 'escalated' ? ['assigned', 'decided'] : ['instructed']).map(
                (v) => ({
                  value: v,
                  label: label('decision', v),
                }),
              )}
            />
          </Form.Item>
          {decision === 'assigned' && (
            <Form.Item
              name="departmentId"
              label={t('complaints.leader.department')}
              rules={[{ required: true, message: t('complaints.leader.deptRequired') }]}
            >
              <Select
                data-testid="leader-department"
                options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={t('complaints.leader.noteLabel')}
            rules={[{ required: true, whitespace: true, message: t('complaints.leader.noteRequired') }]}
          >
            <Input.TextArea rows={3} data-testid="leader-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

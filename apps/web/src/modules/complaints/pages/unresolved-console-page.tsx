import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { COMPLAINT_STATUS_LABELS, type ComplaintSummary } from '@tongban/contracts';
import { useIntake, useReopenCase, useUnresolved } from '../api';

type CaseRow = {
  caseId: string;
  caseNo: string;
  itemName: string;
  departmentName: string;
  reason: string;
  kind: 'refused' | 'overdue';
};

/** 办不成事反映窗口: refused and stuck cases, the visitors' matters, coordination. */
export function UnresolvedConsolePage() {
  const q = useUnresolved();
  const intake = useIntake();
  const [visitorFor, setVisitorFor] = useState<CaseRow | null>(null);
  const [reopen, setReopen] = useState<ComplaintSummary | null>(null);
  const [form] = Form.useForm();
  const [reopenForm] = Form.useForm();
  const reopenCase = useReopenCase(reopen?.id ?? '');
  const cases = q.data?.cases ?? [];
  async function record(v: { complainantName: string; phone: string; content: string }) {
    try {
      const r = await intake.mutateAsync({
        source: 'unresolved_window',
        type: 'help',
        title: visitorFor ? `办件 ${visitorFor.caseNo} 办不成` : '办不成事反映',
        content: v.content,
        complainantName: v.complainantName,
        phone: v.phone,
        subjectKind: visitorFor ? 'case' : 'none',
        subjectId: visitorFor?.caseId ?? null,
        subjectLabel: visitorFor?.caseNo ?? '',
        relatedCaseId: visitorFor?.caseId ?? null,
      });
      message.success(`已登记 ${r.orderNo}`);
      setVisitorFor(null);
      form.resetFields();
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  async function doReopen(v: { caseId: string }) {
    try {
      const r = await reopenCase.mutateAsync({ version: reopen!.version, caseId: v.caseId });
      message.success(`已重新受理，新办件 ${r.caseNo}`);
      setReopen(null);
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="不予受理和超期办件">
        <Table<CaseRow>
          rowKey={(r) => `${r.kind}-${r.caseId}`}
          size="small"
          loading={q.isLoading}
          dataSource={cases}
          columns={[
            { title: '办件号', dataIndex: 'caseNo' },
            { title: '事项', dataIndex: 'itemName' },
            { title: '部门', dataIndex: 'departmentName' },
            {
              title: '情况',
              dataIndex: 'kind',
              render: (k: string) =>
                k === 'refused' ? <Tag color="red">不予受理</Tag> : <Tag color="orange">超期</Tag>,
            },
            { title: '理由', dataIndex: 'reason' },
            {
              title: '',
              render: (_: unknown, r) => (
                <Button size="small" data-testid={`visitor-${r.caseNo}`} onClick={() => setVisitorFor(r)}>
                  登记来访
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title="来访事项"
        extra={
          <Button
            onClick={() =>
              setVisitorFor({
                caseId: '',
                caseNo: '',
                itemName: '',
                departmentName: '',
                reason: '',
                kind: 'refused',
              })
            }
          >
            登记其他事项
          </Button>
        }
      >
        <Table<ComplaintSummary>
          rowKey="id"
          size="small"
          dataSource={q.data?.matters ?? []}
          columns={[
            {
              title: '工单号',
              dataIndex: 'orderNo',
              render: (v: string, r) => <Link to={`/complaints/${r.id}`}>{v}</Link>,
            },
            { title: '事项', dataIndex: 'title' },
            { title: '来访人', dataIndex: 'complainantNameMasked' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: ComplaintSummary['status']) => <Tag>{COMPLAINT_STATUS_LABELS[v]}</Tag>,
            },
            {
              title: '',
              render: (_: unknown, r) =>
                r.subjectKind === 'case' &&
                r.subjectId &&
                (r.status === 'received' || r.status === 'handling' || r.status === 'dispatched') ? (
                  <Button
                    size="small"
                    data-testid={`reopen-${r.orderNo}`}
                    onClick={() => {
                      setReopen(r);
                      reopenForm.setFieldsValue({ caseId: r.subjectId });
                    }}
                  >
                    重新受理
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!visitorFor}
        title="登记来访事项"
        onCancel={() => setVisitorFor(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void record(v)}>
          <Form.Item name="complainantName" label="来访人姓名" rules={[{ required: true }]}>
            <Input data-testid="visitor-name" />
          </Form.Item>
          <Form.Item name="phone" label="电话" rules={[{ required: true }]}>
            <Input data-testid="visitor-phone" />
          </Form.Item>
          <Form.Item name="content" label="反映事项" rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="visitor-content" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!reopen}
        title="协调后重新受理"
        onCancel={() => setReopen(null)}
        onOk={() => reopenForm.submit()}
        confirmLoading={reopenCase.isPending}
        destroyOnHidden
      >
        <Form form={reopenForm} layout="vertical" onFinish={(v) => void doReopen(v)}>
          <Form.Item name="caseId" label="原不予受理办件" rules={[{ required: true }]}>
            <Select
              options={cases
                .filter((c) => c.kind === 'refused')
                .map((c) => ({ value: c.caseId, label: `${c.caseNo} ${c.itemName}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

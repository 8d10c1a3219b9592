import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ComplaintSummary } from '@tongban/contracts';
import { useIntake, useReopenCase, useUnresolved } from '../api';
import { useLabels } from '../labels';
import { tr } from '../../../app/i18n';

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
  const { label } = useLabels();
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
        title: visitorFor
          ? tr('complaints.unresolvedConsolePage.caseCouldNotGet', { caseNo: visitorFor.caseNo })
          : tr('complaints.unresolvedConsolePage.couldNotGetIt'),
        content: v.content,
        complainantName: v.complainantName,
        phone: v.phone,
        subjectKind: visitorFor ? 'case' : 'none',
        subjectId: visitorFor?.caseId ?? null,
        subjectLabel: visitorFor?.caseNo ?? '',
        relatedCaseId: visitorFor?.caseId ?? null,
      });
      message.success(tr('complaints.unresolvedConsolePage.recorded', { orderNo: r.orderNo }));
      setVisitorFor(null);
      form.resetFields();
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  async function doReopen(v: { caseId: string }) {
    try {
      const r = await reopenCase.mutateAsync({ version: reopen!.version, caseId: v.caseId });
      message.success(tr('complaints.unresolvedConsolePage.acceptedAgainNewCase', { caseNo: r.caseNo }));
      setReopen(null);
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={tr('complaints.unresolvedConsolePage.casesNotAcceptedOr')}>
        <Table<CaseRow>
          rowKey={(r) => `${r.kind}-${r.caseId}`}
          size="small"
          loading={q.isLoading}
          dataSource={cases}
          columns={[
            { title: tr('complaints.unresolvedConsolePage.caseNo'), dataIndex: 'caseNo' },
            { title: tr('complaints.unresolvedConsolePage.item'), dataIndex: 'itemName' },
            { title: tr('complaints.unresolvedConsolePage.department'), dataIndex: 'departmentName' },
            {
              title: tr('complaints.unresolvedConsolePage.situation'),
              dataIndex: 'kind',
              render: (k: string) =>
                k === 'refused' ? (
                  <Tag color="red">{tr('complaints.unresolvedConsolePage.notAccepted')}</Tag>
                ) : (
                  <Tag color="orange">{tr('complaints.unresolvedConsolePage.overdue')}</Tag>
                ),
            },
            { title: tr('complaints.unresolvedConsolePage.reason'), dataIndex: 'reason' },
            {
              title: '',
              render: (_: unknown, r) => (
                <Button size="small" data-testid={`visitor-${r.caseNo}`} onClick={() => setVisitorFor(r)}>
                  {tr('complaints.unresolvedConsolePage.recordAVisit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={tr('complaints.unresolvedConsolePage.visits')}
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
            {tr('complaints.unresolvedConsolePage.recordAnotherMatter')}
          </Button>
        }
      >
        <Table<ComplaintSummary>
          rowKey="id"
          size="small"
          dataSource={q.data?.matters ?? []}
          columns={[
            {
              title: tr('complaints.unresolvedConsolePage.orderNo'),
              dataIndex: 'orderNo',
              render: (v: string, r) => <Link to={`/complaints/${r.id}`}>{v}</Link>,
            },
            { title: tr('complaints.unresolvedConsolePage.item'), dataIndex: 'title' },
            { title: tr('complaints.unresolvedConsolePage.visitor'), dataIndex: 'complainantNameMasked' },
            {
              title: tr('complaints.unresolvedConsolePage.status'),
              dataIndex: 'status',
              render: (v: ComplaintSummary['status']) => <Tag>{label('status', v)}</Tag>,
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
                    {tr('complaints.unresolvedConsolePage.acceptAgain')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!visitorFor}
        title={tr('complaints.unresolvedConsolePage.recordAVisit2')}
        onCancel={() => setVisitorFor(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void record(v)}>
          <Form.Item
            name="complainantName"
            label={tr('complaints.unresolvedConsolePage.visitorSName')}
            rules={[{ required: true }]}
          >
            <Input data-testid="visitor-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={tr('complaints.unresolvedConsolePage.phone')}
            rules={[{ required: true }]}
          >
            <Input data-testid="visitor-phone" />
          </Form.Item>
          <Form.Item
            name="content"
            label={tr('complaints.unresolvedConsolePage.matter')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={3} data-testid="visitor-content" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!reopen}
        title={tr('complaints.unresolvedConsolePage.acceptAgainAfterCoordination')}
        onCancel={() => setReopen(null)}
        onOk={() => reopenForm.submit()}
        confirmLoading={reopenCase.isPending}
        destroyOnHidden
      >
        <Form form={reopenForm} layout="vertical" onFinish={(v) => void doReopen(v)}>
          <Form.Item
            name="caseId"
            label={tr('complaints.unresolvedConsolePage.caseNotAcceptedBefore')}
            rules={[{ required: true }]}
          >
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

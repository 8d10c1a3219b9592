import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import {
  TRADING_COMPLAINT_OUTCOME_LABELS,
  TRADING_COMPLAINT_STATUS_LABELS,
  type TradingComplaint,
} from '@tongban/contracts';
import { notifyError } from '../../../app/notify';
import { useAnswerComplaint, useFileComplaint } from '../api';
import { useTr } from '../i18n';

/** BID-3: complaints about the candidates, their clocks (red when an answer is late) and the answers with reasons. */
export function ComplaintsCard({
  projectId,
  complaints,
  until,
  canFile,
}: {
  projectId: string;
  complaints: TradingComplaint[];
  until: string | null;
  canFile: boolean;
}) {
  const { tr, label } = useTr();
  const file = useFileComplaint(projectId);
  const answer = useAnswerComplaint(projectId);
  const [fileForm] = Form.useForm<{ complainant: string; grounds: string }>();
  const [answering, setAnswering] = useState<{
    c: TradingComplaint;
    action: TradingComplaint['actions'][number];
  }>();
  const [answerForm] = Form.useForm<{ reason?: string; outcome?: 'upheld' | 'dismissed' }>();
  if (complaints.length === 0 && !canFile && !until) return null;
  const ACTION_LABELS: Record<TradingComplaint['actions'][number], string> = {
    accept: tr('cAccept', '受理'),
    refuse: tr('cRefuse', '不予受理'),
    start_expert_review: tr('cExpertStart', '送专家评审（暂停计时）'),
    end_expert_review: tr('cExpertEnd', '专家评审结束'),
    decide: tr('cDecide', '作出处理决定'),
  };
  const submitAnswer = async () => {
    const v = await answerForm.validateFields();
    try {
      await answer.mutateAsync({ complaintId: answering!.c.id, body: { action: answering!.action, ...v } });
      setAnswering(undefined);
      answerForm.resetFields();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Card
      title={tr('complaints', '异议与投诉')}
      size="small"
      extra={
        until && <span>{tr('complaintsUntil', '投诉期限：公示开始后 10 日内，至 {{d}}', { d: until })}</span>
      }
      data-testid="complaints-card"
    >
      <Table<TradingComplaint>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={complaints}
        locale={{ emptyText: tr('noComplaints', '暂无投诉') }}
        columns={[
          { title: tr('complainant', '投诉人'), dataIndex: 'complainant' },
          { title: tr('grounds', '投诉事项'), dataIndex: 'grounds' },
          { title: tr('filedOn', '提出日期'), dataIndex: 'filedOn' },
          {
            title: tr('complaintStatus', '状态'),
            render: (_, c) => (
              <Tag
                color={
                  c.overdue ? 'red' : c.status === 'decided' || c.status === 'refused' ? 'default' : 'orange'
                }
              >
                {label('complaintStatus', TRADING_COMPLAINT_STATUS_LABELS, c.status)}
                {c.overdue ? ` · ${tr('late', '已超期')}` : ''}
              </Tag>
            ),
          },
          {
            title: tr('deadlines', '期限'),
            render: (_, c) => (
              <span style={c.overdue ? { color: '#cf1322' } : undefined}>
                {c.status === 'awaiting_acceptance'
                  ? tr('acceptBy', '3 个工作日内决定是否受理：{{d}}', { d: c.acceptanceDueOn })
                  : c.decisionDueOn && !c.decidedOn && c.status !== 'refused'
                    ? tr('decideBy', '30 个工作日内处理：{{d}}（专家评审 {{n}} 个工作日不计入）', {
                        d: c.decisionDueOn,
                        n: c.expertDays,
                      })
                    : '—'}
              </span>
            ),
          },
          {
            title: tr('answer', '答复与理由'),
            render: (_, c) =>
              c.outcome ? (
                <span>
                  {label('complaintOutcome', TRADING_COMPLAINT_OUTCOME_LABELS, c.outcome)}：{c.decisionReason}
                </span>
              ) : (
                (c.acceptanceReason ?? '—')
              ),
          },
          {
            title: '',
            render: (_, c) => (
              <Space wrap>
                {c.actions.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    data-testid={`complaint-${a}`}
                    onClick={() => setAnswering({ c, action: a })}
                  >
                    {ACTION_LABELS[a]}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {canFile && (
        <Form
          form={fileForm}
          layout="inline"
          style={{ marginTop: 12 }}
          onFinish={async (v) => {
            try {
              await file.mutateAsync(v);
              fileForm.resetFields();
            } catch (e) {
              notifyError(e);
            }
          }}
        >
          <Form.Item name="complainant" rules={[{ required: true }]}>
            <Input
              placeholder={tr('complainantName', '投诉人（单位名称）')}
              data-testid="complaint-complainant"
            />
          </Form.Item>
          <Form.Item name="grounds" rules={[{ required: true }]}>
            <Input
              style={{ width: 320 }}
              placeholder={tr('groundsPh', '投诉事项与理由')}
              data-testid="complaint-grounds"
            />
          </Form.Item>
          <Button htmlType="submit" data-testid="complaint-submit">
            {tr('fileComplaint', '登记投诉')}
          </Button>
        </Form>
      )}
      <Modal
        title={answering ? ACTION_LABELS[answering.action] : ''}
        open={!!answering}
        onOk={submitAnswer}
        onCancel={() => setAnswering(undefined)}
        confirmLoading={answer.isPending}
        okButtonProps={{ 'data-testid': 'complaint-confirm' } as Record<string, string>}
      >
        <Form form={answerForm} layout="vertical">
          {answering?.action === 'decide' && (
            <Form.Item name="outcome" label={tr('outcome', '处理结果')} rules={[{ required: true }]}>
              <Select
                data-testid="complaint-outcome"
                options={(['upheld', 'dismissed'] as const).map((o) => ({
                  value: o,
                  label: label('complaintOutcome', TRADING_COMPLAINT_OUTCOME_LABELS, o),
                }))}
              />
            </Form.Item>
          )}
          {answering && ['accept', 'refuse', 'decide'].includes(answering.action) && (
            <Form.Item name="reason" label={tr('reason', '理由')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="complaint-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

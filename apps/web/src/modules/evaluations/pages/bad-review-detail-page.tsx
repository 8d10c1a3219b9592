import { useState } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Spin,
  Switch,
  Tag,
  Timeline,
  Upload,
} from 'antd';
import {
  BAD_REASON_LABELS,
  BAD_REVIEW_STATUS_LABELS,
  RATING_CHANNEL_LABELS,
  RATING_LEVEL_LABELS,
  type BadReviewAction,
} from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { uploadEvidence, useBadReview, useBadReviewAction } from '../api';

const STEP_LABELS: Record<string, string> = {
  verify: '核实',
  rectify: '整改',
  reply: '反馈',
  callback: '回访',
  close: '办结',
};
const ACTION_LABELS: Record<BadReviewAction, string> = {
  verify: '核实',
  rectify: '整改',
  reply: '反馈申请人',
  callback: '回访',
  close: '办结（无法回访的匿名差评）',
  appeal: '申诉',
  decideAppeal: '复核申诉',
};

/** One 差评 and its loop: what was done at each step, and the actions the signed-in person may take. */
export function BadReviewDetailPage() {
  const { id = '' } = useParams();
  const q = useBadReview(id);
  const act = useBadReviewAction(id);
  const [action, setAction] = useState<BadReviewAction>();
  const [evidence, setEvidence] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [form] = Form.useForm();
  if (!q.data) return <Spin />;
  const d = q.data;
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    setError(undefined);
    const base = { note: v.note, version: d.version };
    const call =
      action === 'rectify'
        ? { path: 'rectify', body: { ...base, evidence } }
        : action === 'callback'
          ? {
              path: 'callback',
              body: { ...base, reached: Boolean(v.reached), satisfied: v.satisfied ?? null },
            }
          : action === 'appeal'
            ? { path: 'appeal', body: { kind: v.kind ?? 'malicious', reason: v.note } }
            : action === 'decideAppeal'
              ? { path: 'appeal/decide', body: { decision: v.decision ?? 'rejected', note: v.note } }
              : { path: action!, body: base };
    try {
      await act.mutateAsync(call);
      setAction(undefined);
      setEvidence([]);
      form.resetFields();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败');
    }
  };
  return (
    <Flex vertical gap={16} data-testid="bad-review-detail">
      <Card title="差评详情">
        <Descriptions column={2} size="small">
          <Descriptions.Item label="评价">
            <Tag color="red">{RATING_LEVEL_LABELS[d.rating.level]}</Tag>
            {d.rating.excluded && <Tag>不计入：{d.rating.excludedReason}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <span data-testid="bad-review-status">{BAD_REVIEW_STATUS_LABELS[d.status]}</span>
            {d.overdue && <Tag color="red">超期</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="原因">
            {d.rating.reasonCategory ? BAD_REASON_LABELS[d.rating.reasonCategory] : ''} {d.rating.reasonText}
          </Descriptions.Item>
          <Descriptions.Item label="渠道">
            {RATING_CHANNEL_LABELS[d.rating.channel]}（{d.rating.realName ? '实名' : '匿名'}）
          </Descriptions.Item>
          <Descriptions.Item label="被评价人">{d.rating.staffName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="办结期限">{d.dueDate}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="办理过程">
        <Timeline
          items={d.steps.map((s) => ({
            children: (
              <>
                <b>{STEP_LABELS[s.step]}</b> {s.actorName} {s.at.slice(0, 16).replace('T', ' ')}：{s.note}
                {s.reached !== null && (s.reached ? '（已回访到本人）' : '（未联系上）')}
                {s.evidence.map((sha) => (
                  <a
                    key={sha}
                    href={`/files/${sha}`}
                    target="_blank"
                    rel="noreferrer"
                    style={{ marginLeft: 8 }}
                  >
                    证明材料
                  </a>
                ))}
              </>
            ),
          }))}
        />
        {d.appeal && (
          <Alert
            type={d.appeal.decision === 'upheld' ? 'success' : 'info'}
            message={`申诉（${d.appeal.filedByName}）：${d.appeal.reason}`}
            description={
              d.appeal.decision
                ? `复核：${d.appeal.decision === 'upheld' ? '成立' : '不成立'}，${d.appeal.decisionNote}（${d.appeal.decidedByName}）`
                : '待复核'
            }
          />
        )}
      </Card>
      {d.actions.length > 0 && (
        <Card title="办理">
          <Flex gap={8} style={{ marginBottom: 16 }}>
            {d.actions.map((a) => (
              <Button
                key={a}
                type={action === a ? 'primary' : 'default'}
                onClick={() => setAction(a)}
                data-testid={`action-${a}`}
              >
                {ACTION_LABELS[a]}
              </Button>
            ))}
          </Flex>
          {action && (
            <Form form={form} layout="vertical">
              {action === 'appeal' && (
                <Form.Item name="kind" label="申诉类型" initialValue="malicious">
                  <Radio.Group
                    options={[
                      { value: 'malicious', label: '恶意评价' },
                      { value: 'mistaken', label: '误评' },
                    ]}
                  />
                </Form.Item>
              )}
              {action === 'decideAppeal' && (
                <Form.Item name="decision" label="复核结论" initialValue="rejected">
                  <Radio.Group
                    options={[
                      { value: 'upheld', label: '申诉成立' },
                      { value: 'rejected', label: '申诉不成立' },
                    ]}
                  />
                </Form.Item>
              )}
              {action === 'callback' && (
                <>
                  <Form.Item name="reached" label="已联系到本人" valuePropName="checked" initialValue>
                    <Switch data-testid="callback-reached" />
                  </Form.Item>
                  <Form.Item name="satisfied" label="申请人是否满意">
                    <Radio.Group
                      options={[
                        { value: true, label: '满意' },
                        { value: false, label: '不满意' },
                      ]}
                    />
                  </Form.Item>
                </>
              )}
              {action === 'rectify' && (
                <Form.Item label="整改证明材料（图片或 PDF）" required>
                  <Upload
                    data-testid="evidence-upload"
                    customRequest={({ file, onSuccess, onError }) => {
                      uploadEvidence(id, file as File)
                        .then((r) => {
                          setEvidence((e) => [...e, r.sha256]);
                          onSuccess?.(r);
                        })
                        .catch((e: Error) => onError?.(e));
                    }}
                  >
                    <Button>上传</Button>
                  </Upload>
                </Form.Item>
              )}
              <Form.Item name="note" label="说明" rules={[{ required: true, min: 2, message: '请填写说明' }]}>
                <Input.TextArea rows={3} data-testid="step-note" />
              </Form.Item>
              <Button
                type="primary"
                loading={act.isPending}
                onClick={() => void submit()}
                data-testid="step-submit"
              >
                提交
              </Button>
            </Form>
          )}
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
        </Card>
      )}
    </Flex>
  );
}

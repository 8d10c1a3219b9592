import { useTranslation } from 'react-i18next';
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
import type { BadReviewAction } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { uploadEvidence, useBadReview, useBadReviewAction } from '../api';
import { formatInstant } from '../../../app/format';

/** One 差评 and its loop: what was done at each step, and the actions the signed-in person may take. */
export function BadReviewDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useBadReview(id);
  const act = useBadReviewAction(id);
  const [action, setAction] = useState<BadReviewAction>();
  const [evidence, setEvidence] = useState<string[]>([]);
  // Files still on their way up: the step waits for them, so it never goes out without its evidence.
  const [uploading, setUploading] = useState(0);
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
      setError(e instanceof ApiError ? e.message : t('evaluations.detail.failed'));
    }
  };
  return (
    <Flex vertical gap={16} data-testid="bad-review-detail">
      <Card title={t('evaluations.detail.title')}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('evaluations.detail.rating')}>
            <Tag color="red">{t(`evaluations.level.${d.rating.level}`)}</Tag>
            {d.rating.excluded && (
              <Tag>{t('evaluations.detail.excluded', { reason: d.rating.excludedReason })}</Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.detail.status')}>
            <span data-testid="bad-review-status">{t(`evaluations.status.${d.status}`)}</span>
            {d.overdue && <Tag color="red">{t('evaluations.bad.overdue')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.detail.reason')}>
            {d.rating.reasonCategory ? t(`evaluations.reason.${d.rating.reasonCategory}`) : ''}{' '}
            {d.rating.reasonText}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.detail.channel')}>
            {t(`evaluations.channel.${d.rating.channel}`)} (
            {d.rating.realName ? t('evaluations.bad.named') : t('evaluations.bad.anonymous')})
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.detail.rated')}>
            {d.rating.staffName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.detail.due')}>{d.dueDate}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('evaluations.detail.process')}>
        <Timeline
          items={d.steps.map((s) => ({
            children: (
              <>
                <b>{t(`evaluations.step.${s.step}`)}</b> {s.actorName} {formatInstant(s.at)}: {s.note}
                {s.reached !== null &&
                  (s.reached ? t('evaluations.detail.reached') : t('evaluations.detail.notReached'))}
                {s.evidence.map((sha) => (
                  <a
                    key={sha}
                    href={`/files/${sha}`}
                    target="_blank"
                    rel="noreferrer"
                    style={{ marginLeft: 8 }}
                  >
                    {t('evaluations.detail.evidence')}
                  </a>
                ))}
              </>
            ),
          }))}
        />
        {d.appeal && (
          <Alert
            type={d.appeal.decision === 'upheld' ? 'success' : 'info'}
            message={t('evaluations.detail.appeal', { by: d.appeal.filedByName, reason: d.appeal.reason })}
            description={
              d.appeal.decision
                ? t('evaluations.detail.decided', {
                    decision: t(`evaluations.detail.${d.appeal.decision}`),
                    note: d.appeal.decisionNote,
                    by: d.appeal.decidedByName,
                  })
                : t('evaluations.detail.pending')
            }
          />
        )}
      </Card>
      {d.actions.length > 0 && (
        <Card title={t('evaluations.detail.handle')}>
          <Flex gap={8} style={{ marginBottom: 16 }}>
            {d.actions.map((a) => (
              <Button
                key={a}
                type={action === a ? 'primary' : 'default'}
                onClick={() => setAction(a)}
                data-testid={`action-${a}`}
              >
                {t(`evaluations.action.${a}`)}
              </Button>
            ))}
          </Flex>
          {action && (
            <Form form={form} layout="vertical">
              {action === 'appeal' && (
                <Form.Item name="kind" label={t('evaluations.detail.appealKind')} initialValue="malicious">
                  <Radio.Group
                    options={[
                      { value: 'malicious', label: t('evaluations.detail.malicious') },
                      { value: 'mistaken', label: t('evaluations.detail.mistaken') },
                    ]}
                  />
                </Form.Item>
              )}
              {action === 'decideAppeal' && (
                <Form.Item name="decision" label={t('evaluations.detail.decision')} initialValue="rejected">
                  <Radio.Group
                    options={[
                      { value: 'upheld', label: t('evaluations.detail.decideUpheld') },
                      { value: 'rejected', label: t('evaluations.detail.decideRejected') },
                    ]}
                  />
                </Form.Item>
              )}
              {action === 'callback' && (
                <>
                  <Form.Item
                    name="reached"
                    label={t('evaluations.detail.reachedLabel')}
                    valuePropName="checked"
                    initialValue
                  >
                    <Switch data-testid="callback-reached" />
                  </Form.Item>
                  <Form.Item name="satisfied" label={t('evaluations.detail.satisfied')}>
                    <Radio.Group
                      options={[
                        { value: true, label: t('evaluations.detail.yes') },
                        { value: false, label: t('evaluations.detail.no') },
                      ]}
                    />
                  </Form.Item>
                </>
              )}
              {action === 'rectify' && (
                <Form.Item label={t('evaluations.detail.evidenceLabel')} required>
                  <Upload
                    data-testid="evidence-upload"
                    customRequest={({ file, onSuccess, onError }) => {
                      setUploading((n) => n + 1);
                      uploadEvidence(id, file as File)
                        .then((r) => {
                          setEvidence((e) => [...e, r.sha256]);
                          onSuccess?.(r);
                        })
                        .catch((e: Error) => onError?.(e))
                        .finally(() => setUploading((n) => n - 1));
                    }}
                  >
                    <Button>{t('evaluations.detail.upload')}</Button>
                  </Upload>
                </Form.Item>
              )}
              <Form.Item
                name="note"
                label={t('evaluations.detail.note')}
                rules={[{ required: true, min: 2, message: t('evaluations.detail.noteRequired') }]}
              >
                <Input.TextArea rows={3} data-testid="step-note" />
              </Form.Item>
              <Button
                type="primary"
                loading={act.isPending}
                disabled={uploading > 0}
                onClick={() => void submit()}
                data-testid="step-submit"
              >
                {t('evaluations.detail.submit')}
              </Button>
            </Form>
          )}
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
        </Card>
      )}
    </Flex>
  );
}

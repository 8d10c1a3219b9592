import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { type ReviewFile, type RubricItem } from '@tongban/contracts';
import { useScoreFile } from '../api';
import { useReviewLabels } from '../labels';

/** Scores one file on the rubric; each item starts from what the record proves, which the reviewer confirms. */
export function ScoreModal(props: {
  planId: string;
  rubric: RubricItem[];
  file: ReviewFile;
  onClose: () => void;
}) {
  const L = useReviewLabels();
  const { t } = L;
  const score = useScoreFile(props.planId);
  const [form] = Form.useForm<Record<string, number> & { comment?: string }>();
  const initial = Object.fromEntries(
    props.rubric.map((r) => [r.key, props.file.prefill[r.key]?.suggested ?? undefined]),
  );
  const submit = async () => {
    const { comment, ...scores } = await form.validateFields();
    await score.mutateAsync({ fileId: props.file.id, body: { scores, comment: comment ?? '' } });
    props.onClose();
  };
  return (
    <Modal
      open
      width={680}
      title={`${t('reviews.plan.score')}：${props.file.caseNo}`}
      onOk={submit}
      okText={t('reviews.score.confirm')}
      confirmLoading={score.isPending}
      onCancel={props.onClose}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('reviews.score.prefillHint')} />
      <Form form={form} layout="vertical" initialValues={initial}>
        {props.rubric.map((r) => (
          <Form.Item
            key={r.key}
            name={r.key}
            label={`${L.rubric(r.key)} (0–${r.maxPoints})`}
            rules={[{ required: true, message: t('reviews.score.required') }]}
            extra={
              <Typography.Text type={props.file.prefill[r.key]?.suggested === 0 ? 'danger' : 'secondary'}>
                {(props.file.prefill[r.key]?.evidence ?? []).join('；')}
              </Typography.Text>
            }
          >
            <InputNumber min={0} max={r.maxPoints} precision={0} data-testid={`score-${r.key}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('reviews.score.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useSignOff } from '../api';
import type { MeasureRef } from './progress-modal';

/**
 * 销号: the verifier confirms the evidence. REC-1 (evidence needed) and SOD-2 (not the owner) are
 * checked by the server; its Chinese refusal is shown here as it comes.
 */
export function SignoffModal({ measure, onClose }: { measure: MeasureRef | undefined; onClose: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const signOff = useSignOff();

  useEffect(() => {
    if (measure) {
      setComment('');
      setError(undefined);
    }
  }, [measure]);

  const onOk = async () => {
    if (!measure) return;
    setError(undefined);
    try {
      await signOff.mutateAsync({ measureId: measure.id, comment: comment.trim() || undefined });
      notifySuccess('已销号');
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '销号失败，请稍后再试');
    }
  };

  return (
    <Modal
      open={!!measure}
      title="销号核验"
      okText="确认销号"
      cancelText="取消"
      confirmLoading={signOff.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="signoff-modal"
    >
      <Typography.Paragraph type="secondary">
        销号须有佐证材料，且由责任人以外的督查人员或领导核验。销号后，该措施在整改通报中计为已完成。
      </Typography.Paragraph>
      {measure && <Typography.Paragraph>整改措施：{measure.content}</Typography.Paragraph>}
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signoff-error" />
      )}
      <Form layout="vertical">
        <Form.Item label="核验意见">
          <Input.TextArea
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="例如：已抽查佐证材料，整改到位"
            data-testid="signoff-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

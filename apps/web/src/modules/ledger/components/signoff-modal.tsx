import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useSignOff } from '../api';
import type { MeasureRef } from './progress-modal';
import { tr } from '../../../app/i18n';

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
      notifySuccess(tr('ledger.signoffModal.closed'));
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : tr('ledger.signoffModal.closingFailedPleaseTry'));
    }
  };

  return (
    <Modal
      open={!!measure}
      title={tr('ledger.signoffModal.verifyClosing')}
      okText={tr('ledger.signoffModal.confirmClosing')}
      cancelText={tr('ledger.signoffModal.cancel')}
      confirmLoading={signOff.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="signoff-modal"
    >
      <Typography.Paragraph type="secondary">
        {tr('ledger.signoffModal.closingNeedsEvidenceAnd')}
      </Typography.Paragraph>
      {measure && (
        <Typography.Paragraph>
          {tr('ledger.signoffModal.measure')}
          {measure.content}
        </Typography.Paragraph>
      )}
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signoff-error" />
      )}
      <Form layout="vertical">
        <Form.Item label={tr('ledger.signoffModal.verificationOpinion')}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={tr('ledger.signoffModal.eGEvidenceSpot')}
            data-testid="signoff-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

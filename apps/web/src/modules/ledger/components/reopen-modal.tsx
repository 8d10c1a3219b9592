import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useReopen } from '../api';
import { tr } from '../../../app/i18n';

export type ReopenTarget = { target: 'measure' | 'finding'; id: string; title: string };

/** 回头看: reopens a signed-off measure (or every signed-off measure of a finding) with a reason. */
export function ReopenModal({ target, onClose }: { target: ReopenTarget | undefined; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const reopen = useReopen();

  useEffect(() => {
    if (target) {
      setReason('');
      setError(undefined);
    }
  }, [target]);

  const onOk = async () => {
    if (!target) return;
    if (!reason.trim()) {
      setError(tr('ledger.reopenModal.pleaseEnterTheReason'));
      return;
    }
    setError(undefined);
    try {
      await reopen.mutateAsync({ target: target.target, id: target.id, reason: reason.trim() });
      notifySuccess(tr('ledger.reopenModal.reopenedTheClosingStays'));
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : tr('ledger.reopenModal.operationFailedPleaseTry'));
    }
  };

  return (
    <Modal
      open={!!target}
      title={
        target?.target === 'finding'
          ? tr('ledger.reopenModal.followUpCheckReopen')
          : tr('ledger.reopenModal.followUpCheckReopen2')
      }
      okText={tr('ledger.reopenModal.reopen')}
      okButtonProps={{ danger: true }}
      cancelText={tr('ledger.reopenModal.cancel')}
      confirmLoading={reopen.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="reopen-modal"
    >
      <Typography.Paragraph type="secondary">
        {target?.target === 'finding'
          ? tr('ledger.reopenModal.everyClosedMeasureOf')
          : tr('ledger.reopenModal.theMeasureReopensAnd')}
      </Typography.Paragraph>
      {target && <Typography.Paragraph>{target.title}</Typography.Paragraph>}
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="reopen-error" />
      )}
      <Form layout="vertical">
        <Form.Item label={tr('ledger.reopenModal.reason')} required>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={tr('ledger.reopenModal.eGASpot')}
            data-testid="reopen-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

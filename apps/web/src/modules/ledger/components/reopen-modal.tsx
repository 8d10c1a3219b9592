import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useReopen } from '../api';

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
      setError('请填写回头看原因');
      return;
    }
    setError(undefined);
    try {
      await reopen.mutateAsync({ target: target.target, id: target.id, reason: reason.trim() });
      notifySuccess('已重新打开，原销号记录保留在历史中');
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请稍后再试');
    }
  };

  return (
    <Modal
      open={!!target}
      title={target?.target === 'finding' ? '回头看：重新打开问题' : '回头看：重新打开整改措施'}
      okText="重新打开"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={reopen.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="reopen-modal"
    >
      <Typography.Paragraph type="secondary">
        {target?.target === 'finding'
          ? '该问题下所有已销号的整改措施将重新打开，须重新提供佐证并核验销号。'
          : '该措施将重新打开，须重新提供佐证并核验销号；原销号记录保留在历史中。'}
      </Typography.Paragraph>
      {target && <Typography.Paragraph>{target.title}</Typography.Paragraph>}
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="reopen-error" />
      )}
      <Form layout="vertical">
        <Form.Item label="回头看原因" required>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="例如：回头看抽查发现问题反弹"
            data-testid="reopen-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

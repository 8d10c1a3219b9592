import { CasesErrorCode } from '@tongban/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Form, Modal, Typography } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useTransition } from '../api';
import { tr } from '../../../app/i18n';

export type FormValues = Record<string, unknown>;

/** One case transition as a dialog: its fields, and how the values become the request body. */
export type ActionSpec = {
  /** Path segment after /api/cases/:id/ (e.g. `complete-step`, `extension/decision`). */
  name: string;
  title: string;
  okText: string;
  danger?: boolean;
  fields?: (form: FormInstance) => ReactNode;
  /** What the action will do, in words, shown above the fields (or alone when there are none). */
  description?: ReactNode;
  initialValues?: FormValues;
  toBody?: (values: FormValues) => Record<string, unknown>;
  done: string;
};

/**
 * Sends the transition with the case version as last read. A refusal is shown in the dialog in the
 * server's words (SOD-1, DEC-1 …); a stale version (409 CASE_STALE) reloads the case.
 */
export function ActionModal({
  caseId,
  version,
  spec,
  onClose,
  onDone,
  submit: send,
}: {
  caseId: string;
  version: number;
  spec: ActionSpec | undefined;
  onClose: () => void;
  onDone?: () => void;
  /** Sends the action some other way (the intake wizard files the case with it, issue 14 point 7). */
  submit?: (name: string, body: Record<string, unknown>) => Promise<void>;
}) {
  const [sending, setSending] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const transition = useTransition();
  const [error, setError] = useState<{ message: string; stale: boolean }>();

  useEffect(() => {
    if (!spec) return;
    setError(undefined);
    form.resetFields();
  }, [spec, form]);

  const submit = async () => {
    if (!spec) return;
    const values = spec.fields ? await form.validateFields() : {};
    setError(undefined);
    const body = spec.toBody ? spec.toBody(values) : values;
    setSending(true);
    try {
      if (send) await send(spec.name, body);
      else await transition.mutateAsync({ id: caseId, name: spec.name, body: { ...body, version } });
      notifySuccess(spec.done);
      onClose();
      onDone?.();
    } catch (e) {
      const stale = e instanceof ApiError && e.code === CasesErrorCode.STALE;
      setError({
        message: stale
          ? tr('cases.actionModal.theCaseWasReloaded', { message: e.message })
          : e instanceof Error
            ? e.message
            : String(e),
        stale,
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={!!spec}
      title={spec?.title}
      okText={spec?.okText}
      cancelText={tr('cases.actionModal.cancel')}
      okButtonProps={{ danger: spec?.danger, 'data-testid': 'action-ok' } as ButtonProps}
      confirmLoading={transition.isPending || sending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {error && (
        <Alert
          type={error.stale ? 'warning' : 'error'}
          showIcon
          title={error.message}
          style={{ marginBottom: 16 }}
          data-testid="action-error"
        />
      )}
      {spec?.description && (
        <Typography.Paragraph data-testid="action-description">{spec.description}</Typography.Paragraph>
      )}
      {spec?.fields && (
        <Form form={form} layout="vertical" initialValues={spec.initialValues} preserve={false}>
          {spec.fields(form)}
        </Form>
      )}
    </Modal>
  );
}

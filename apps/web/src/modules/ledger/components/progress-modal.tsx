import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useAddProgress } from '../api';
import { tr } from '../../../app/i18n';

/** `recurring`: a signed-off 长期坚持 measure taking its period's evidence — no new sign-off request. */
export type MeasureRef = { id: string; content: string; finding?: string; recurring?: boolean };

type FormValues = { date: Dayjs; text: string; evidenceText?: string; requestSignoff: boolean };

const MAX_BYTES = 20 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/** 添加进展: what was done, with evidence (a file or a record such as a document number). */
export function ProgressModal({
  measure,
  onClose,
}: {
  measure: MeasureRef | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string>();
  const add = useAddProgress();

  useEffect(() => {
    if (measure) {
      form.setFieldsValue({ date: dayjs(), text: '', evidenceText: '', requestSignoff: false });
      setFiles([]);
      setError(undefined);
    }
  }, [measure, form]);

  const onOk = async () => {
    if (!measure) return;
    const values = await form.validateFields();
    const file = files[0]?.originFileObj;
    setError(undefined);
    try {
      await add.mutateAsync({
        measureId: measure.id,
        input: {
          date: values.date.format('YYYY-MM-DD'),
          text: values.text.trim(),
          ...(values.evidenceText?.trim() ? { evidenceText: values.evidenceText.trim() } : {}),
          requestSignoff: values.requestSignoff,
        },
        ...(file ? { file } : {}),
      });
      notifySuccess(
        values.requestSignoff
          ? tr('ledger.progressModal.progressReportedClosingRequested')
          : tr('ledger.progressModal.progressReported'),
      );
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : tr('ledger.progressModal.reportingFailedPleaseTry'));
    }
  };

  return (
    <Modal
      open={!!measure}
      title={tr('ledger.progressModal.addProgress')}
      okText={tr('ledger.progressModal.submit')}
      cancelText={tr('ledger.progressModal.cancel')}
      confirmLoading={add.isPending}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="progress-modal"
    >
      {measure && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
          {tr('ledger.progressModal.measure')}
          {measure.content}
        </Typography.Paragraph>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="progress-error"
        />
      )}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="date"
          label={tr('ledger.progressModal.date')}
          rules={[{ required: true, message: tr('ledger.progressModal.pleaseSelectTheDate') }]}
        >
          <DatePicker style={{ width: 200 }} allowClear={false} data-testid="progress-date" />
        </Form.Item>
        <Form.Item
          name="text"
          label={tr('ledger.progressModal.progress')}
          rules={[
            { required: true, whitespace: true, message: tr('ledger.progressModal.pleaseEnterTheProgress') },
            { max: 5000, message: tr('ledger.progressModal.progressMayHaveAt') },
          ]}
        >
          <Input.TextArea
            rows={3}
            placeholder={tr('ledger.progressModal.eGHeldA')}
            data-testid="progress-text"
          />
        </Form.Item>
        <Form.Item
          name="evidenceText"
          label={tr('ledger.progressModal.evidenceRecord')}
          extra={tr('ledger.progressModal.describeTheEvidenceE')}
          rules={[{ max: 2000, message: tr('ledger.progressModal.theEvidenceRecordMay') }]}
        >
          <Input placeholder={tr('ledger.progressModal.eG202615')} data-testid="progress-evidence-text" />
        </Form.Item>
        <Form.Item
          label={tr('ledger.progressModal.evidenceFile')}
          extra={tr('ledger.progressModal.pdfPngJpegAt')}
        >
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            maxCount={1}
            fileList={files}
            beforeUpload={(file) => {
              if (!TYPES.includes(file.type)) {
                setError(tr('ledger.progressModal.evidenceMustBePdf'));
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_BYTES) {
                setError(tr('ledger.progressModal.evidenceMayBeAt'));
                return Upload.LIST_IGNORE;
              }
              setError(undefined);
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
            data-testid="progress-file"
          >
            <Button icon={<UploadOutlined />}>{tr('ledger.progressModal.chooseFile')}</Button>
          </Upload>
        </Form.Item>
        {measure?.recurring ? (
          <Typography.Text type="secondary">
            {tr('ledger.progressModal.thisOngoingMeasureIs')}
          </Typography.Text>
        ) : (
          <Form.Item name="requestSignoff" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="progress-request-signoff">
              {tr('ledger.progressModal.doneAskToClose')}
            </Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useAddProgress } from '../api';

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
      notifySuccess(values.requestSignoff ? '进展已填报，已申请销号' : '进展已填报');
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '填报失败，请稍后再试');
    }
  };

  return (
    <Modal
      open={!!measure}
      title="添加整改进展"
      okText="提交"
      cancelText="取消"
      confirmLoading={add.isPending}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="progress-modal"
    >
      {measure && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
          整改措施：{measure.content}
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
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: 200 }} allowClear={false} data-testid="progress-date" />
        </Form.Item>
        <Form.Item
          name="text"
          label="整改进展"
          rules={[
            { required: true, whitespace: true, message: '请填写整改进展' },
            { max: 5000, message: '整改进展不超过 5000 个字' },
          ]}
        >
          <Input.TextArea
            rows={3}
            placeholder="例如：已召开专题会议，修订并印发办理流程"
            data-testid="progress-text"
          />
        </Form.Item>
        <Form.Item
          name="evidenceText"
          label="佐证记录"
          extra="佐证材料说明，如会议纪要、文件文号、台账编号；销号须有佐证文件或佐证记录"
          rules={[{ max: 2000, message: '佐证材料说明不超过 2000 个字' }]}
        >
          <Input placeholder="例如：云审服〔2026〕15号" data-testid="progress-evidence-text" />
        </Form.Item>
        <Form.Item label="佐证文件" extra="PDF、PNG、JPEG，不超过 20 MB，每次一个文件">
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            maxCount={1}
            fileList={files}
            beforeUpload={(file) => {
              if (!TYPES.includes(file.type)) {
                setError('只支持 PDF、PNG、JPEG 格式的佐证文件');
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_BYTES) {
                setError('佐证文件不能超过 20 MB');
                return Upload.LIST_IGNORE;
              }
              setError(undefined);
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
            data-testid="progress-file"
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        {measure?.recurring ? (
          <Typography.Text type="secondary">
            长期坚持的整改措施已销号，每期须填报进展并附佐证材料（文件或记录）；无佐证的进展不计入本期。
          </Typography.Text>
        ) : (
          <Form.Item name="requestSignoff" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="progress-request-signoff">已完成整改，申请销号</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

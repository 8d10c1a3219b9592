import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LOCAL_DAY_KIND_LABELS, type LocalDayKind } from '@tongban/contracts';
import { notifySuccess } from '../../../app/notify';
import { useAddLocalDay } from '../api';

type FormValues = { date: Dayjs; kind: LocalDayKind; reason: string };

type Props = {
  open: boolean;
  regionCode: string;
  regionName: string;
  /** Pre-filled date (the day clicked in the month view). */
  date: Dayjs | undefined;
  onClose: () => void;
};

/** CAL-2: add a local closure (typhoon, flood…) or an extra working day for a region. */
export function LocalDayModal({ open, regionCode, regionName, date, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const add = useAddLocalDay();

  useEffect(() => {
    if (open) form.setFieldsValue({ date: date ?? dayjs(), kind: 'closure', reason: '' });
  }, [open, date, form]);

  const onOk = async () => {
    const values = await form.validateFields();
    await add.mutateAsync({
      regionCode,
      date: values.date.format('YYYY-MM-DD'),
      kind: values.kind,
      reason: values.reason.trim(),
    });
    notifySuccess(`已新增 ${values.date.format('YYYY-MM-DD')} 的本地调整`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title="新增本地调整"
      okText="保存"
      cancelText="取消"
      confirmLoading={add.isPending}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        适用于{regionName}及其下辖区划。停工日不计入办理时限，进行中办件的期限将相应顺延；加班日计为工作日。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="local-day-date" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Radio.Group
            data-testid="local-day-kind"
            options={(Object.keys(LOCAL_DAY_KIND_LABELS) as LocalDayKind[]).map((k) => ({
              value: k,
              label: LOCAL_DAY_KIND_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="原因"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { max: 200, message: '原因不超过 200 个字' },
          ]}
        >
          <Input
            placeholder="例如：台风“海葵”过境，全县停工"
            maxLength={200}
            data-testid="local-day-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LOCAL_DAY_KIND_LABELS, type LocalDayKind } from '@tongban/contracts';
import { notifySuccess } from '../../../app/notify';
import { useAddLocalDay } from '../api';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

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
    notifySuccess(
      tr('calendar.localDayModal.localAdjustmentAddedFor', { v0: values.date.format('YYYY-MM-DD') }),
    );
    onClose();
  };

  return (
    <Modal
      open={open}
      title={tr('calendar.localDayModal.addLocalAdjustment')}
      okText={tr('calendar.localDayModal.save')}
      cancelText={tr('calendar.localDayModal.cancel')}
      confirmLoading={add.isPending}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {tr('calendar.localDayModal.appliesTo')}
        {regionName}
        {tr('calendar.localDayModal.andTheRegionsUnder')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="date"
          label={tr('calendar.localDayModal.date')}
          rules={[{ required: true, message: tr('calendar.localDayModal.pleaseSelectTheDate') }]}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="local-day-date" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={tr('calendar.localDayModal.type')}
          rules={[{ required: true, message: tr('calendar.localDayModal.pleaseSelectTheType') }]}
        >
          <Radio.Group
            data-testid="local-day-kind"
            options={(Object.keys(labelsOf(LOCAL_DAY_KIND_LABELS)) as LocalDayKind[]).map((k) => ({
              value: k,
              label: labelsOf(LOCAL_DAY_KIND_LABELS)[k],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={tr('calendar.localDayModal.reason')}
          rules={[
            { required: true, whitespace: true, message: tr('calendar.localDayModal.pleaseEnterTheReason') },
            { max: 200, message: tr('calendar.localDayModal.theReasonMayHave') },
          ]}
        >
          <Input
            placeholder={tr('calendar.localDayModal.eGTyphoonHaikui')}
            maxLength={200}
            data-testid="local-day-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

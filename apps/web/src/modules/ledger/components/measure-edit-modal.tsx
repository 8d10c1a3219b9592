import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  LEDGER_MEASURE_KIND_LABELS,
  RECUR_PERIOD_LABELS,
  type LedgerMeasureKind,
  type RecurPeriod,
} from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useCurrentUser } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useDepartments } from '../../org';
import { useUpdateMeasure } from '../api';
import { personOptions, usePeople } from './people';

export type EditableMeasure = {
  id: string;
  content: string;
  leader: string;
  departmentId: string | null;
  ownerUserId: string | null;
  dueDate: string | null;
  kind: LedgerMeasureKind;
  recurPeriod?: RecurPeriod | null;
};

type FormValues = {
  content: string;
  leader: string;
  departmentId: string | null;
  ownerUserId: string | null;
  dueDate: Dayjs | null;
  kind: LedgerMeasureKind;
  recurPeriod?: RecurPeriod | null;
};

/** 编辑措施: assigns 责任领导、责任部门、责任人、完成时限 (typically after an import). */
export function MeasureEditModal({
  measure,
  onClose,
}: {
  measure: EditableMeasure | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string>();
  const user = useCurrentUser();
  const people = usePeople();
  const departments = useDepartments();
  const update = useUpdateMeasure();

  useEffect(() => {
    if (measure) {
      setError(undefined);
      form.setFieldsValue({
        content: measure.content,
        leader: measure.leader,
        departmentId: measure.departmentId,
        ownerUserId: measure.ownerUserId,
        dueDate: measure.dueDate ? dayjs(measure.dueDate) : null,
        kind: measure.kind,
        recurPeriod: measure.recurPeriod ?? 'quarter',
      });
    }
  }, [measure, form]);

  const onOk = async () => {
    if (!measure) return;
    const v = await form.validateFields();
    setError(undefined);
    try {
      await update.mutateAsync({
        measureId: measure.id,
        patch: {
          content: v.content.trim(),
          leader: v.leader?.trim() ?? '',
          departmentId: v.departmentId ?? null,
          ownerUserId: v.ownerUserId ?? null,
          dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
          kind: v.kind,
          recurPeriod: v.kind === 'ongoing' ? (v.recurPeriod ?? 'quarter') : null,
        },
      });
      notifySuccess('整改措施已保存');
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败，请稍后再试');
    }
  };

  return (
    <Modal
      open={!!measure}
      title="编辑整改措施"
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="measure-edit-modal"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="content"
          label="整改措施"
          rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="kind" label="措施类型" rules={[{ required: true, message: '请选择措施类型' }]}>
          <Select
            options={(Object.keys(LEDGER_MEASURE_KIND_LABELS) as LedgerMeasureKind[]).map((k) => ({
              value: k,
              label: LEDGER_MEASURE_KIND_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {() =>
            form.getFieldValue('kind') === 'ongoing' && (
              <Form.Item
                name="recurPeriod"
                label="销号后复核周期"
                extra="长期坚持的措施销号后，责任人每期须填报进展并附佐证；逾期未报的期次在台账中标为脱节。"
              >
                <Select
                  data-testid="measure-recur-period"
                  options={(Object.keys(RECUR_PERIOD_LABELS) as RecurPeriod[]).map((k) => ({
                    value: k,
                    label: RECUR_PERIOD_LABELS[k],
                  }))}
                />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="leader" label="责任领导">
          <Input maxLength={100} placeholder="例如：分管副局长 张某某" />
        </Form.Item>
        <Form.Item name="departmentId" label="责任部门">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择"
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="ownerUserId" label="责任人">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择"
            options={personOptions(people, user.id)}
            data-testid="measure-owner"
          />
        </Form.Item>
        <Form.Item name="dueDate" label="完成时限">
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

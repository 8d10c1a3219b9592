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
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

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
      notifySuccess(tr('ledger.measureEditModal.measureSaved'));
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : tr('ledger.measureEditModal.savingFailedPleaseTry'));
    }
  };

  return (
    <Modal
      open={!!measure}
      title={tr('ledger.measureEditModal.editMeasure')}
      okText={tr('ledger.measureEditModal.save')}
      cancelText={tr('ledger.measureEditModal.cancel')}
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
          label={tr('ledger.measureEditModal.measure')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: tr('ledger.measureEditModal.pleaseEnterTheMeasure'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={tr('ledger.measureEditModal.kindOfMeasure')}
          rules={[{ required: true, message: tr('ledger.measureEditModal.pleaseSelectTheKind') }]}
        >
          <Select
            options={(Object.keys(labelsOf(LEDGER_MEASURE_KIND_LABELS)) as LedgerMeasureKind[]).map((k) => ({
              value: k,
              label: labelsOf(LEDGER_MEASURE_KIND_LABELS)[k],
            }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {() =>
            form.getFieldValue('kind') === 'ongoing' && (
              <Form.Item
                name="recurPeriod"
                label={tr('ledger.measureEditModal.reviewPeriodAfterClosing')}
                extra={tr('ledger.measureEditModal.afterAnOngoingMeasure')}
              >
                <Select
                  data-testid="measure-recur-period"
                  options={(Object.keys(labelsOf(RECUR_PERIOD_LABELS)) as RecurPeriod[]).map((k) => ({
                    value: k,
                    label: labelsOf(RECUR_PERIOD_LABELS)[k],
                  }))}
                />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="leader" label={tr('ledger.measureEditModal.responsibleLeader')}>
          <Input maxLength={100} placeholder={tr('ledger.measureEditModal.eGDeputyDirector')} />
        </Form.Item>
        <Form.Item name="departmentId" label={tr('ledger.measureEditModal.responsibleDepartment')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={tr('ledger.measureEditModal.select')}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="ownerUserId" label={tr('ledger.measureEditModal.responsiblePerson')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={tr('ledger.measureEditModal.select')}
            options={personOptions(people, user.id)}
            data-testid="measure-owner"
          />
        </Form.Item>
        <Form.Item name="dueDate" label={tr('ledger.measureEditModal.dueDate')}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

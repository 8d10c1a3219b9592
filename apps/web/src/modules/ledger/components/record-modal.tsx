import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  ACCOUNTABILITY_KIND_LABELS,
  LEDGER_MEASURE_KIND_LABELS,
  RECOVERY_KIND_LABELS,
  type AccountabilityKind,
  type LedgerMeasureKind,
  type RecoveryKind,
} from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useAddMeasure, useAddToInspection, useUpdateInspection, type InspectionDetail } from '../api';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/**
 * 登记: what a saved inspection also records beside its measures — 问责 (by kind and person count),
 * 建章立制, 追缴/退还 and 移交线索, per finding — and findings and measures added after the import.
 * The report and its .docx count them (TRUTH-1: computed, never typed in as totals).
 */
export type RecordWhat = 'accountability' | 'regulation' | 'recovery' | 'leads' | 'finding' | 'measure';

const WHAT_LABELS: Record<RecordWhat, string> = {
  get accountability() {
    return tr('ledger.recordModal.accountability');
  },
  get regulation() {
    return tr('ledger.recordModal.newRules');
  },
  get recovery() {
    return tr('ledger.recordModal.fundsRecoveredReturned');
  },
  get leads() {
    return tr('ledger.recordModal.leadsTransferred');
  },
  get finding() {
    return tr('ledger.recordModal.addProblem');
  },
  get measure() {
    return tr('ledger.recordModal.addMeasure');
  },
};

type Values = {
  findingId?: string;
  findingIds?: string[];
  kind?: string;
  count?: number;
  names?: string;
  name?: string;
  docNumber?: string;
  amountYuan?: number;
  date?: dayjs.Dayjs;
  note?: string;
  leadsReferred?: number;
  receiver?: string;
  title?: string;
  description?: string;
  categoryId?: string;
  content?: string;
  measureKind?: LedgerMeasureKind;
  dueDate?: dayjs.Dayjs;
};

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export function RecordModal({
  detail,
  open,
  onClose,
}: {
  detail: InspectionDetail | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const [what, setWhat] = useState<RecordWhat>('accountability');
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<Values>();
  const add = useAddToInspection();
  const addMeasure = useAddMeasure();
  const patch = useUpdateInspection();
  const findings = (detail?.findings ?? []).map((f) => ({ value: f.id, label: `${f.number}. ${f.title}` }));
  const categories = (detail?.categories ?? []).map((c) => ({ value: c.id, label: `${c.label}${c.title}` }));
  const inspectionId = detail?.inspection.id;
  const day = (d: dayjs.Dayjs | undefined) => (d ?? dayjs()).format('YYYY-MM-DD');

  const submit = async (v: Values) => {
    if (!inspectionId) return;
    setError(undefined);
    try {
      if (what === 'accountability')
        await add.mutateAsync({
          inspectionId,
          what: 'accountability',
          body: {
            kind: v.kind as AccountabilityKind,
            count: v.count ?? 1,
            date: day(v.date),
            findingId: v.findingId ?? null,
            ...(v.names?.trim() ? { names: v.names.trim() } : {}),
          },
        });
      else if (what === 'regulation')
        await add.mutateAsync({
          inspectionId,
          what: 'regulations',
          body: {
            name: v.name ?? '',
            date: day(v.date),
            findingIds: v.findingIds ?? [],
            ...(v.docNumber?.trim() ? { docNumber: v.docNumber.trim() } : {}),
          },
        });
      else if (what === 'recovery')
        await add.mutateAsync({
          inspectionId,
          what: 'recoveries',
          body: {
            kind: v.kind as RecoveryKind,
            // 分, an integer: the form takes 元 with two decimals.
            amountFen: Math.round((v.amountYuan ?? 0) * 100),
            date: day(v.date),
            findingId: v.findingId ?? null,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        });
      else if (what === 'leads')
        await add.mutateAsync({
          inspectionId,
          what: 'leads',
          body: {
            count: v.leadsReferred ?? 1,
            date: day(v.date),
            findingId: v.findingId ?? null,
            ...(v.receiver?.trim() ? { receiver: v.receiver.trim() } : {}),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        });
      else if (what === 'finding')
        await add.mutateAsync({
          inspectionId,
          what: 'findings',
          body: {
            title: v.title ?? '',
            categoryId: v.categoryId ?? null,
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
          },
        });
      else if (v.findingId)
        await addMeasure.mutateAsync({
          findingId: v.findingId,
          body: {
            content: v.content ?? '',
            kind: v.measureKind ?? 'deadline',
            dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
          },
        });
      notifySuccess(tr('ledger.recordModal.recorded', { v0: WHAT_LABELS[what] }));
      form.resetFields();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : tr('ledger.recordModal.recordingFailedPleaseTry'));
    }
  };

  const findingField = (required: boolean) => (
    <Form.Item
      name="findingId"
      label={tr('ledger.recordModal.problem')}
      rules={required ? [{ required: true, message: tr('ledger.recordModal.pleaseChooseTheProblem') }] : []}
    >
      <Select
        allowClear={!required}
        showSearch={{ optionFilterProp: 'label' }}
        options={findings}
        placeholder={
          required ? tr('ledger.recordModal.chooseAProblem') : tr('ledger.recordModal.leaveEmptyIfNot')
        }
        data-testid="record-finding"
      />
    </Form.Item>
  );
  const dateField = (
    <Form.Item name="date" label={tr('ledger.recordModal.date')} initialValue={dayjs()}>
      <DatePicker />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={tr('ledger.recordModal.recordAccountabilityAndResults')}
      okText={tr('ledger.recordModal.register')}
      cancelText={tr('ledger.recordModal.cancel')}
      confirmLoading={add.isPending || addMeasure.isPending || patch.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="record-modal"
    >
      <Segmented
        block
        value={what}
        onChange={(v) => {
          setWhat(v);
          setError(undefined);
          form.resetFields();
        }}
        options={options(WHAT_LABELS)}
        style={{ marginBottom: 16 }}
        data-testid="record-what"
      />
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="record-error" />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        {what === 'accountability' && (
          <>
            {findingField(false)}
            <Form.Item
              name="kind"
              label={tr('ledger.recordModal.kindOfAccountability')}
              rules={[{ required: true, message: tr('ledger.recordModal.pleaseSelectTheKind') }]}
            >
              <Select options={options(labelsOf(ACCOUNTABILITY_KIND_LABELS))} data-testid="record-kind" />
            </Form.Item>
            <Form.Item
              name="count"
              label={tr('ledger.recordModal.persons')}
              initialValue={1}
              rules={[{ required: true, message: tr('ledger.recordModal.pleaseEnterTheNumber') }]}
            >
              <InputNumber min={1} max={10000} precision={0} data-testid="record-count" />
            </Form.Item>
            <Form.Item name="names" label={tr('ledger.recordModal.personsHeldAccountableSeen')}>
              <Input maxLength={500} />
            </Form.Item>
            {dateField}
          </>
        )}
        {what === 'regulation' && (
          <>
            <Form.Item
              name="name"
              label={tr('ledger.recordModal.ruleName')}
              rules={[{ required: true, message: tr('ledger.recordModal.pleaseEnterTheRule') }]}
            >
              <Input maxLength={200} data-testid="record-name" />
            </Form.Item>
            <Form.Item name="docNumber" label={tr('ledger.recordModal.documentNo')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="findingIds" label={tr('ledger.recordModal.problem')}>
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={findings} />
            </Form.Item>
            {dateField}
          </>
        )}
        {what === 'recovery' && (
          <>
            {findingField(false)}
            <Form.Item
              name="kind"
              label={tr('ledger.recordModal.type')}
              rules={[{ required: true, message: tr('ledger.recordModal.pleaseChooseRecoveredOr') }]}
            >
              <Select options={options(labelsOf(RECOVERY_KIND_LABELS))} data-testid="record-kind" />
            </Form.Item>
            <Form.Item
              name="amountYuan"
              label={tr('ledger.recordModal.amountYuan')}
              rules={[{ required: true, message: tr('ledger.recordModal.pleaseEnterTheAmount') }]}
            >
              <InputNumber
                min={0.01}
                max={1e11}
                precision={2}
                style={{ width: 200 }}
                data-testid="record-amount"
              />
            </Form.Item>
            <Form.Item name="note" label={tr('ledger.recordModal.note')}>
              <Input maxLength={500} />
            </Form.Item>
            {dateField}
          </>
        )}
        {what === 'leads' && (
          <>
            <Typography.Paragraph type="secondary">
              {tr('ledger.recordModal.leadsTransferredToThe')}
            </Typography.Paragraph>
            {findingField(false)}
            <Form.Item
              name="leadsReferred"
              label={tr('ledger.recordModal.leadsTransferred2')}
              initialValue={1}
              rules={[{ required: true, message: tr('ledger.recordModal.pleaseEnterTheNumber2') }]}
            >
              <InputNumber min={1} max={10000} precision={0} data-testid="record-leads" />
            </Form.Item>
            <Form.Item name="receiver" label={tr('ledger.recordModal.receivedBy')}>
              <Input maxLength={100} placeholder={tr('ledger.recordModal.eGTheCounty')} />
            </Form.Item>
            <Form.Item name="note" label={tr('ledger.recordModal.note')}>
              <Input maxLength={500} />
            </Form.Item>
            {dateField}
          </>
        )}
        {what === 'finding' && (
          <>
            <Form.Item name="categoryId" label={tr('ledger.recordModal.category')}>
              <Select allowClear options={categories} placeholder={tr('ledger.recordModal.uncategorised')} />
            </Form.Item>
            <Form.Item
              name="title"
              label={tr('ledger.recordModal.problem2')}
              rules={[{ required: true, message: tr('ledger.recordModal.pleaseEnterTheProblem') }]}
            >
              <Input maxLength={500} data-testid="record-title" />
            </Form.Item>
            <Form.Item name="description" label={tr('ledger.recordModal.symptoms')}>
              <Input.TextArea rows={3} maxLength={20000} />
            </Form.Item>
          </>
        )}
        {what === 'measure' && (
          <>
            {findingField(true)}
            <Form.Item
              name="content"
              label={tr('ledger.recordModal.measure')}
              rules={[{ required: true, message: tr('ledger.recordModal.pleaseEnterTheMeasure') }]}
            >
              <Input.TextArea rows={3} maxLength={5000} data-testid="record-content" />
            </Form.Item>
            <Form.Item name="measureKind" label={tr('ledger.recordModal.type')} initialValue="deadline">
              <Select options={options(labelsOf(LEDGER_MEASURE_KIND_LABELS))} />
            </Form.Item>
            <Form.Item name="dueDate" label={tr('ledger.recordModal.dueDate')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

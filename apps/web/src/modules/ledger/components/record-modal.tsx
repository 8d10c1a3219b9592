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

/**
 * 登记: what a saved inspection also records beside its measures — 问责 (by kind and person count),
 * 建章立制, 追缴/退还 and 移交线索, per finding — and findings and measures added after the import.
 * The report and its .docx count them (TRUTH-1: computed, never typed in as totals).
 */
export type RecordWhat = 'accountability' | 'regulation' | 'recovery' | 'leads' | 'finding' | 'measure';

const WHAT_LABELS: Record<RecordWhat, string> = {
  accountability: '问责',
  regulation: '建章立制',
  recovery: '追缴/退还资金',
  leads: '移交问题线索',
  finding: '新增问题',
  measure: '新增措施',
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
      notifySuccess(`已登记${WHAT_LABELS[what]}`);
      form.resetFields();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登记失败，请稍后再试');
    }
  };

  const findingField = (required: boolean) => (
    <Form.Item
      name="findingId"
      label="对应问题"
      rules={required ? [{ required: true, message: '请选择问题' }] : []}
    >
      <Select
        allowClear={!required}
        showSearch={{ optionFilterProp: 'label' }}
        options={findings}
        placeholder={required ? '选择问题' : '不针对具体问题可不选'}
        data-testid="record-finding"
      />
    </Form.Item>
  );
  const dateField = (
    <Form.Item name="date" label="日期" initialValue={dayjs()}>
      <DatePicker />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title="登记问责与整改成效"
      okText="登记"
      cancelText="取消"
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
            <Form.Item name="kind" label="问责方式" rules={[{ required: true, message: '请选择问责方式' }]}>
              <Select options={options(ACCOUNTABILITY_KIND_LABELS)} data-testid="record-kind" />
            </Form.Item>
            <Form.Item
              name="count"
              label="人次"
              initialValue={1}
              rules={[{ required: true, message: '请填写人次' }]}
            >
              <InputNumber min={1} max={10000} precision={0} data-testid="record-count" />
            </Form.Item>
            <Form.Item name="names" label="被问责人员（仅督查人员和领导可见，不公开）">
              <Input maxLength={500} />
            </Form.Item>
            {dateField}
          </>
        )}
        {what === 'regulation' && (
          <>
            <Form.Item name="name" label="制度名称" rules={[{ required: true, message: '请填写制度名称' }]}>
              <Input maxLength={200} data-testid="record-name" />
            </Form.Item>
            <Form.Item name="docNumber" label="文号">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="findingIds" label="对应问题">
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={findings} />
            </Form.Item>
            {dateField}
          </>
        )}
        {what === 'recovery' && (
          <>
            {findingField(false)}
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择追缴或退还' }]}>
              <Select options={options(RECOVERY_KIND_LABELS)} data-testid="record-kind" />
            </Form.Item>
            <Form.Item
              name="amountYuan"
              label="金额（元）"
              rules={[{ required: true, message: '请填写金额' }]}
            >
              <InputNumber
                min={0.01}
                max={1e11}
                precision={2}
                style={{ width: 200 }}
                data-testid="record-amount"
              />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input maxLength={500} />
            </Form.Item>
            {dateField}
          </>
        )}
        {what === 'leads' && (
          <>
            <Typography.Paragraph type="secondary">
              移交纪检监察机关的问题线索，按问题登记，件数合计在整改通报中公开。
            </Typography.Paragraph>
            {findingField(false)}
            <Form.Item
              name="leadsReferred"
              label="移交问题线索（件）"
              initialValue={1}
              rules={[{ required: true, message: '请填写件数' }]}
            >
              <InputNumber min={1} max={10000} precision={0} data-testid="record-leads" />
            </Form.Item>
            <Form.Item name="receiver" label="接收单位">
              <Input maxLength={100} placeholder="如：县纪委监委" />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input maxLength={500} />
            </Form.Item>
            {dateField}
          </>
        )}
        {what === 'finding' && (
          <>
            <Form.Item name="categoryId" label="所属类别">
              <Select allowClear options={categories} placeholder="未分类" />
            </Form.Item>
            <Form.Item name="title" label="问题" rules={[{ required: true, message: '请填写问题' }]}>
              <Input maxLength={500} data-testid="record-title" />
            </Form.Item>
            <Form.Item name="description" label="问题表现">
              <Input.TextArea rows={3} maxLength={20000} />
            </Form.Item>
          </>
        )}
        {what === 'measure' && (
          <>
            {findingField(true)}
            <Form.Item
              name="content"
              label="整改措施"
              rules={[{ required: true, message: '请填写整改措施' }]}
            >
              <Input.TextArea rows={3} maxLength={5000} data-testid="record-content" />
            </Form.Item>
            <Form.Item name="measureKind" label="类型" initialValue="deadline">
              <Select options={options(LEDGER_MEASURE_KIND_LABELS)} />
            </Form.Item>
            <Form.Item name="dueDate" label="完成时限">
              <DatePicker />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

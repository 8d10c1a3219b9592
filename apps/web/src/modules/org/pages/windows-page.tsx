import { useEffect, useMemo } from 'react';
import { Button, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { WindowKind, type HallWindow, type HallWindowInput } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useDepartments, useHalls, useSaveWindow, useWindows } from '../api';
import { OrgPageCard } from '../components/org-page-card';
import { nameOf, tablePagination, useLookups } from '../components/org-lookups';
import { useEditModal } from '../components/use-edit-modal';

const KIND_COLORS: Record<WindowKind, string> = {
  comprehensive: 'blue',
  dedicated: 'geekblue',
  assist: 'green',
  unresolved: 'volcano',
  grievance: 'magenta',
  foreign: 'purple',
};

type FormValues = Omit<HallWindowInput, 'departmentId'> & { departmentId?: string | null };

export function WindowsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const writable = can('org.write');
  const windows = useWindows();
  const halls = useHalls();
  const departments = useDepartments();
  const lookups = useLookups({ halls: halls.data, departments: departments.data });
  const modal = useEditModal<HallWindow>();
  const save = useSaveWindow();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (!modal.open) return;
    form.resetFields();
    form.setFieldsValue(modal.record ?? { kind: 'comprehensive', tidal: false, hallId: halls.data?.[0]?.id });
  }, [modal.open, modal.record, form, halls.data]);

  const sorted = useMemo(
    () =>
      [...(windows.data ?? [])].sort(
        (a, b) =>
          a.hallId.localeCompare(b.hallId) || a.number.localeCompare(b.number, 'zh-CN', { numeric: true }),
      ),
    [windows.data],
  );

  const onOk = async () => {
    const v = await form.validateFields();
    await save.mutateAsync({ id: modal.record?.id, input: { ...v, departmentId: v.departmentId ?? null } });
    notifySuccess(modal.isEdit ? t('common.saved') : t('common.created'));
    modal.close();
  };

  const columns: ColumnsType<HallWindow> = [
    { title: t('window.number'), dataIndex: 'number', width: 100 },
    { title: t('window.name'), dataIndex: 'name' },
    {
      title: t('window.kind'),
      dataIndex: 'kind',
      width: 200,
      render: (k: WindowKind, w) => (
        <>
          <Tag color={KIND_COLORS[k]}>{t(`windowKind.${k}`)}</Tag>
          {w.tidal && <Tag color="cyan">{t('window.tidal')}</Tag>}
        </>
      ),
    },
    { title: t('window.hall'), dataIndex: 'hallId', render: (id: string) => nameOf(lookups.hall, id) },
    {
      title: t('window.department'),
      dataIndex: 'departmentId',
      render: (id: string | null) => nameOf(lookups.department, id),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, w) => (
        <Button type="link" size="small" onClick={() => modal.openEdit(w)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const title = t('window.title');
  return (
    <OrgPageCard
      title={title}
      testId="windows-page"
      onCreate={writable ? modal.openCreate : undefined}
      onRefresh={() => void windows.refetch()}
    >
      <Table<HallWindow>
        rowKey="id"
        size="middle"
        loading={windows.isLoading}
        dataSource={sorted}
        columns={columns}
        pagination={tablePagination((n) => t('common.total', { count: n }))}
      />
      <Modal
        title={`${modal.isEdit ? t('common.edit') : t('common.create')} · ${title}`}
        open={modal.open}
        onOk={() => void onOk().catch(() => undefined)}
        onCancel={modal.close}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="hallId"
            label={t('window.hall')}
            rules={[{ required: true, message: t('common.selectRequired', { label: t('window.hall') }) }]}
          >
            <Select
              placeholder={t('common.selectPlaceholder')}
              options={(halls.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
            />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('window.number')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { label: t('window.number') }),
              },
            ]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('window.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { label: t('window.name') }),
              },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('window.kind')}
            rules={[{ required: true, message: t('common.selectRequired', { label: t('window.kind') }) }]}
          >
            <Select options={WindowKind.options.map((k) => ({ value: k, label: t(`windowKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="tidal" label={t('window.tidal')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="departmentId" label={t('window.department')}>
            <Select
              allowClear
              placeholder={t('common.selectPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </OrgPageCard>
  );
}

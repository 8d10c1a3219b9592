import { useEffect } from 'react';
import { Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { isValidRegionCode, type Region, type RegionInput } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useRegions, useSaveRegion } from '../api';
import { OrgPageCard } from '../components/org-page-card';
import { regionLabel, tablePagination, useLookups } from '../components/org-lookups';
import { useEditModal } from '../components/use-edit-modal';

type FormValues = { code: string; name: string; parentCode?: string | null };

export function RegionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const writable = can('org.write');
  const regions = useRegions();
  const lookups = useLookups({ regions: regions.data });
  const modal = useEditModal<Region>();
  const save = useSaveRegion();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (!modal.open) return;
    form.resetFields();
    if (modal.record) form.setFieldsValue(modal.record);
  }, [modal.open, modal.record, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    const input: RegionInput = { code: v.code.trim(), name: v.name, parentCode: v.parentCode ?? null };
    await save.mutateAsync({ id: modal.record?.code, input });
    notifySuccess(modal.isEdit ? t('common.saved') : t('common.created'));
    modal.close();
  };

  const columns: ColumnsType<Region> = [
    { title: t('region.code'), dataIndex: 'code', width: 160, render: (c: string) => <code>{c}</code> },
    { title: t('region.name'), dataIndex: 'name' },
    {
      title: t('region.parent'),
      dataIndex: 'parentCode',
      render: (c: string | null) => regionLabel(lookups.region, c),
    },
    {
      title: t('region.level'),
      dataIndex: 'level',
      width: 120,
      render: (l: number) => <Tag>{t(`region.levels.${l}`, { defaultValue: String(l) })}</Tag>,
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => modal.openEdit(r)} data-testid={`edit-${r.code}`}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <OrgPageCard
      title={t('region.title')}
      testId="regions-page"
      onCreate={writable ? modal.openCreate : undefined}
      onRefresh={() => void regions.refetch()}
    >
      <Table<Region>
        rowKey="code"
        size="middle"
        loading={regions.isLoading}
        dataSource={regions.data}
        columns={columns}
        pagination={tablePagination((n) => t('common.total', { count: n }))}
      />
      <Modal
        title={
          modal.isEdit
            ? `${t('common.edit')} · ${t('region.title')}`
            : `${t('common.create')} · ${t('region.title')}`
        }
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
            name="code"
            label={t('region.code')}
            extra={t('region.codeHint')}
            rules={[
              { required: true, message: t('common.required', { label: t('region.code') }) },
              {
                validator: (_, v: string | undefined) =>
                  !v || isValidRegionCode(v.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('region.codeInvalid'))),
              },
            ]}
          >
            <Input disabled={modal.isEdit} maxLength={12} data-testid="region-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('region.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { label: t('region.name') }),
              },
            ]}
          >
            <Input maxLength={100} data-testid="region-name" />
          </Form.Item>
          <Form.Item name="parentCode" label={t('region.parent')}>
            <Select
              allowClear
              disabled={modal.isEdit}
              placeholder={t('common.selectPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </OrgPageCard>
  );
}

import { useEffect } from 'react';
import { Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { HallLevel, type Hall } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useHalls, useRegions, useSaveHall, type HallSave } from '../api';
import { OrgPageCard } from '../components/org-page-card';
import { regionLabel, tablePagination, useLookups } from '../components/org-lookups';
import { useEditModal } from '../components/use-edit-modal';

const LEVEL_COLORS: Record<HallLevel, string> = { county: 'blue', township: 'cyan', village: 'green' };

export function HallsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const writable = can('org.write');
  const halls = useHalls();
  const regions = useRegions();
  const lookups = useLookups({ regions: regions.data });
  const modal = useEditModal<Hall>();
  const save = useSaveHall();
  const [form] = Form.useForm<HallSave>();

  useEffect(() => {
    if (!modal.open) return;
    form.resetFields();
    if (modal.record) form.setFieldsValue(modal.record);
    else form.setFieldsValue({ level: 'county' });
  }, [modal.open, modal.record, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    await save.mutateAsync({
      id: modal.record?.id,
      input: { ...v, address: v.address ?? '', phone: v.phone ?? '' },
    });
    notifySuccess(modal.isEdit ? t('common.saved') : t('common.created'));
    modal.close();
  };

  const columns: ColumnsType<Hall> = [
    { title: t('hall.name'), dataIndex: 'name' },
    {
      title: t('hall.level'),
      dataIndex: 'level',
      width: 220,
      render: (l: HallLevel) => <Tag color={LEVEL_COLORS[l]}>{t(`hallLevel.${l}`)}</Tag>,
    },
    {
      title: t('hall.region'),
      dataIndex: 'regionCode',
      render: (c: string) => regionLabel(lookups.region, c),
    },
    { title: t('hall.address'), dataIndex: 'address', ellipsis: true },
    { title: t('hall.phone'), dataIndex: 'phone', width: 150 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      render: (_, h) => (
        <Space size={0}>
          {writable && (
            <Button type="link" size="small" onClick={() => modal.openEdit(h)}>
              {t('common.edit')}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            href={`/board/${h.id}`}
            target="_blank"
            data-testid={`board-link-${h.id}`}
          >
            {t('hall.board')}
          </Button>
        </Space>
      ),
    },
  ];

  const title = t('hall.title');
  return (
    <OrgPageCard
      title={title}
      testId="halls-page"
      onCreate={writable ? modal.openCreate : undefined}
      onRefresh={() => void halls.refetch()}
    >
      <Table<Hall>
        rowKey="id"
        size="middle"
        loading={halls.isLoading}
        dataSource={halls.data}
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
            name="name"
            label={t('hall.name')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { label: t('hall.name') }) },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="level"
            label={t('hall.level')}
            rules={[{ required: true, message: t('common.selectRequired', { label: t('hall.level') }) }]}
          >
            <Select options={HallLevel.options.map((l) => ({ value: l, label: t(`hallLevel.${l}`) }))} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('hall.region')}
            rules={[{ required: true, message: t('common.selectRequired', { label: t('hall.region') }) }]}
          >
            <Select
              placeholder={t('common.selectPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
            />
          </Form.Item>
          <Form.Item name="address" label={t('hall.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t('hall.phone')}>
            <Input maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
    </OrgPageCard>
  );
}

import { useEffect } from 'react';
import { Button, Form, Input, Modal, Select, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentInput } from '@tongban/contracts';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useDepartments, useHalls, useRegions, useSaveDepartment } from '../api';
import { OrgPageCard } from '../components/org-page-card';
import { nameOf, regionLabel, tablePagination, useLookups } from '../components/org-lookups';
import { useEditModal } from '../components/use-edit-modal';

type FormValues = {
  regionCode: string;
  hallId?: string | null;
  name: string;
  shortName?: string;
  exempt: boolean;
  hallExemption?: string;
};

export function DepartmentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const user = useCurrentUser();
  const writable = can('org.write');
  const departments = useDepartments();
  const halls = useHalls();
  const regions = useRegions();
  const lookups = useLookups({ regions: regions.data, halls: halls.data });
  const modal = useEditModal<Department>();
  const save = useSaveDepartment();
  const [form] = Form.useForm<FormValues>();
  const exempt = Form.useWatch('exempt', form);
  // 应进必进: a new department sits in the county hall unless put on the 负面清单.
  const defaultHallId = (halls.data?.find((h) => h.level === 'county') ?? halls.data?.[0])?.id;

  useEffect(() => {
    if (!modal.open) return;
    form.resetFields();
    const r = modal.record;
    form.setFieldsValue(
      r
        ? { ...r, exempt: r.hallExemption !== null, hallExemption: r.hallExemption ?? undefined }
        : { regionCode: user.regionCode, hallId: defaultHallId, exempt: false },
    );
  }, [modal.open, modal.record, form, user.regionCode, defaultHallId]);

  const onOk = async () => {
    const v = await form.validateFields();
    const input: DepartmentInput = {
      regionCode: v.regionCode,
      hallId: v.hallId ?? null,
      name: v.name,
      shortName: v.shortName ?? '',
      // 负面清单: a reason means the department does not sit in the hall; null means it does.
      hallExemption: v.exempt ? (v.hallExemption ?? '').trim() : null,
    };
    await save.mutateAsync({ id: modal.record?.id, input });
    notifySuccess(modal.isEdit ? t('common.saved') : t('common.created'));
    modal.close();
  };

  const columns: ColumnsType<Department> = [
    { title: t('department.name'), dataIndex: 'name' },
    { title: t('department.shortName'), dataIndex: 'shortName', width: 140 },
    {
      title: t('department.hall'),
      dataIndex: 'hallId',
      render: (id: string | null) => nameOf(lookups.hall, id),
    },
    {
      title: t('department.status'),
      dataIndex: 'hallExemption',
      width: 140,
      render: (reason: string | null, d) =>
        reason !== null ? (
          <Tooltip title={reason}>
            <Tag color="orange">{t('department.exempt')}</Tag>
          </Tooltip>
        ) : d.hallId ? (
          <Tag color="green">{t('department.inHall')}</Tag>
        ) : (
          // Neither in a hall nor on the published 负面清单: 应进必进 is not met.
          <Tag color="red">{t('department.noHall')}</Tag>
        ),
    },
    {
      title: t('department.region'),
      dataIndex: 'regionCode',
      render: (c: string) => regionLabel(lookups.region, c),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, d) => (
        <Button type="link" size="small" onClick={() => modal.openEdit(d)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const title = t('department.title');
  return (
    <OrgPageCard
      title={title}
      testId="departments-page"
      onCreate={writable ? modal.openCreate : undefined}
      onRefresh={() => void departments.refetch()}
    >
      <Table<Department>
        rowKey="id"
        size="middle"
        loading={departments.isLoading}
        dataSource={departments.data}
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
        <Form form={form} layout="vertical" data-testid="department-form">
          <Form.Item
            name="name"
            label={t('department.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { label: t('department.name') }),
              },
            ]}
          >
            <Input maxLength={100} data-testid="department-name" />
          </Form.Item>
          <Form.Item name="shortName" label={t('department.shortName')}>
            <Input maxLength={30} data-testid="department-short-name" />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('department.region')}
            rules={[
              { required: true, message: t('common.selectRequired', { label: t('department.region') }) },
            ]}
          >
            <Select
              placeholder={t('common.selectPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
            />
          </Form.Item>
          <Form.Item name="hallId" label={t('department.hall')}>
            <Select
              allowClear
              placeholder={t('common.selectPlaceholder')}
              options={(halls.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
              data-testid="department-hall"
            />
          </Form.Item>
          <Form.Item name="exempt" label={t('department.exemptSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {exempt && (
            <Form.Item
              name="hallExemption"
              label={t('department.exemptReason')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.required', { label: t('department.exemptReason') }),
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </OrgPageCard>
  );
}

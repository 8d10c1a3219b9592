import { useEffect } from 'react';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Employment, type Staff, type StaffInput } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifyError, notifySuccess } from '../../../app/notify';
import { useDepartments, useHalls, useSaveStaff, useStaff, useUploadStaffPhoto, useWindows } from '../api';
import { OrgPageCard } from '../components/org-page-card';
import { nameOf, tablePagination, useLookups } from '../components/org-lookups';
import { StaffAvatar } from '../components/staff-avatar';
import { useEditModal } from '../components/use-edit-modal';

const PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
const DATE = 'YYYY-MM-DD';

type FormValues = Omit<StaffInput, 'stationedFrom' | 'stationedUntil' | 'windowId'> & {
  windowId?: string | null;
  stationedFrom: Dayjs;
  stationedUntil?: Dayjs | null;
};

export function StaffPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const writable = can('org.write');
  const staff = useStaff();
  const departments = useDepartments();
  const windows = useWindows();
  const halls = useHalls();
  const lookups = useLookups({ departments: departments.data, windows: windows.data, halls: halls.data });
  const modal = useEditModal<Staff>();
  const save = useSaveStaff();
  const upload = useUploadStaffPhoto();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (!modal.open) return;
    form.resetFields();
    const r = modal.record;
    form.setFieldsValue(
      r
        ? {
            ...r,
            stationedFrom: dayjs(r.stationedFrom),
            stationedUntil: r.stationedUntil ? dayjs(r.stationedUntil) : null,
          }
        : // A stationing term is normally two years (DOMAIN.md 进驻人员).
          { employment: 'employee', stationedFrom: dayjs(), stationedUntil: dayjs().add(2, 'year') },
    );
  }, [modal.open, modal.record, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    const input: StaffInput = {
      name: v.name,
      title: v.title ?? '',
      staffNo: v.staffNo?.trim() ? v.staffNo.trim() : null,
      departmentId: v.departmentId,
      windowId: v.windowId ?? null,
      employment: v.employment,
      stationedFrom: v.stationedFrom.format(DATE),
      stationedUntil: v.stationedUntil ? v.stationedUntil.format(DATE) : null,
    };
    await save.mutateAsync({ id: modal.record?.id, input });
    notifySuccess(modal.isEdit ? t('common.saved') : t('common.created'));
    modal.close();
  };

  const windowLabel = (id: string | null) => {
    const w = id ? lookups.window.get(id) : undefined;
    return w ? `${w.number} · ${w.name}` : '—';
  };

  const columns: ColumnsType<Staff> = [
    {
      title: t('staff.photo'),
      dataIndex: 'photo',
      width: 72,
      render: (photo: string | null, s) => <StaffAvatar name={s.name} photo={photo} size={40} />,
    },
    { title: t('staff.name'), dataIndex: 'name', width: 120 },
    { title: t('staff.staffNo'), dataIndex: 'staffNo', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('staff.staffTitle'), dataIndex: 'title' },
    {
      title: t('staff.department'),
      dataIndex: 'departmentId',
      render: (id: string) => nameOf(lookups.department, id),
    },
    { title: t('staff.window'), dataIndex: 'windowId', render: windowLabel },
    {
      title: t('staff.employment'),
      dataIndex: 'employment',
      width: 100,
      render: (e: Employment) => <Tag color={e === 'employee' ? 'blue' : 'gold'}>{t(`employment.${e}`)}</Tag>,
    },
    { title: t('staff.stationedFrom'), dataIndex: 'stationedFrom', width: 120 },
    {
      title: t('staff.stationedUntil'),
      dataIndex: 'stationedUntil',
      width: 120,
      render: (d: string | null) => d ?? '—',
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, s) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => modal.openEdit(s)}>
            {t('common.edit')}
          </Button>
          <Upload
            accept={PHOTO_TYPES.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              if (!PHOTO_TYPES.includes(file.type)) {
                notifyError(new Error(t('staff.badType')));
                return Upload.LIST_IGNORE;
              }
              if (file.size > PHOTO_MAX_BYTES) {
                notifyError(new Error(t('staff.tooLarge')));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(
                { id: s.id, file: file as File },
                {
                  onSuccess: (updated) => {
                    notifySuccess(t('staff.uploaded'));
                    onSuccess?.(updated);
                  },
                  onError: (e) => onError?.(e),
                },
              );
            }}
          >
            <Button
              type="link"
              size="small"
              icon={<UploadOutlined />}
              title={t('staff.uploadHint')}
              data-testid={`upload-photo-${s.id}`}
            >
              {t('staff.upload')}
            </Button>
          </Upload>
        </Space>
      ),
    });
  }

  const title = t('staff.title');
  return (
    <OrgPageCard
      title={title}
      testId="staff-page"
      onCreate={writable ? modal.openCreate : undefined}
      onRefresh={() => void staff.refetch()}
    >
      <Table<Staff>
        rowKey="id"
        size="middle"
        loading={staff.isLoading}
        dataSource={staff.data}
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
            label={t('staff.name')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { label: t('staff.name') }) },
            ]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="title" label={t('staff.staffTitle')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="staffNo"
            label={t('staff.staffNo')}
            rules={[{ pattern: /^[A-Za-z0-9-]{0,20}$/, message: t('staff.staffNoInvalid') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="departmentId"
            label={t('staff.department')}
            rules={[
              { required: true, message: t('common.selectRequired', { label: t('staff.department') }) },
            ]}
          >
            <Select
              placeholder={t('common.selectPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="windowId" label={t('staff.window')}>
            <Select
              allowClear
              placeholder={t('common.selectPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={(windows.data ?? []).map((w) => ({
                value: w.id,
                label: `${nameOf(lookups.hall, w.hallId)} · ${w.number} · ${w.name}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="employment"
            label={t('staff.employment')}
            rules={[
              { required: true, message: t('common.selectRequired', { label: t('staff.employment') }) },
            ]}
          >
            <Select options={Employment.options.map((e) => ({ value: e, label: t(`employment.${e}`) }))} />
          </Form.Item>
          <Space size="large" style={{ display: 'flex' }}>
            <Form.Item
              name="stationedFrom"
              label={t('staff.stationedFrom')}
              rules={[
                { required: true, message: t('common.selectRequired', { label: t('staff.stationedFrom') }) },
              ]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="stationedUntil"
              label={t('staff.stationedUntil')}
              dependencies={['stationedFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null | undefined) => {
                    const from = getFieldValue('stationedFrom') as Dayjs | undefined;
                    return !v || !from || !v.isBefore(from, 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('staff.untilBeforeFrom')));
                  },
                }),
              ]}
            >
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </OrgPageCard>
  );
}

import { useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  DEPARTMENT_ROLES,
  Role,
  checkPasswordPolicy,
  type User,
  type UserCreateInput,
  type UserUpdateInput,
} from '@tongban/contracts';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useCreateUser, useDepartments, useRegions, useResetPassword, useUpdateUser, useUsers } from '../api';
import { OrgPageCard } from '../components/org-page-card';
import { nameOf, regionLabel, tablePagination, useLookups } from '../components/org-lookups';
import { useEditModal } from '../components/use-edit-modal';

type FormValues = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  departmentId?: string | null;
  disabled: boolean;
};

const ROLE_COLORS: Record<Role, string> = {
  applicant: 'default',
  clerk: 'blue',
  approver: 'geekblue',
  dept_head: 'purple',
  supervisor: 'orange',
  leader: 'red',
  inspector: 'magenta',
  admin: 'gold',
};

const isLocked = (u: User) => !!u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs());

export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useCurrentUser();
  const writable = can('user.write');
  const users = useUsers();
  const regions = useRegions();
  const departments = useDepartments();
  const lookups = useLookups({ regions: regions.data, departments: departments.data });
  const modal = useEditModal<User>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [form] = Form.useForm<FormValues>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const [resetting, setResetting] = useState<User>();
  const role = Form.useWatch('role', form);
  const needsDepartment = !!role && DEPARTMENT_ROLES.includes(role);

  useEffect(() => {
    if (!modal.open) return;
    form.resetFields();
    form.setFieldsValue(modal.record ?? { role: 'clerk', regionCode: me.regionCode, disabled: false });
  }, [modal.open, modal.record, form, me.regionCode]);

  useEffect(() => {
    if (resetting) resetForm.resetFields();
  }, [resetting, resetForm]);

  const passwordRule = {
    validator: (_: unknown, v: string | undefined) => {
      const reason = v ? checkPasswordPolicy(v) : undefined;
      return reason ? Promise.reject(new Error(reason)) : Promise.resolve();
    },
  };

  const onOk = async () => {
    const v = await form.validateFields();
    const departmentId = DEPARTMENT_ROLES.includes(v.role) ? (v.departmentId ?? null) : null;
    if (modal.record) {
      const input: UserUpdateInput = {
        displayName: v.displayName,
        role: v.role,
        regionCode: v.regionCode,
        departmentId,
        disabled: v.disabled,
      };
      await update.mutateAsync({ id: modal.record.id, input });
      notifySuccess(t('common.saved'));
    } else {
      const input: UserCreateInput = {
        username: v.username.trim(),
        displayName: v.displayName,
        password: v.password,
        role: v.role,
        regionCode: v.regionCode,
        departmentId,
      };
      await create.mutateAsync(input);
      notifySuccess(t('common.created'));
    }
    modal.close();
  };

  const onReset = async () => {
    if (!resetting) return;
    const { password } = await resetForm.validateFields();
    await reset.mutateAsync({ id: resetting.id, password });
    notifySuccess(t('user.passwordReset'));
    setResetting(undefined);
  };

  const columns: ColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', width: 140, render: (u: string) => <code>{u}</code> },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('user.role'),
      dataIndex: 'role',
      width: 130,
      render: (r: Role) => <Tag color={ROLE_COLORS[r]}>{t(`role.${r}`)}</Tag>,
    },
    {
      title: t('user.region'),
      dataIndex: 'regionCode',
      render: (c: string) => regionLabel(lookups.region, c),
    },
    {
      title: t('user.department'),
      dataIndex: 'departmentId',
      render: (id: string | null) => nameOf(lookups.department, id),
    },
    {
      title: t('user.status'),
      key: 'status',
      width: 220,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.disabled ? (
            <Tag color="red">{t('user.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('user.enabled')}</Tag>
          )}
          {isLocked(u) && (
            <Tag color="orange" icon={<LockOutlined />} data-testid={`locked-${u.username}`}>
              {t('user.lockedUntil', { time: dayjs(u.lockedUntil).format('YYYY-MM-DD HH:mm') })}
            </Tag>
          )}
        </Space>
      ),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => modal.openEdit(u)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            {t('user.resetPassword')}
          </Button>
        </Space>
      ),
    });
  }

  const title = t('user.title');
  return (
    <OrgPageCard
      title={title}
      testId="users-page"
      onCreate={writable ? modal.openCreate : undefined}
      onRefresh={() => void users.refetch()}
    >
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={users.data}
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
        confirmLoading={create.isPending || update.isPending}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="username"
            label={t('user.username')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { label: t('user.username') }),
              },
            ]}
          >
            <Input maxLength={32} disabled={modal.isEdit} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('user.displayName')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { label: t('user.displayName') }),
              },
            ]}
          >
            <Input maxLength={50} />
          </Form.Item>
          {!modal.isEdit && (
            <Form.Item
              name="password"
              label={t('user.password')}
              extra={t('password.policy')}
              rules={[
                { required: true, message: t('common.required', { label: t('user.password') }) },
                passwordRule,
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item
            name="role"
            label={t('user.role')}
            rules={[{ required: true, message: t('common.selectRequired', { label: t('user.role') }) }]}
          >
            <Select options={Role.options.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('user.region')}
            rules={[{ required: true, message: t('common.selectRequired', { label: t('user.region') }) }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
            />
          </Form.Item>
          {needsDepartment && (
            <Form.Item
              name="departmentId"
              label={t('user.department')}
              rules={[{ required: true, message: t('user.deptRequired') }]}
            >
              <Select
                placeholder={t('common.selectPlaceholder')}
                showSearch={{ optionFilterProp: 'label' }}
                options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          )}
          {modal.isEdit && (
            <Form.Item name="disabled" label={t('user.disabledSwitch')} valuePropName="checked">
              <Switch disabled={modal.record?.id === me.id} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        title={t('user.resetTitle', { name: resetting?.displayName ?? '' })}
        open={!!resetting}
        onOk={() => void onReset().catch(() => undefined)}
        onCancel={() => setResetting(undefined)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={reset.isPending}
        forceRender
      >
        <Form form={resetForm} layout="vertical">
          <Form.Item
            name="password"
            label={t('user.newPassword')}
            extra={t('password.policy')}
            rules={[
              { required: true, message: t('common.required', { label: t('user.newPassword') }) },
              passwordRule,
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </OrgPageCard>
  );
}

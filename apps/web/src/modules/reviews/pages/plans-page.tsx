import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ReviewPlan } from '@tongban/contracts';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../../app/auth-context';
import { useCreatePlan, useDepartments, usePlans, useReviewers } from '../api';
import { useReviewLabels } from '../labels';

const STATUS_COLOR = { committed: 'gold', drawn: 'blue', finished: 'green' } as const;

/** 卷宗评查计划 (FR-1): the plans, and a new one whose seed is committed (hash shown) before the draw. */
export function PlansPage() {
  const L = useReviewLabels();
  const { t } = L;
  const { can } = useAuth();
  const plans = usePlans();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('reviews.plans.title')}
      extra={
        can('reviews.plan') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('reviews.plans.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('reviews.plans.intro')}</Typography.Paragraph>
      <Table<ReviewPlan>
        rowKey="id"
        loading={plans.isLoading}
        dataSource={plans.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('reviews.plans.name'),
            dataIndex: 'title',
            render: (v, r) => <Link to={`/reviews/plans/${r.id}`}>{v}</Link>,
          },
          {
            title: t('reviews.plans.period'),
            render: (_, r) => L.misc('periodRange', { start: r.periodStart, end: r.periodEnd }),
          },
          { title: t('reviews.plans.departments'), render: (_, r) => r.departmentIds.length },
          { title: t('reviews.plans.perDept'), dataIndex: 'casesPerDepartment' },
          {
            title: t('reviews.plans.seedHash'),
            dataIndex: 'seedHash',
            render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text>,
          },
          {
            title: t('reviews.plans.status'),
            dataIndex: 'status',
            render: (s: ReviewPlan['status']) => <Tag color={STATUS_COLOR[s]}>{L.planStatus(s)}</Tag>,
          },
        ]}
      />
      {open && <NewPlanModal onClose={() => setOpen(false)} />}
    </Card>
  );
}

type FormValues = {
  title: string;
  period: [Dayjs, Dayjs];
  departmentIds: string[];
  casesPerDepartment: number;
  reviewerPool: string[];
};

function NewPlanModal({ onClose }: { onClose: () => void }) {
  const L = useReviewLabels();
  const { t } = L;
  const [form] = Form.useForm<FormValues>();
  const depts = useDepartments();
  const reviewers = useReviewers();
  const create = useCreatePlan();
  const navigate = useNavigate();
  const deptName = new Map((depts.data ?? []).map((d) => [d.id, d.name]));
  const submit = async () => {
    const v = await form.validateFields();
    const plan = await create.mutateAsync({
      title: v.title,
      periodStart: v.period[0].format('YYYY-MM-DD'),
      periodEnd: v.period[1].format('YYYY-MM-DD'),
      departmentIds: v.departmentIds,
      casesPerDepartment: v.casesPerDepartment,
      reviewerPool: v.reviewerPool,
    });
    onClose();
    void navigate(`/reviews/plans/${plan.id}`);
  };
  return (
    <Modal
      open
      title={t('reviews.plans.new')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ casesPerDepartment: 2 }}>
        <Form.Item name="title" label={t('reviews.plans.name')} rules={[{ required: true }]}>
          <Input placeholder={L.misc('planPlaceholder')} />
        </Form.Item>
        <Form.Item name="period" label={t('reviews.plans.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('reviews.plans.departments')} rules={[{ required: true }]}>
          <Select mode="multiple" options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="casesPerDepartment" label={t('reviews.plans.perDept')} rules={[{ required: true }]}>
          <InputNumber min={1} max={50} />
        </Form.Item>
        <Form.Item
          name="reviewerPool"
          label={t('reviews.plans.pool')}
          rules={[{ required: true }]}
          extra={t('reviews.plans.poolHelp')}
        >
          <Select
            mode="multiple"
            options={(reviewers.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName} (${u.departmentId ? (deptName.get(u.departmentId) ?? '') : L.misc('bureau')})`,
            }))}
          />
        </Form.Item>
        <Space />
      </Form>
    </Modal>
  );
}

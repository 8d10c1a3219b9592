import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import {
  PROJECT_STATUS_LABELS,
  TRADING_KIND_LABELS,
  TRADING_METHOD_LABELS,
  type ProjectCreate,
  type ProjectSummary,
} from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifyError } from '../../../app/notify';
import { useProjects, useRegisterProject } from '../api';
import { useTr } from '../i18n';

/** 交易项目列表 with registration for the centre's desk (clerk, admin). */
export function ProjectsPage() {
  const { t, tr, label, opts, locale } = useTr();
  const { can } = useAuth();
  const navigate = useNavigate();
  const projects = useProjects();
  const register = useRegisterProject();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ProjectCreate>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const p = await register.mutateAsync({ ...v, agencyName: v.agencyName || null });
      setOpen(false);
      void navigate(`/trading/projects/${p.id}`);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Card
      title={t('trading.projects')}
      extra={
        can('trading.project.write') && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="register-project">
            {t('trading.register')}
          </Button>
        )
      }
    >
      <Table<ProjectSummary>
        rowKey="id"
        pagination={{ pageSize: 50 }}
        loading={projects.isLoading}
        dataSource={projects.data?.items}
        columns={[
          {
            title: tr('projectNo', '项目编号'),
            dataIndex: 'projectNo',
            render: (v, r) => <Link to={`/trading/projects/${r.id}`}>{v}</Link>,
          },
          { title: tr('projectName', '项目名称'), dataIndex: 'name' },
          {
            title: tr('kind', '类别'),
            dataIndex: 'kind',
            render: (k: ProjectSummary['kind']) => label('kind', TRADING_KIND_LABELS, k),
          },
          {
            title: tr('method', '方式'),
            dataIndex: 'method',
            render: (m: ProjectSummary['method']) => label('method', TRADING_METHOD_LABELS, m),
          },
          { title: tr('tenderer', '招标人'), dataIndex: 'tendererName' },
          {
            title: tr('estimateYuan', '估算价（元）'),
            dataIndex: 'estimateYuan',
            render: (v: number) => v.toLocaleString(locale),
          },
          {
            title: tr('complaintStatus', '状态'),
            dataIndex: 'status',
            render: (s: ProjectSummary['status']) => (
              <Tag color="blue">{label('status', PROJECT_STATUS_LABELS, s)}</Tag>
            ),
          },
        ]}
      />
      <Modal
        title={t('trading.register')}
        open={open}
        onOk={submit}
        onCancel={() => setOpen(false)}
        confirmLoading={register.isPending}
        okButtonProps={{ 'data-testid': 'register-ok' } as Record<string, string>}
        okText={tr('registerOk', tr('registerOk', '登记'))}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'construction', method: 'open' }}>
          <Form.Item
            name="name"
            label={tr('projectName', tr('projectName', '项目名称'))}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="kind"
            label={tr('tradingKind', tr('tradingKind', '交易类别'))}
            rules={[{ required: true }]}
          >
            <Select options={opts('kind', TRADING_KIND_LABELS)} />
          </Form.Item>
          <Form.Item
            name="method"
            label={tr('tradingMethod', tr('tradingMethod', '交易方式'))}
            rules={[{ required: true }]}
          >
            <Select options={opts('method', TRADING_METHOD_LABELS)} />
          </Form.Item>
          <Form.Item
            name="tendererName"
            label={tr('tendererLong', tr('tendererLong', '招标人（采购人、转让方）'))}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="agencyName" label={tr('agencyLong', tr('agencyLong', '招标代理机构'))}>
            <Input />
          </Form.Item>
          <Form.Item
            name="estimateYuan"
            label={tr('estimateYuan', tr('estimateYuan', '估算价（元）'))}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

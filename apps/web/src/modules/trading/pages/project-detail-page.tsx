import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  PROJECT_ACTION_LABELS,
  PROJECT_STATUS_LABELS,
  TRADING_KIND_LABELS,
  TRADING_METHOD_LABELS,
  type ProjectAction,
  type ProjectTransition,
} from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifyError, notifySuccess } from '../../../app/notify';
import { useProject, useRecordBid, useRecordDeposit, useTransition } from '../api';
import { DepositTable } from './deposits-page';
import { DrawCard } from './draw-card';

type ActionForm = {
  bidDeadline?: Dayjs;
  evaluationReportAt?: Dayjs;
  publicityDays?: number;
  winnerBidderId?: string;
  evidence?: string;
  note?: string;
};

/** 项目详情: the record, the actions its state allows (asked from the server), bids, deposits and the draw. */
export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const project = useProject(id);
  const transition = useTransition(id);
  const bid = useRecordBid(id);
  const deposit = useRecordDeposit(id);
  const [action, setAction] = useState<ProjectAction>();
  const [form] = Form.useForm<ActionForm>();
  const [bidForm] = Form.useForm();
  const [depForm] = Form.useForm();
  const p = project.data;
  if (!p) return <Card loading />;
  const write = can('trading.project.write');

  const submitAction = async () => {
    const v = await form.validateFields();
    const body: ProjectTransition = {
      action: action!,
      ...(v.bidDeadline && { bidDeadline: v.bidDeadline.toISOString() }),
      ...(v.evaluationReportAt && { evaluationReportAt: v.evaluationReportAt.toISOString() }),
      ...(v.publicityDays && { publicityDays: v.publicityDays }),
      ...(v.winnerBidderId && { winnerBidderId: v.winnerBidderId }),
      ...(v.evidence && { evidence: v.evidence }),
      ...(v.note && { note: v.note }),
    };
    try {
      await transition.mutateAsync(body);
      notifySuccess(`${PROJECT_ACTION_LABELS[action!]}：已完成`);
      setAction(undefined);
      form.resetFields();
    } catch (e) {
      notifyError(e);
    }
  };
  const active = p.bidders.filter((b) => !b.withdrawnAt);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={`${t('trading.detail')}：${p.name}`}
        extra={
          <Space>
            <Tag color="blue" data-testid="project-status">
              {PROJECT_STATUS_LABELS[p.status]}
            </Tag>
            <Link to={`/public/trading/${p.projectNo}`} target="_blank">
              公开页
            </Link>
          </Space>
        }
      >
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label="项目编号">{p.projectNo}</Descriptions.Item>
          <Descriptions.Item label="类别">{TRADING_KIND_LABELS[p.kind]}</Descriptions.Item>
          <Descriptions.Item label="方式">{TRADING_METHOD_LABELS[p.method]}</Descriptions.Item>
          <Descriptions.Item label="招标人">{p.tendererName}</Descriptions.Item>
          <Descriptions.Item label="代理机构">{p.agencyName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="估算价">{p.estimateYuan.toLocaleString('zh-CN')} 元</Descriptions.Item>
          <Descriptions.Item label="投标截止">
            {p.bidDeadline ? dayjs(p.bidDeadline).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="公示截止">
            {p.publicityEnd ? dayjs(p.publicityEnd).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="合同签订">
            {p.contractSignedAt ? dayjs(p.contractSignedAt).format('YYYY-MM-DD') : '—'}
          </Descriptions.Item>
        </Descriptions>
        {write && (
          <Space style={{ marginTop: 12 }} wrap>
            {p.actions.map((a) => (
              <Button
                key={a}
                data-testid={`action-${a}`}
                danger={a === 'cancel' || a === 'fail'}
                onClick={() => setAction(a)}
              >
                {PROJECT_ACTION_LABELS[a]}
              </Button>
            ))}
          </Space>
        )}
        {p.signals.map((s) => (
          <Alert
            key={s.kind + s.value}
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            message={`疑似串通投标：${s.kind === 'same_account' ? `保证金由同一账户（${s.value}）缴纳` : `投标文件作者相同（${s.value}）`}——${s.bidders.join('、')}`}
          />
        ))}
      </Card>

      <Card title="投标人" size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.bidders}
          columns={[
            { title: '投标人', dataIndex: 'name' },
            { title: '递交时间', dataIndex: 'bidAt', render: (v: string) => dayjs(v).format('MM-DD HH:mm') },
            {
              title: '报价（元）',
              dataIndex: 'priceYuan',
              render: (v: number | null) => v?.toLocaleString('zh-CN') ?? '—',
            },
            { title: '文件作者', dataIndex: 'fileAuthor' },
            {
              title: '',
              render: (_, b) =>
                b.withdrawnAt ? (
                  <Tag>已撤回</Tag>
                ) : b.id === p.winnerBidderId ? (
                  <Tag color="green">中标</Tag>
                ) : null,
            },
          ]}
        />
        {write && p.status === 'tendering' && (
          <Form
            form={bidForm}
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={async (v) => {
              try {
                await bid.mutateAsync({
                  name: v.name,
                  creditCode: null,
                  priceYuan: v.priceYuan ?? null,
                  fileAuthor: v.fileAuthor || null,
                });
                bidForm.resetFields();
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            <Form.Item name="name" rules={[{ required: true }]}>
              <Input placeholder="投标人名称" data-testid="bid-name" />
            </Form.Item>
            <Form.Item name="priceYuan">
              <InputNumber placeholder="报价" min={1} />
            </Form.Item>
            <Form.Item name="fileAuthor">
              <Input placeholder="文件作者（元数据）" />
            </Form.Item>
            <Button htmlType="submit" data-testid="bid-submit">
              接收投标
            </Button>
          </Form>
        )}
      </Card>

      <Card title="投标保证金" size="small">
        <DepositTable projectId={id} />
        {can('trading.deposit.write') && active.length > 0 && (
          <Form
            form={depForm}
            layout="inline"
            style={{ marginTop: 12 }}
            initialValues={{ paidOn: dayjs() }}
            onFinish={async (v) => {
              try {
                await deposit.mutateAsync({
                  bidderId: v.bidderId,
                  amountYuan: v.amountYuan,
                  payerAccount: v.payerAccount,
                  paidOn: v.paidOn.format('YYYY-MM-DD'),
                });
                depForm.resetFields();
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            <Form.Item name="bidderId" rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                placeholder="投标人"
                data-testid="deposit-bidder"
                options={active.map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
            <Form.Item name="amountYuan" rules={[{ required: true }]}>
              <InputNumber
                placeholder={`≤ ${(p.estimateYuan * 0.02).toFixed(2)}`}
                min={0.01}
                data-testid="deposit-amount"
              />
            </Form.Item>
            <Form.Item name="payerAccount" rules={[{ required: true }]}>
              <Input placeholder="缴纳账户" data-testid="deposit-account" />
            </Form.Item>
            <Form.Item name="paidOn">
              <DatePicker />
            </Form.Item>
            <Button htmlType="submit" data-testid="deposit-submit">
              登记保证金
            </Button>
          </Form>
        )}
      </Card>

      <DrawCard projectId={id} drawId={p.drawId} canCommit={p.status === 'opened'} />

      <Card title="公告与记录" size="small">
        <Timeline
          items={p.entries.map((e) => ({
            color: e.kind === 'announcement' ? 'green' : e.kind === 'document' ? 'blue' : 'gray',
            children: (
              <span>
                {dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')} {e.title}
                {e.kind === 'document' ? ` v${e.version}` : ''}{' '}
                {e.body && <span style={{ color: '#888' }}>— {e.body}</span>}
              </span>
            ),
          }))}
        />
      </Card>

      <Modal
        title={action ? PROJECT_ACTION_LABELS[action] : ''}
        open={!!action}
        onOk={submitAction}
        onCancel={() => setAction(undefined)}
        confirmLoading={transition.isPending}
        okButtonProps={{ 'data-testid': 'action-confirm' } as Record<string, string>}
      >
        <Form form={form} layout="vertical">
          {action === 'announce' && (
            <Form.Item name="bidDeadline" label="投标截止时间" rules={[{ required: true }]}>
              <DatePicker showTime data-testid="bid-deadline" />
            </Form.Item>
          )}
          {action === 'publish_candidates' && (
            <>
              <Form.Item
                name="evaluationReportAt"
                label="评标报告提交时间（公示须在 3 日内）"
                rules={[{ required: true }]}
              >
                <DatePicker showTime />
              </Form.Item>
              <Form.Item name="publicityDays" label="公示天数（不少于 3 日）" initialValue={3}>
                <InputNumber min={1} max={30} />
              </Form.Item>
            </>
          )}
          {action === 'award' && (
            <Form.Item name="winnerBidderId" label="中标人" rules={[{ required: true }]}>
              <Select data-testid="winner" options={active.map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          )}
          {action === 'accept' && (
            <Form.Item name="evidence" label="验收证据（与投标文件比对）" rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

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
import { useTr } from '../i18n';
import { DepositTable } from './deposits-page';
import { ComplaintsCard } from './complaints-card';
import { DrawCard } from './draw-card';

type ActionForm = {
  bidDeadline?: Dayjs;
  bidValidityDays?: number;
  evaluationReportAt?: Dayjs;
  publicityDays?: number;
  winnerBidderId?: string;
  evidence?: string;
  note?: string;
};

/** 项目详情: the record, the actions its state allows (asked from the server), bids, deposits and the draw. */
export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t, tr, label, locale, list } = useTr();
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
      ...(v.bidValidityDays && { bidValidityDays: v.bidValidityDays }),
      ...(v.evaluationReportAt && { evaluationReportAt: v.evaluationReportAt.toISOString() }),
      ...(v.publicityDays && { publicityDays: v.publicityDays }),
      ...(v.winnerBidderId && { winnerBidderId: v.winnerBidderId }),
      ...(v.evidence && { evidence: v.evidence }),
      ...(v.note && { note: v.note }),
    };
    try {
      await transition.mutateAsync(body);
      notifySuccess(
        tr('actionDone', '{{action}}：已完成', { action: label('action', PROJECT_ACTION_LABELS, action!) }),
      );
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
        title={`${t('trading.detail')}${tr('colon', '：')}${p.name}`}
        extra={
          <Space>
            <Tag color="blue" data-testid="project-status">
              {label('status', PROJECT_STATUS_LABELS, p.status)}
            </Tag>
            <Link to={`/public/trading/${p.projectNo}`} target="_blank">
              {tr('publicPage', '公开页')}
            </Link>
          </Space>
        }
      >
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={tr('projectNo', '项目编号')}>{p.projectNo}</Descriptions.Item>
          <Descriptions.Item label={tr('kind', '类别')}>
            {label('kind', TRADING_KIND_LABELS, p.kind)}
          </Descriptions.Item>
          <Descriptions.Item label={tr('method', '方式')}>
            {label('method', TRADING_METHOD_LABELS, p.method)}
          </Descriptions.Item>
          <Descriptions.Item label={tr('tenderer', '招标人')}>{p.tendererName}</Descriptions.Item>
          <Descriptions.Item label={tr('agency', '代理机构')}>{p.agencyName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={tr('estimate', '估算价')}>
            {tr('yuan', '{{n}} 元', { n: p.estimateYuan.toLocaleString(locale) })}
          </Descriptions.Item>
          <Descriptions.Item label={tr('bidDeadline', '投标截止')}>
            {p.bidDeadline ? dayjs(p.bidDeadline).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={tr('publicityEnd', '公示截止')}>
            {p.publicityEnd ? dayjs(p.publicityEnd).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={tr('contractSigned', '合同签订')}>
            {p.contractSignedAt ? dayjs(p.contractSignedAt).format('YYYY-MM-DD') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={tr('bidValidity', '投标有效期')}>
            {p.bidValidityDays
              ? tr('bidValidityValue', '{{days}} 日，至 {{until}}', {
                  days: p.bidValidityDays,
                  until: p.bidValidUntil,
                })
              : '—'}
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
                {label('action', PROJECT_ACTION_LABELS, a)}
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
            message={
              s.kind === 'same_account'
                ? tr('signalAccount', '疑似串通投标：保证金由同一账户（{{v}}）缴纳——{{who}}', {
                    v: s.value,
                    who: s.bidders.join(list),
                  })
                : tr('signalAuthor', '疑似串通投标：投标文件作者相同（{{v}}）——{{who}}', {
                    v: s.value,
                    who: s.bidders.join(list),
                  })
            }
          />
        ))}
      </Card>

      <Card title={tr('bidders', '投标人')} size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.bidders}
          columns={[
            { title: tr('bidder', '投标人'), dataIndex: 'name' },
            {
              title: tr('bidAt', '递交时间'),
              dataIndex: 'bidAt',
              render: (v: string) => dayjs(v).format('MM-DD HH:mm'),
            },
            {
              title: tr('priceYuan', '报价（元）'),
              dataIndex: 'priceYuan',
              render: (v: number | null) => v?.toLocaleString(locale) ?? '—',
            },
            { title: tr('fileAuthor', '文件作者'), dataIndex: 'fileAuthor' },
            {
              title: '',
              render: (_, b) =>
                b.withdrawnAt ? (
                  <Tag>{tr('withdrawn', '已撤回')}</Tag>
                ) : b.id === p.winnerBidderId ? (
                  <Tag color="green">{tr('winner', '中标')}</Tag>
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
              <Input placeholder={tr('bidderName', '投标人名称')} data-testid="bid-name" />
            </Form.Item>
            <Form.Item name="priceYuan">
              <InputNumber placeholder={tr('price', '报价')} min={1} />
            </Form.Item>
            <Form.Item name="fileAuthor">
              <Input placeholder={tr('fileAuthorMeta', '文件作者（元数据）')} />
            </Form.Item>
            <Button htmlType="submit" data-testid="bid-submit">
              {tr('receiveBid', '接收投标')}
            </Button>
          </Form>
        )}
      </Card>

      <Card title={tr('depositsCard', '投标保证金')} size="small">
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
                  validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
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
                placeholder={tr('bidder', '投标人')}
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
              <Input placeholder={tr('payerAccount', '缴纳账户')} data-testid="deposit-account" />
            </Form.Item>
            <Form.Item name="paidOn">
              <DatePicker placeholder={tr('paidOn', '缴纳日期')} />
            </Form.Item>
            <Form.Item
              name="validUntil"
              tooltip={tr('validUntilHint', '保函、保险的有效期须覆盖投标有效期；现金缴纳不填')}
            >
              <DatePicker
                placeholder={tr('validUntil', '保证金有效期至')}
                data-testid="deposit-valid-until"
              />
            </Form.Item>
            <Button htmlType="submit" data-testid="deposit-submit">
              {tr('recordDeposit', '登记保证金')}
            </Button>
          </Form>
        )}
      </Card>

      <DrawCard projectId={id} drawId={p.drawId} canCommit={p.status === 'opened'} />

      <ComplaintsCard
        projectId={id}
        complaints={p.complaints}
        until={p.complaintsUntil}
        canFile={p.canFileComplaint}
      />

      <Card title={tr('entries', '公告与记录')} size="small">
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
        title={action ? label('action', PROJECT_ACTION_LABELS, action) : ''}
        open={!!action}
        onOk={submitAction}
        onCancel={() => setAction(undefined)}
        confirmLoading={transition.isPending}
        okButtonProps={{ 'data-testid': 'action-confirm' } as Record<string, string>}
      >
        <Form form={form} layout="vertical">
          {action === 'announce' && (
            <>
              <Form.Item
                name="bidDeadline"
                label={tr('bidDeadlineAt', '投标截止时间')}
                rules={[{ required: true }]}
              >
                <DatePicker showTime data-testid="bid-deadline" />
              </Form.Item>
              <Form.Item
                name="bidValidityDays"
                label={tr('bidValidityDays', '投标有效期（自投标截止之日起，日）')}
                initialValue={90}
              >
                <InputNumber min={1} max={365} />
              </Form.Item>
            </>
          )}
          {action === 'publish_candidates' && (
            <>
              <Form.Item
                name="evaluationReportAt"
                label={tr('reportAt', '评标报告提交时间（公示须在 3 日内）')}
                rules={[{ required: true }]}
              >
                <DatePicker showTime />
              </Form.Item>
              <Form.Item
                name="publicityDays"
                label={tr('publicityDays', '公示天数（不少于 3 日）')}
                initialValue={3}
              >
                <InputNumber min={1} max={30} />
              </Form.Item>
            </>
          )}
          {action === 'award' && (
            <Form.Item
              name="winnerBidderId"
              label={tr('winnerBidder', '中标人')}
              rules={[{ required: true }]}
            >
              <Select data-testid="winner" options={active.map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          )}
          {action === 'accept' && (
            <Form.Item
              name="evidence"
              label={tr('evidence', '验收证据（与投标文件比对）')}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          <Form.Item name="note" label={tr('note', '说明')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

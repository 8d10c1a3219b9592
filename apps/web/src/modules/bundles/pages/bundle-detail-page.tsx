import { useState } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import type { BundleBranch } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth-context';
import {
  useBundle,
  useBundleAction,
  type ChoiceBody,
  type DeliverBody,
  type ExtensionBody,
  type ExtensionDecisionBody,
} from '../api';

/** 一件事详情: branches in parallel, the critical path (what the applicant sees), delivery once. */
export function BundleDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const q = useBundle(id);
  const deliver = useBundleAction<DeliverBody>(id, 'deliver');
  const choose = useBundleAction<ChoiceBody>(id, 'choice');
  const extend = useBundleAction<ExtensionBody>(id, 'extension');
  const decideExt = useBundleAction<ExtensionDecisionBody>(id, 'extension/decision');
  const [receivedBy, setReceivedBy] = useState('');
  const [method, setMethod] = useState<DeliverBody['method']>('window');
  const [days, setDays] = useState(15);
  const [reason, setReason] = useState('');
  const b = q.data;
  if (!b) return <Card loading={q.isLoading}>{q.error ? String(q.error) : null}</Card>;
  const run = async (p: Promise<unknown>, ok: string) => {
    try {
      await p;
      void message.success(ok);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3}>
        {t('bundles.title.detail')} · {b.name}
      </Typography.Title>
      <Descriptions bordered size="small" column={3}>
        <Descriptions.Item label="一件事编号">{b.bundleNo}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag data-testid="bundle-status">{b.statusLabel}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="申请人">
          {b.applicantName}（{b.applicantIdMasked}）
        </Descriptions.Item>
        <Descriptions.Item label="收件时间">{b.receivedAt.slice(0, 10)}</Descriptions.Item>
        <Descriptions.Item label="预计办结（关键路径）">
          <b>{b.expectedFinish}</b>
        </Descriptions.Item>
        <Descriptions.Item label={`法定期限（${b.legalLimitDays} 个工作日）`}>
          {b.legalDeadline}
        </Descriptions.Item>
        <Descriptions.Item label="卡点分支" span={3}>
          {b.holdingBranch ? (
            <Tag color="red">
              {b.holdingBranch.itemName}（{b.holdingBranch.departmentName}，{b.holdingBranch.caseNo}）
            </Tag>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {b.status === 'awaiting_choice' && (
        <Alert
          type="warning"
          showIcon
          message="有分支未获通过，已告知申请人：请按申请人的选择继续办理其余事项或撤回申请（不会默默取消其他分支）。"
        />
      )}
      <Card title="分支（各为本部门的普通办件，并联办理）">
        <Table<BundleBranch>
          rowKey="caseId"
          pagination={false}
          dataSource={b.branches}
          rowClassName={(r) => (r.onCriticalPath ? 'bundle-critical' : '')}
          columns={[
            {
              title: '办件编号',
              dataIndex: 'caseNo',
              render: (v, r) => <a href={`/cases/${r.caseId}`}>{v}</a>,
            },
            { title: '事项', dataIndex: 'itemName' },
            { title: '部门', dataIndex: 'departmentName' },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (v, r) => <Tag color={r.paused ? 'orange' : undefined}>{v}</Tag>,
            },
            { title: '承诺时限', dataIndex: 'promisedDays', render: (v) => `${v} 个工作日` },
            {
              title: '等待前置',
              dataIndex: 'waitingFor',
              render: (v: string[]) => (v.length ? v.join('、') : '—'),
            },
            {
              title: '预计办结',
              dataIndex: 'expectedFinish',
              render: (v, r) => (r.onCriticalPath ? <Tag color="red">{v} 关键路径</Tag> : v),
            },
          ]}
        />
      </Card>
      <Space align="start" wrap>
        {b.allowed.deliver && can('bundle.deliver') && (
          <Card title="一次出件" size="small">
            <Form layout="inline">
              <Form.Item label="方式">
                <Select
                  value={method}
                  onChange={setMethod}
                  style={{ width: 120 }}
                  options={[
                    { value: 'window', label: '窗口领取' },
                    { value: 'post', label: '邮寄' },
                    { value: 'electronic', label: '电子送达' },
                  ]}
                />
              </Form.Item>
              <Form.Item label="领取人">
                <Input
                  value={receivedBy}
                  onChange={(e) => setReceivedBy(e.target.value)}
                  data-testid="received-by"
                />
              </Form.Item>
              <Button
                type="primary"
                loading={deliver.isPending}
                onClick={() =>
                  run(deliver.mutateAsync({ version: b.version, method, receivedBy }), '已一次性出件')
                }
              >
                出件
              </Button>
            </Form>
          </Card>
        )}
        {b.allowed.choose && can('bundle.choose') && (
          <Card title="申请人的选择" size="small">
            <Space>
              <Button
                onClick={() =>
                  run(choose.mutateAsync({ version: b.version, choice: 'continue' }), '继续办理其余事项')
                }
              >
                继续办理其余事项
              </Button>
              <Button
                danger
                onClick={() => run(choose.mutateAsync({ version: b.version, choice: 'withdraw' }), '已撤回')}
              >
                撤回申请
              </Button>
            </Space>
          </Card>
        )}
        {b.allowed.requestExtension && can('bundle.extension.request') && (
          <Card title="申请延期（一次，≤ 15 个工作日）" size="small">
            <Space>
              <InputNumber min={1} max={15} value={days} onChange={(v) => setDays(v ?? 15)} />
              <Input placeholder="理由" value={reason} onChange={(e) => setReason(e.target.value)} />
              <Button
                onClick={() =>
                  run(extend.mutateAsync({ version: b.version, days, reason }), '已提交延期申请')
                }
              >
                提交
              </Button>
            </Space>
          </Card>
        )}
        {b.allowed.decideExtension && can('bundle.extension.decide') && (
          <Card title={`延期审批：${b.extension?.days} 个工作日（${b.extension?.reason}）`} size="small">
            <Space>
              <Button
                type="primary"
                onClick={() =>
                  run(decideExt.mutateAsync({ version: b.version, approved: true, note: '' }), '已批准')
                }
              >
                批准
              </Button>
              <Button
                onClick={() =>
                  run(decideExt.mutateAsync({ version: b.version, approved: false, note: '' }), '未批准')
                }
              >
                不批准
              </Button>
            </Space>
          </Card>
        )}
      </Space>
      {b.license && (
        <Card title="一业一证">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="证照名称">{b.license.typeName}</Descriptions.Item>
            <Descriptions.Item label="证照标识">
              <span data-testid="bundle-license-id">{b.license.id}</span>
            </Descriptions.Item>
            <Descriptions.Item label="所含许可" span={2}>
              {b.license.members.map((m) => `${m.itemName}（${m.licenseId}）`).join('；')}
            </Descriptions.Item>
            <Descriptions.Item label="核验">
              <a href={`/yjs/verify/${b.license.verifyToken}`} target="_blank" rel="noreferrer">
                公开核验
              </a>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card title="一件事记录">
        <Timeline
          items={b.events.map((e) => ({
            children: `${e.at.slice(0, 16).replace('T', ' ')} ${EVENT_LABELS[e.type] ?? e.type}${typeof e.payload.itemName === 'string' ? `：${e.payload.itemName}` : ''}`,
          }))}
        />
      </Card>
    </Space>
  );
}

const EVENT_LABELS: Record<string, string> = {
  submitted: '收件（一表申请、一套材料）',
  branch_accepted: '分支受理',
  branch_supplement_requested: '分支补正（仅该分支暂停）',
  supplement_asked: '一次性告知补正',
  branch_submitted: '分支补正材料已收到',
  branch_granted: '分支准予',
  branch_denied: '分支不予许可',
  branch_refused: '分支不予受理',
  branch_withdrawn: '分支撤回',
  awaiting_choice: '已告知申请人，待其选择',
  choice_made: '申请人已选择',
  concluded: '全部分支办结，一件事办结',
  withdrawn: '一件事撤回',
  delivered: '一次出件',
  extension_requested: '申请延期',
  extension_approved: '延期已批准',
  extension_rejected: '延期未批准',
};

import { useState } from 'react';
import { Link, useParams } from 'react-router';
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
import { formatInstant } from '../../../app/format';

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
  const anyAction =
    (b.allowed.deliver && can('bundle.deliver')) ||
    (b.allowed.choose && can('bundle.choose')) ||
    (b.allowed.requestExtension && can('bundle.extension.request')) ||
    (b.allowed.decideExtension && can('bundle.extension.decide'));
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
        <Descriptions.Item label={t('bundles.common.bundleNo')}>{b.bundleNo}</Descriptions.Item>
        <Descriptions.Item label={t('bundles.common.status')}>
          <Tag data-testid="bundle-status">{t(`bundles.status.${b.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('bundles.common.applicant')}>
          {b.applicantName}（{b.applicantIdMasked}）
        </Descriptions.Item>
        <Descriptions.Item label={t('bundles.common.receivedAt')}>
          {b.receivedAt.slice(0, 10)}
        </Descriptions.Item>
        <Descriptions.Item label={t('bundles.common.expectedCritical')}>
          <b>{b.expectedFinish}</b>
        </Descriptions.Item>
        <Descriptions.Item label={t('bundles.common.legalDeadlineDays', { days: b.legalLimitDays })}>
          {b.legalDeadline}
          {b.extension &&
            ` · ${t('bundles.detail.extension')} ${t('bundles.detail.extensionState', {
              days: b.extension.days,
              state: t(`bundles.detail.extensionStates.${b.extension.status}`),
            })}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('bundles.common.holding')} span={3}>
          {b.holdingBranch ? (
            <Tag color="red">
              {b.holdingBranch.itemName}（{b.holdingBranch.departmentName}，{b.holdingBranch.caseNo}）
            </Tag>
          ) : (
            t('bundles.common.none')
          )}
        </Descriptions.Item>
      </Descriptions>
      {b.status === 'awaiting_choice' && (
        <Alert type="warning" showIcon message={t('bundles.detail.awaitingChoice')} />
      )}
      <Card title={t('bundles.detail.branchesCard')}>
        <Table<BundleBranch>
          rowKey="caseId"
          pagination={false}
          dataSource={b.branches}
          rowClassName={(r) => (r.onCriticalPath ? 'bundle-critical' : '')}
          columns={[
            {
              title: t('bundles.common.caseNo'),
              dataIndex: 'caseNo',
              render: (v, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link>,
            },
            { title: t('bundles.common.item'), dataIndex: 'itemName' },
            { title: t('bundles.common.department'), dataIndex: 'departmentName' },
            {
              title: t('bundles.common.status'),
              dataIndex: 'status',
              render: (v: string, r) => (
                <Tag color={r.paused ? 'orange' : undefined} data-testid="branch-status">
                  {t(`bundles.branchStatus.${v}`)}
                </Tag>
              ),
            },
            {
              title: t('bundles.detail.promised'),
              dataIndex: 'promisedDays',
              render: (v: number) => t('bundles.common.days', { n: v }),
            },
            {
              title: t('bundles.detail.waiting'),
              dataIndex: 'waitingFor',
              render: (v: string[]) => (v.length ? v.join('、') : t('bundles.common.none')),
            },
            {
              title: t('bundles.common.expectedFinish'),
              dataIndex: 'expectedFinish',
              render: (v, r) =>
                r.onCriticalPath ? (
                  <Tag color="red">
                    {v} {t('bundles.common.criticalPath')}
                  </Tag>
                ) : (
                  v
                ),
            },
          ]}
        />
      </Card>
      {anyAction && (
        <Space align="start" wrap>
          {b.allowed.deliver && can('bundle.deliver') && (
            <Card title={t('bundles.detail.deliverCard')} size="small">
              <Form layout="inline">
                <Form.Item label={t('bundles.detail.method')}>
                  <Select
                    value={method}
                    onChange={setMethod}
                    style={{ width: 160 }}
                    options={[
                      { value: 'window', label: t('bundles.detail.methodWindow') },
                      { value: 'post', label: t('bundles.detail.methodPost') },
                      { value: 'electronic', label: t('bundles.detail.methodElectronic') },
                    ]}
                  />
                </Form.Item>
                <Form.Item label={t('bundles.detail.receivedBy')}>
                  <Input
                    value={receivedBy}
                    onChange={(e) => setReceivedBy(e.target.value)}
                    data-testid="received-by"
                  />
                </Form.Item>
                <Button
                  type="primary"
                  loading={deliver.isPending}
                  data-testid="bundle-deliver"
                  onClick={() =>
                    run(
                      deliver.mutateAsync({ version: b.version, method, receivedBy }),
                      t('bundles.detail.delivered'),
                    )
                  }
                >
                  {t('bundles.detail.deliver')}
                </Button>
              </Form>
            </Card>
          )}
          {b.allowed.choose && can('bundle.choose') && (
            <Card title={t('bundles.detail.choiceCard')} size="small">
              <Space>
                <Button
                  onClick={() =>
                    run(
                      choose.mutateAsync({ version: b.version, choice: 'continue' }),
                      t('bundles.detail.continue'),
                    )
                  }
                >
                  {t('bundles.detail.continue')}
                </Button>
                <Button
                  danger
                  onClick={() =>
                    run(
                      choose.mutateAsync({ version: b.version, choice: 'withdraw' }),
                      t('bundles.detail.withdrawn'),
                    )
                  }
                >
                  {t('bundles.detail.withdraw')}
                </Button>
              </Space>
            </Card>
          )}
          {b.allowed.requestExtension && can('bundle.extension.request') && (
            <Card title={t('bundles.detail.extensionCard')} size="small">
              <Space>
                <InputNumber min={1} max={15} value={days} onChange={(v) => setDays(v ?? 15)} />
                <Input
                  placeholder={t('bundles.detail.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                <Button
                  onClick={() =>
                    run(
                      extend.mutateAsync({ version: b.version, days, reason }),
                      t('bundles.detail.extensionRequested'),
                    )
                  }
                >
                  {t('bundles.detail.submit')}
                </Button>
              </Space>
            </Card>
          )}
          {b.allowed.decideExtension && can('bundle.extension.decide') && (
            <Card
              title={t('bundles.detail.extensionDecide', {
                days: b.extension?.days,
                reason: b.extension?.reason,
              })}
              size="small"
            >
              <Space>
                <Button
                  type="primary"
                  onClick={() =>
                    run(
                      decideExt.mutateAsync({ version: b.version, approved: true, note: '' }),
                      t('bundles.detail.approved'),
                    )
                  }
                >
                  {t('bundles.detail.approve')}
                </Button>
                <Button
                  onClick={() =>
                    run(
                      decideExt.mutateAsync({ version: b.version, approved: false, note: '' }),
                      t('bundles.detail.rejected'),
                    )
                  }
                >
                  {t('bundles.detail.reject')}
                </Button>
              </Space>
            </Card>
          )}
        </Space>
      )}
      {b.license && (
        <Card title={t('bundles.detail.licenseCard')}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('bundles.detail.licenseName')}>
              {b.license.typeName}
            </Descriptions.Item>
            <Descriptions.Item label={t('bundles.detail.licenseId')}>
              <span data-testid="bundle-license-id">{b.license.id}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('bundles.detail.members')} span={2}>
              {b.license.members.map((m) => `${m.itemName}（${m.licenseId}）`).join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('bundles.detail.verify')}>
              <a href={`/yjs/verify/${b.license.verifyToken}`} target="_blank" rel="noreferrer">
                {t('bundles.detail.verifyLink')}
              </a>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card title={t('bundles.detail.events')}>
        <Timeline
          items={b.events.map((e) => ({
            children: `${formatInstant(e.at)} ${t(`bundles.event.${e.type}`, { defaultValue: e.type })}${typeof e.payload.itemName === 'string' ? `：${e.payload.itemName}` : ''}`,
          }))}
        />
      </Card>
    </Space>
  );
}

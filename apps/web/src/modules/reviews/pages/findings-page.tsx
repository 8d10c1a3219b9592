import { useState } from 'react';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { type AutoFinding } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth-context';
import { apiRequest } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useAutoFindings, useAutoRules, useFindingActions } from '../api';
import { useReviewLabels } from '../labels';

const COLOR = { draft: 'gold', accepted: 'green', dismissed: 'default' } as const;

/** Automatic findings: the rules with their thresholds, and drafts the supervisor accepts or dismisses. */
export function FindingsPage() {
  const L = useReviewLabels();
  const { t } = L;
  const { can } = useAuth();
  const findings = useAutoFindings();
  const actions = useFindingActions();
  const [status, setStatus] = useState<AutoFinding['status']>('draft');
  const [accepting, setAccepting] = useState<AutoFinding | null>(null);
  const [dismissing, setDismissing] = useState<AutoFinding | null>(null);
  const [month, setMonth] = useState('');
  const mayDecide = can('reviews.findings');
  const rows = (findings.data ?? []).filter((f) => f.status === status);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('reviews.findings.title')}
        extra={
          mayDecide && (
            <Space>
              <Input
                placeholder="2026-10"
                value={month}
                onChange={(e) => setMonth(e.target.value)}
                style={{ width: 110 }}
              />
              <Button
                loading={actions.evaluate.isPending}
                onClick={() =>
                  actions.evaluate.mutate(month, {
                    onSuccess: (r) => notifySuccess(`${t('reviews.findings.opened')} ${r.opened}`),
                  })
                }
              >
                {t('reviews.findings.evaluate')}
              </Button>
            </Space>
          )
        }
      >
        <Tabs
          activeKey={status}
          onChange={(k) => setStatus(k as AutoFinding['status'])}
          items={(['draft', 'accepted', 'dismissed'] as const).map((s) => ({
            key: s,
            label: `${L.findingStatus(s)} (${(findings.data ?? []).filter((f) => f.status === s).length})`,
          }))}
        />
        <Table<AutoFinding>
          rowKey="id"
          loading={findings.isLoading}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (f) => (
              <Space direction="vertical">
                <Typography.Text>{L.finding(f).description}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('reviews.findings.evidence')}:{' '}
                  {f.evidence.map((e) => L.evidence(e)).join(L.misc('evidenceSep'))}
                </Typography.Text>
                {f.dismissReason && (
                  <Typography.Text type="warning">
                    {t('reviews.findings.reason')}: {f.dismissReason}
                  </Typography.Text>
                )}
              </Space>
            ),
          }}
          columns={[
            {
              title: t('reviews.findings.rule'),
              dataIndex: 'rule',
              render: (r: AutoFinding['rule']) => L.rule(r),
            },
            { title: t('reviews.findings.name'), key: 'title', render: (_, f) => L.finding(f).title },
            {
              title: t('reviews.findings.openedAt'),
              dataIndex: 'openedAt',
              render: (v: string) => v.slice(0, 10),
            },
            {
              title: t('reviews.plans.status'),
              dataIndex: 'status',
              render: (s: AutoFinding['status']) => <Tag color={COLOR[s]}>{L.findingStatus(s)}</Tag>,
            },
            {
              title: '',
              render: (_, f) =>
                f.status === 'draft' && mayDecide ? (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setAccepting(f)}>
                      {t('reviews.findings.accept')}
                    </Button>
                    <Button size="small" onClick={() => setDismissing(f)}>
                      {t('reviews.findings.dismiss')}
                    </Button>
                  </Space>
                ) : f.ledgerInspectionId ? (
                  <a href={`/ledger?inspection=${f.ledgerInspectionId}`}>{t('reviews.findings.inLedger')}</a>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t('reviews.findings.rules')}>
        <RulesTable />
      </Card>
      {accepting && <AcceptModal finding={accepting} onClose={() => setAccepting(null)} />}
      {dismissing && (
        <DismissModal
          onClose={() => setDismissing(null)}
          onOk={(reason) =>
            actions.dismiss.mutateAsync({ id: dismissing.id, reason }).then(() => setDismissing(null))
          }
        />
      )}
    </Space>
  );
}

function RulesTable() {
  const L = useReviewLabels();
  const { t } = L;
  const { can } = useAuth();
  const rules = useAutoRules();
  const save = (key: string, threshold: number) =>
    apiRequest(`/api/reviews/rules/${key}`, { method: 'PUT', body: { threshold } }).then(() =>
      rules.refetch(),
    );
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rules.data ?? []}
      columns={[
        {
          title: t('reviews.findings.rule'),
          dataIndex: 'key',
          render: (k: string, r) =>
            r.pending ? <Typography.Text type="secondary">{L.rule(k)}</Typography.Text> : L.rule(k),
        },
        { title: t('reviews.findings.definition'), dataIndex: 'key', render: (k: string) => L.ruleDef(k) },
        {
          title: t('reviews.findings.threshold'),
          render: (_, r) =>
            can('reviews.findings') && !r.pending ? (
              <InputNumber
                size="small"
                defaultValue={r.threshold}
                step={r.unit === '占比' ? 0.05 : 1}
                onBlur={(e) => void save(r.key, Number(e.target.value))}
              />
            ) : (
              `${r.threshold} ${L.ruleUnit(r.unit)}`
            ),
        },
        {
          title: '',
          render: (_, r) =>
            r.pending ? (
              <Tag>{t('reviews.findings.pending')}</Tag>
            ) : (
              <Tag color="green">{t('reviews.findings.active')}</Tag>
            ),
        },
      ]}
    />
  );
}

function AcceptModal({ finding, onClose }: { finding: AutoFinding; onClose: () => void }) {
  const L = useReviewLabels();
  const { t } = L;
  const { accept } = useFindingActions();
  const [form] = Form.useForm<{
    mode: 'new' | 'existing';
    team: string;
    inspectedUnit: string;
    inspectionId: string;
  }>();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [inspections, setInspections] = useState<{ id: string; team: string; inspectedUnit: string }[]>([]);
  const loadInspections = () =>
    apiRequest<{ items: { id: string; team: string; inspectedUnit: string }[] }>(
      '/api/ledger/inspections',
    ).then((r) => setInspections(r.items));
  const submit = async () => {
    const v = await form.validateFields();
    await accept.mutateAsync({
      id: finding.id,
      body:
        mode === 'new'
          ? { newInspection: { kind: 'self_check', team: v.team, inspectedUnit: v.inspectedUnit } }
          : { inspectionId: v.inspectionId },
    });
    notifySuccess(t('reviews.findings.accepted'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('reviews.findings.accept')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={accept.isPending}
    >
      <Typography.Paragraph>{L.finding(finding).title}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ team: L.misc('teamDefault') }}>
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value as 'new' | 'existing');
            if (e.target.value === 'existing') void loadInspections();
          }}
          style={{ marginBottom: 12 }}
        >
          <Radio value="new">{t('reviews.findings.newSelfCheck')}</Radio>
          <Radio value="existing">{t('reviews.findings.existing')}</Radio>
        </Radio.Group>
        {mode === 'new' ? (
          <>
            <Form.Item name="team" label={t('reviews.findings.team')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="inspectedUnit" label={t('reviews.findings.unit')} rules={[{ required: true }]}>
              <Input placeholder={L.misc('unitPlaceholder')} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="inspectionId"
            label={t('reviews.findings.inspection')}
            rules={[{ required: true }]}
          >
            <Select
              options={inspections.map((i) => ({ value: i.id, label: `${i.inspectedUnit} · ${i.team}` }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function DismissModal({
  onClose,
  onOk,
}: {
  onClose: () => void;
  onOk: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={t('reviews.findings.dismiss')}
      onOk={() => onOk(reason)}
      onCancel={onClose}
      okButtonProps={{ disabled: reason.trim().length < 2 }}
    >
      <Input.TextArea
        rows={3}
        placeholder={t('reviews.findings.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}

import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { SERVICE_KIND_LABELS, type Intermediary, type IntermediaryRegister } from '@tongban/contracts';
import { notifyError } from '../../../app/notify';
import { usePublicRegions } from '../../../app/public-regions';
import { PublicShell } from '../../catalog';
import { usePublicMarket, usePublicPurchases, useRegisterIntermediary, useRules } from '../api';
import { useTr } from '../i18n';

/** The public market: registered intermediaries, results, rules with their dates, and self-registration (no approval). */
export function PublicMarketPage() {
  const { t, tr, label, opts, list } = useTr();
  const market = usePublicMarket();
  const purchases = usePublicPurchases();
  const rules = useRules();
  const register = useRegisterIntermediary();
  const [token, setToken] = useState<string>();
  const [form] = Form.useForm();
  const regions = usePublicRegions();
  return (
    <PublicShell title={tr('marketTitle', '网上中介超市')}>
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        <Card title={t('intermediaries.public')}>
          <Table<Intermediary>
            rowKey="id"
            size="small"
            loading={market.isLoading}
            dataSource={market.data?.items}
            pagination={false}
            columns={[
              { title: tr('intermediary', '机构'), dataIndex: 'name' },
              {
                title: tr('service', '服务'),
                dataIndex: 'serviceKinds',
                render: (k: Intermediary['serviceKinds']) =>
                  k.map((x) => <Tag key={x}>{label('service', SERVICE_KIND_LABELS, x)}</Tag>),
              },
              {
                title: tr('qualifications', '资质'),
                dataIndex: 'qualifications',
                render: (q: string[]) => q.join(list),
              },
              { title: tr('staff', '人员'), dataIndex: 'staffCount' },
              {
                title: tr('fees', '收费'),
                dataIndex: 'fees',
                render: (f: Intermediary['fees']) =>
                  f
                    .map((x) =>
                      tr('feeItem', '{{s}} {{y}} 元/{{u}}', { s: x.service, y: x.feeYuan, u: x.unit }),
                    )
                    .join('；'),
              },
              {
                title: tr('completedRating', '完成 / 评分'),
                render: (_, i) => `${i.completed} / ${i.rating ?? '—'}`,
              },
            ]}
          />
        </Card>
        <Card title={tr('results', tr('results', '选取结果'))} size="small">
          <List
            size="small"
            dataSource={purchases.data?.items}
            renderItem={(p) => (
              <List.Item>
                {p.title} — {p.chosenName ?? tr('pending', '待选取')}
                {p.seed && (
                  <Typography.Text type="secondary">
                    {tr('seedShown', '（种子 {{s}}…，哈希 {{h}}…）', {
                      s: p.seed.slice(0, 12),
                      h: p.seedHash?.slice(0, 12),
                    })}
                  </Typography.Text>
                )}
              </List.Item>
            )}
          />
        </Card>
        <Card title={tr('rules', tr('rules', '规则与收费目录'))} size="small">
          <List
            size="small"
            dataSource={rules.data?.items}
            renderItem={(r) => (
              <List.Item>
                {r.title}
                {tr('ruleDates', '（{{f}} 起施行，{{p}} 发布）', {
                  f: r.effectiveFrom,
                  p: r.publishedAt.slice(0, 10),
                })}
              </List.Item>
            )}
          />
        </Card>
        <Card title={t('intermediaries.register')}>
          {token ? (
            <Alert
              type="success"
              data-testid="registered"
              message={tr('registeredOk', tr('registeredOk', '入驻成功，已在超市公开'))}
              description={
                <span>
                  {tr('keyOnce', '机构密钥（仅显示一次，用于关联审批事项和报价）：')}
                  <Typography.Text code copyable>
                    {token}
                  </Typography.Text>
                </span>
              }
            />
          ) : (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ serviceKinds: ['testing'], staffCount: 10 }}
              onFinish={async (v) => {
                const regionCode = v.regionCode ?? regions.choices[0]?.regionCode;
                if (!regionCode) {
                  notifyError(new Error(tr('noRegion', '本站尚未开通中介入驻')));
                  return;
                }
                const body: IntermediaryRegister = {
                  regionCode,
                  name: v.name,
                  creditCode: v.creditCode,
                  licenceNo: v.licenceNo,
                  serviceKinds: v.serviceKinds,
                  qualifications: v.qualifications ? [v.qualifications] : [],
                  staffCount: v.staffCount,
                  fees: v.fee ? [{ service: '基本服务', feeYuan: v.fee, unit: '项' }] : [],
                };
                try {
                  setToken((await register.mutateAsync(body)).token);
                } catch (e) {
                  notifyError(e);
                }
              }}
            >
              {regions.choices.length > 1 && (
                <Form.Item
                  name="regionCode"
                  label={tr('center', '服务中心')}
                  rules={[{ required: true, message: tr('chooseCenter', '请选择服务中心') }]}
                >
                  <Select options={regions.choices.map((c) => ({ value: c.regionCode, label: c.label }))} />
                </Form.Item>
              )}
              <Form.Item name="name" label={tr('name', tr('name', '机构名称'))} rules={[{ required: true }]}>
                <Input data-testid="im-name" />
              </Form.Item>
              <Form.Item
                name="creditCode"
                label={tr('creditCode', tr('creditCode', '统一社会信用代码'))}
                rules={[{ required: true, len: 18 }]}
              >
                <Input data-testid="im-credit" />
              </Form.Item>
              <Form.Item
                name="licenceNo"
                label={tr('licence', tr('licence', '执业许可证号'))}
                rules={[{ required: true }]}
              >
                <Input data-testid="im-licence" />
              </Form.Item>
              <Form.Item name="serviceKinds" label={tr('serviceKind', tr('serviceKind', '服务类别'))}>
                <Checkbox.Group options={opts('service', SERVICE_KIND_LABELS)} />
              </Form.Item>
              <Form.Item name="qualifications" label={tr('qualifications', tr('qualifications', '资质'))}>
                <Input />
              </Form.Item>
              <Form.Item name="staffCount" label={tr('staffCount', tr('staffCount', '从业人员'))}>
                <InputNumber min={1} />
              </Form.Item>
              <Form.Item name="fee" label={tr('baseFee', tr('baseFee', '基本服务收费（元）'))}>
                <InputNumber min={1} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="im-submit">
                {tr('submit', '提交入驻（无需审批）')}
              </Button>
            </Form>
          )}
        </Card>
      </Space>
    </PublicShell>
  );
}

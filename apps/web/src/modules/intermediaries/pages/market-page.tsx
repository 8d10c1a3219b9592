import { useState } from 'react';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Rate,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import {
  PURCHASE_METHOD_LABELS,
  PURCHASE_STATUS_LABELS,
  SERVICE_KIND_LABELS,
  type ItemLink,
  type Purchase,
  type PurchaseCreate,
} from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifyError, notifySuccess } from '../../../app/notify';
import {
  useAdvance,
  useCheckLink,
  useCreatePurchase,
  useLinks,
  useMarketFigures,
  usePublicMarket,
  usePurchases,
  useSelect,
} from '../api';
import { useTr } from '../i18n';

/** 中介超市 for project owners: publish a need, choose (direct, random draw with a committed seed, quotes), contract, rate. */
export function MarketPage() {
  const { t, tr, label, opts } = useTr();
  const { can } = useAuth();
  const purchases = usePurchases();
  const figures = useMarketFigures();
  const links = useLinks();
  const market = usePublicMarket();
  const create = useCreatePurchase();
  const select = useSelect();
  const advance = useAdvance();
  const check = useCheckLink();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PurchaseCreate>();
  const write = can('intermediaries.purchase.write');
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      notifySuccess(ok);
    } catch (e) {
      notifyError(e);
    }
  };
  const f = figures.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={t('intermediaries.market')}
        extra={
          write && (
            <Button type="primary" data-testid="new-purchase" onClick={() => setOpen(true)}>
              {tr('publishNeed', '发布采购需求')}
            </Button>
          )
        }
      >
        <Space size={[48, 16]} wrap align="start" style={{ marginBottom: 16 }}>
          <Statistic title={tr('registered', tr('registered', '入驻机构'))} value={f?.intermediaries ?? 0} />
          {f?.purchases.map((p) => (
            <Statistic
              key={p.method}
              title={label('method', PURCHASE_METHOD_LABELS, p.method)}
              value={p.count}
              suffix={
                <span style={{ fontSize: 14, whiteSpace: 'nowrap' }}>
                  {tr('completedN', '（完成 {{n}}）', { n: p.completed })}
                </span>
              }
            />
          ))}
          <Statistic title={tr('complaints', tr('complaints', '投诉'))} value={f?.complaints ?? 0} />
          <Statistic
            title={tr('linksPending', tr('linksPending', '事项关联待核验'))}
            value={f?.linksPending ?? 0}
            suffix={
              f?.linksOverdue ? (
                <span style={{ fontSize: 14, whiteSpace: 'nowrap' }}>
                  {tr('overdueN', '（逾期 {{n}}）', { n: f.linksOverdue })}
                </span>
              ) : (
                ''
              )
            }
          />
        </Space>
        <Table<Purchase>
          rowKey="id"
          size="small"
          loading={purchases.isLoading}
          dataSource={purchases.data?.items}
          columns={[
            { title: tr('need', '需求'), dataIndex: 'title' },
            { title: tr('owner', '业主'), dataIndex: 'ownerName' },
            {
              title: tr('service', '服务'),
              dataIndex: 'serviceKind',
              render: (k: Purchase['serviceKind']) => label('service', SERVICE_KIND_LABELS, k),
            },
            {
              title: tr('method', '方式'),
              dataIndex: 'method',
              render: (m: Purchase['method']) => label('method', PURCHASE_METHOD_LABELS, m),
            },
            {
              title: tr('seedHash', '种子哈希'),
              dataIndex: 'seedHash',
              render: (h: string | null) => (h ? <code title={h}>{h.slice(0, 12)}…</code> : '—'),
            },
            {
              title: tr('chosen', '选定机构'),
              dataIndex: 'chosenName',
              render: (n: string | null) => n ?? '—',
            },
            {
              title: tr('status', '状态'),
              dataIndex: 'status',
              render: (s: Purchase['status']) => (
                <Tag data-testid={`purchase-status-${s}`}>{label('status', PURCHASE_STATUS_LABELS, s)}</Tag>
              ),
            },
            {
              title: tr('rating', '评价'),
              dataIndex: 'rating',
              render: (r: number | null) =>
                r ? <Rate disabled value={r} style={{ fontSize: 14, whiteSpace: 'nowrap' }} /> : '—',
            },
            {
              title: tr('actions', '操作'),
              render: (_, p) =>
                write && (
                  <Space>
                    {p.status === 'published' && p.method !== 'direct' && (
                      <Button
                        size="small"
                        data-testid={`select-${p.id}`}
                        onClick={() =>
                          run(
                            () => select.mutateAsync({ id: p.id, body: {} }),
                            p.method === 'draw'
                              ? tr('drawn', '已随机抽取')
                              : tr('chosenByQuote', '已按最低报价选定'),
                          )
                        }
                      >
                        {p.method === 'draw' ? tr('draw', '随机抽取') : tr('byQuote', '按报价选取')}
                      </Button>
                    )}
                    {p.status === 'published' && p.method === 'direct' && (
                      <Select
                        size="small"
                        style={{ width: 180 }}
                        placeholder={tr('direct', tr('direct', '直接选取'))}
                        onChange={(v: string) =>
                          run(
                            () => select.mutateAsync({ id: p.id, body: { intermediaryId: v } }),
                            tr('selected', '已选定'),
                          )
                        }
                        options={(market.data?.items ?? [])
                          .filter((i) => i.serviceKinds.includes(p.serviceKind))
                          .map((i) => ({ value: i.id, label: i.name }))}
                      />
                    )}
                    {p.status === 'selected' && (
                      <Button
                        size="small"
                        onClick={() =>
                          run(
                            () =>
                              advance.mutateAsync({
                                id: p.id,
                                body: { action: 'contract', priceYuan: p.priceYuan ?? p.budgetYuan },
                              }),
                            tr('contracted', '已签约'),
                          )
                        }
                      >
                        {tr('contract', '签约')}
                      </Button>
                    )}
                    {p.status === 'contracted' && (
                      <Rate
                        onChange={(r) =>
                          run(
                            () => advance.mutateAsync({ id: p.id, body: { action: 'complete', rating: r } }),
                            tr('completed', '已完成并评价'),
                          )
                        }
                      />
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card title={tr('linksCard', tr('linksCard', '中介机构关联审批事项核验'))} size="small">
        <Table<ItemLink>
          rowKey="id"
          size="small"
          dataSource={links.data?.items}
          columns={[
            { title: tr('intermediary', '机构'), dataIndex: 'intermediaryName' },
            { title: tr('item', '事项'), dataIndex: 'itemName' },
            {
              title: tr('checkDue', '核验期限'),
              dataIndex: 'dueOn',
              render: (d: string, l) => <span style={{ color: l.overdue ? '#cf1322' : undefined }}>{d}</span>,
            },
            { title: tr('status', '状态'), dataIndex: 'status' },
            {
              title: '',
              render: (_, l) =>
                l.status === 'pending' &&
                can('intermediaries.link.check') && (
                  <Space>
                    <Button
                      size="small"
                      onClick={() =>
                        run(() => check.mutateAsync({ id: l.id, approve: true }), tr('approved', '已通过'))
                      }
                    >
                      {tr('approve', '通过')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        run(() => check.mutateAsync({ id: l.id, approve: false }), tr('rejected', '已驳回'))
                      }
                    >
                      {tr('reject', '驳回')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        title={tr('publishNeed', tr('publishNeed', '发布采购需求'))}
        open={open}
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'purchase-ok' } as Record<string, string>}
        onOk={async () => {
          const v = await form.validateFields();
          await run(() => create.mutateAsync(v), tr('published', '已发布'));
          setOpen(false);
        }}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ serviceKind: 'testing', method: 'draw', ownerName: '云溪县住房和城乡建设局' }}
        >
          <Form.Item
            name="title"
            label={tr('needTitle', tr('needTitle', '需求名称'))}
            rules={[{ required: true }]}
          >
            <Input data-testid="purchase-title" />
          </Form.Item>
          <Form.Item
            name="ownerName"
            label={tr('projectOwner', tr('projectOwner', '项目业主'))}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="serviceKind" label={tr('serviceKind', tr('serviceKind', '服务类别'))}>
            <Select data-testid="purchase-kind" options={opts('service', SERVICE_KIND_LABELS)} />
          </Form.Item>
          <Form.Item
            name="budgetYuan"
            label={tr('budget', tr('budget', '预算（元）'))}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} data-testid="purchase-budget" />
          </Form.Item>
          <Form.Item name="method" label={tr('selectMethod', tr('selectMethod', '选取方式'))}>
            <Select options={opts('method', PURCHASE_METHOD_LABELS)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

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
import { useTranslation } from 'react-i18next';
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

const opts = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** 中介超市 for project owners: publish a need, choose (direct, random draw with a committed seed, quotes), contract, rate. */
export function MarketPage() {
  const { t } = useTranslation();
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
              发布采购需求
            </Button>
          )
        }
      >
        <Space size={48} style={{ marginBottom: 16 }}>
          <Statistic title="入驻机构" value={f?.intermediaries ?? 0} />
          {f?.purchases.map((p) => (
            <Statistic
              key={p.method}
              title={PURCHASE_METHOD_LABELS[p.method]}
              value={p.count}
              suffix={`（完成 ${p.completed}）`}
            />
          ))}
          <Statistic title="投诉" value={f?.complaints ?? 0} />
          <Statistic
            title="事项关联待核验"
            value={f?.linksPending ?? 0}
            suffix={f?.linksOverdue ? `（逾期 ${f.linksOverdue}）` : ''}
          />
        </Space>
        <Table<Purchase>
          rowKey="id"
          size="small"
          loading={purchases.isLoading}
          dataSource={purchases.data?.items}
          columns={[
            { title: '需求', dataIndex: 'title' },
            { title: '业主', dataIndex: 'ownerName' },
            {
              title: '服务',
              dataIndex: 'serviceKind',
              render: (k: Purchase['serviceKind']) => SERVICE_KIND_LABELS[k],
            },
            {
              title: '方式',
              dataIndex: 'method',
              render: (m: Purchase['method']) => PURCHASE_METHOD_LABELS[m],
            },
            {
              title: '种子哈希',
              dataIndex: 'seedHash',
              render: (h: string | null) => (h ? <code title={h}>{h.slice(0, 12)}…</code> : '—'),
            },
            { title: '选定机构', dataIndex: 'chosenName', render: (n: string | null) => n ?? '—' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: Purchase['status']) => (
                <Tag data-testid={`purchase-status-${s}`}>{PURCHASE_STATUS_LABELS[s]}</Tag>
              ),
            },
            {
              title: '评价',
              dataIndex: 'rating',
              render: (r: number | null) => (r ? <Rate disabled value={r} /> : '—'),
            },
            {
              title: '操作',
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
                            p.method === 'draw' ? '已随机抽取' : '已按最低报价选定',
                          )
                        }
                      >
                        {p.method === 'draw' ? '随机抽取' : '按报价选取'}
                      </Button>
                    )}
                    {p.status === 'published' && p.method === 'direct' && (
                      <Select
                        size="small"
                        style={{ width: 180 }}
                        placeholder="直接选取"
                        onChange={(v: string) =>
                          run(() => select.mutateAsync({ id: p.id, body: { intermediaryId: v } }), '已选定')
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
                            '已签约',
                          )
                        }
                      >
                        签约
                      </Button>
                    )}
                    {p.status === 'contracted' && (
                      <Rate
                        onChange={(r) =>
                          run(
                            () => advance.mutateAsync({ id: p.id, body: { action: 'complete', rating: r } }),
                            '已完成并评价',
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
      <Card title="中介机构关联审批事项核验" size="small">
        <Table<ItemLink>
          rowKey="id"
          size="small"
          dataSource={links.data?.items}
          columns={[
            { title: '机构', dataIndex: 'intermediaryName' },
            { title: '事项', dataIndex: 'itemName' },
            {
              title: '核验期限',
              dataIndex: 'dueOn',
              render: (d: string, l) => <span style={{ color: l.overdue ? '#cf1322' : undefined }}>{d}</span>,
            },
            { title: '状态', dataIndex: 'status' },
            {
              title: '',
              render: (_, l) =>
                l.status === 'pending' &&
                can('intermediaries.link.check') && (
                  <Space>
                    <Button
                      size="small"
                      onClick={() => run(() => check.mutateAsync({ id: l.id, approve: true }), '已通过')}
                    >
                      通过
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() => run(() => check.mutateAsync({ id: l.id, approve: false }), '已驳回')}
                    >
                      驳回
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        title="发布采购需求"
        open={open}
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'purchase-ok' } as Record<string, string>}
        onOk={async () => {
          const v = await form.validateFields();
          await run(() => create.mutateAsync(v), '已发布');
          setOpen(false);
        }}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ serviceKind: 'testing', method: 'draw', ownerName: '云溪县住房和城乡建设局' }}
        >
          <Form.Item name="title" label="需求名称" rules={[{ required: true }]}>
            <Input data-testid="purchase-title" />
          </Form.Item>
          <Form.Item name="ownerName" label="项目业主" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="serviceKind" label="服务类别">
            <Select data-testid="purchase-kind" options={opts(SERVICE_KIND_LABELS)} />
          </Form.Item>
          <Form.Item name="budgetYuan" label="预算（元）" rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} data-testid="purchase-budget" />
          </Form.Item>
          <Form.Item name="method" label="选取方式">
            <Select options={opts(PURCHASE_METHOD_LABELS)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

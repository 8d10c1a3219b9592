import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  DiffOutlined,
  EditOutlined,
  GlobalOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { ApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { notifyError, notifySuccess } from '../../../app/notify';
import {
  useCatalogItem,
  useCreateDraft,
  usePublish,
  useRetire,
  type CatalogVersionSummary,
  type MissingElements,
} from '../api';
import { STATUS_COLORS, dateTime, versionStatusLabel } from '../components/catalog-format';
import { VersionView } from '../components/version-view';

/** One item: its live version, its pending draft, the version history; 发布、停用、编辑. */
export function CatalogItemPage() {
  const { itemId = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const item = useCatalogItem(itemId);
  const createDraft = useCreateDraft();
  const publish = usePublish();
  const retire = useRetire();
  const [missing, setMissing] = useState<{ message: string; labels: string[] } | undefined>();
  const [retireOpen, setRetireOpen] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [picked, setPicked] = useState<string[]>([]);

  if (item.isLoading) return <Spin size="large" style={{ display: 'block', margin: 80 }} />;
  if (!item.data)
    return (
      <Result
        status="404"
        title={item.error instanceof ApiError ? item.error.message : '事项不存在'}
        extra={<Button onClick={() => void navigate('/catalog')}>返回事项目录</Button>}
      />
    );

  const d = item.data;
  const { published, draft } = d;
  const retired = d.retiredAt !== null;
  const current = draft ?? published;
  const name = current?.name ?? d.itemCode;
  const writable = can('catalog.write') && !retired;
  const publishable = can('catalog.publish') && !retired;

  const onEditPublished = async () => {
    if (!published) return;
    const v = await createDraft.mutateAsync({ itemId: d.id, fromVersionId: published.id });
    notifySuccess(`已生成第 ${v.versionNo} 版草稿，发布前公众仍看到第 ${published.versionNo} 版`);
    void navigate(`/catalog/versions/${v.id}/edit`);
  };

  const onPublish = async () => {
    if (!draft) return;
    setMissing(undefined);
    try {
      const v = await publish.mutateAsync({ itemId: d.id, versionId: draft.id });
      notifySuccess(`第 ${v.versionNo} 版已发布`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CATALOG_INCOMPLETE') {
        const labels = (error.details as MissingElements | undefined)?.missing.map((m) => m.label) ?? [];
        setMissing({ message: '事项要素不完整，不能发布。请补充以下内容后再发布：', labels });
      } else notifyError(error);
    }
  };

  const onRetire = async () => {
    const { reason } = await reasonForm.validateFields();
    await retire.mutateAsync({ itemId: d.id, reason: reason.trim() });
    notifySuccess('事项已停用（取消）');
    setRetireOpen(false);
  };

  const versionColumns = [
    { title: '版本', dataIndex: 'versionNo', width: 80, render: (n: number) => `第 ${n} 版` },
    { title: '事项名称', dataIndex: 'name' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: CatalogVersionSummary['status']) => (
        <Tag color={STATUS_COLORS[s]}>{versionStatusLabel(s)}</Tag>
      ),
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 150, render: dateTime },
    { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: dateTime },
    { title: '被替代时间', dataIndex: 'supersededAt', width: 150, render: dateTime },
  ];
  const [a, b] = [...picked]
    .map((id) => d.versions.find((v) => v.id === id)!)
    .sort((x, y) => x.versionNo - y.versionNo);

  const tabs = [
    ...(draft
      ? [
          {
            key: 'draft',
            label: `待发布草稿（第 ${draft.versionNo} 版）`,
            children: <VersionView v={draft} />,
          },
        ]
      : []),
    ...(published
      ? [
          {
            key: 'published',
            label: `当前发布版本（第 ${published.versionNo} 版）`,
            children: <VersionView v={published} />,
          },
        ]
      : []),
    {
      key: 'versions',
      label: `版本历史（${d.versions.length}）`,
      children: (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">勾选两个版本进行对比</Typography.Text>
            <Button
              icon={<DiffOutlined />}
              disabled={picked.length !== 2}
              data-testid="compare-versions"
              onClick={() => void navigate(`/catalog/${d.id}/diff?from=${a!.id}&to=${b!.id}`)}
            >
              版本对比
            </Button>
          </Space>
          <Table<CatalogVersionSummary>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.versions}
            columns={versionColumns}
            data-testid="version-table"
            rowSelection={{
              selectedRowKeys: picked,
              onChange: (keys) => setPicked((keys as string[]).slice(-2)),
            }}
          />
        </>
      ),
    },
  ];

  return (
    <Card
      data-testid="catalog-item-page"
      title={
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/catalog')} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="item-title">
            {name}
          </Typography.Title>
          {retired ? (
            <Tag color="red">已取消</Tag>
          ) : published ? (
            <Tag color="green">已发布第 {published.versionNo} 版</Tag>
          ) : (
            <Tag color="gold">未发布</Tag>
          )}
          {draft && !retired && (
            <Tag color="gold" data-testid="item-draft-tag">
              第 {draft.versionNo} 版草稿待发布
            </Tag>
          )}
        </Space>
      }
      extra={
        <Space wrap>
          {published && !retired && (
            <Button icon={<GlobalOutlined />} href={`/guide/${d.id}`} target="_blank">
              查看公开指南
            </Button>
          )}
          {draft && published && (
            <Link to={`/catalog/${d.id}/diff?from=${published.id}&to=${draft.id}`}>
              <Button icon={<DiffOutlined />}>草稿与发布版对比</Button>
            </Link>
          )}
          {writable && draft && (
            <Button
              icon={<EditOutlined />}
              onClick={() => void navigate(`/catalog/versions/${draft.id}/edit`)}
              data-testid="edit-draft"
            >
              编辑草稿
            </Button>
          )}
          {writable && published && !draft && (
            <Button
              icon={<EditOutlined />}
              loading={createDraft.isPending}
              onClick={() => void onEditPublished().catch(() => undefined)}
              data-testid="edit-published"
            >
              编辑已发布事项
            </Button>
          )}
          {publishable && draft && (
            <Popconfirm
              title={`发布第 ${draft.versionNo} 版？`}
              description={
                published
                  ? `发布后替代第 ${published.versionNo} 版，公众立即看到新版本。`
                  : '发布后公众可查看办事指南。'
              }
              okText="发布"
              cancelText="取消"
              onConfirm={() => onPublish()}
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={publish.isPending}
                data-testid="publish"
              >
                发布
              </Button>
            </Popconfirm>
          )}
          {publishable && (
            <Button danger icon={<StopOutlined />} onClick={() => setRetireOpen(true)} data-testid="retire">
              停用
            </Button>
          )}
        </Space>
      }
    >
      {retired && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`该事项已于 ${dateTime(d.retiredAt)} 停用（取消）：${d.retiredReason ?? ''}`}
        />
      )}
      {missing && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setMissing(undefined)}
          style={{ marginBottom: 16 }}
          data-testid="publish-missing"
          title={missing.message}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {missing.labels.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          }
        />
      )}
      <Tabs items={tabs} />
      <Modal
        open={retireOpen}
        title={`停用事项：${name}`}
        okText="停用"
        okButtonProps={{ danger: true, loading: retire.isPending }}
        cancelText="取消"
        onOk={() => void onRetire().catch(() => undefined)}
        onCancel={() => setRetireOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          停用后该事项状态为“已取消”，公开办事指南下线，历史版本仍可查阅；此操作记入审计日志。
        </Typography.Paragraph>
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="停用理由"
            rules={[{ required: true, whitespace: true, message: '请填写停用理由' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

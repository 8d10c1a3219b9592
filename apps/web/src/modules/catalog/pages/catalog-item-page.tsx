import { CatalogErrorCode } from '@tongban/contracts';
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
import { tr } from '../../../app/i18n';

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
        title={
          item.error instanceof ApiError ? item.error.message : tr('catalog.catalogItemPage.itemNotFound')
        }
        extra={
          <Button onClick={() => void navigate('/catalog')}>
            {tr('catalog.catalogItemPage.backToTheCatalog')}
          </Button>
        }
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
    notifySuccess(
      tr('catalog.catalogItemPage.draftVersionCreatedThe', {
        versionNo: v.versionNo,
        versionNo1: published.versionNo,
      }),
    );
    void navigate(`/catalog/versions/${v.id}/edit`);
  };

  const onPublish = async () => {
    if (!draft) return;
    setMissing(undefined);
    try {
      const v = await publish.mutateAsync({ itemId: d.id, versionId: draft.id });
      notifySuccess(tr('catalog.catalogItemPage.versionPublished', { versionNo: v.versionNo }));
    } catch (error) {
      if (error instanceof ApiError && error.code === CatalogErrorCode.INCOMPLETE) {
        const labels = (error.details as MissingElements | undefined)?.missing.map((m) => m.label) ?? [];
        setMissing({ message: tr('catalog.catalogItemPage.theItemIsIncomplete'), labels });
      } else notifyError(error);
    }
  };

  const onRetire = async () => {
    const { reason } = await reasonForm.validateFields();
    await retire.mutateAsync({ itemId: d.id, reason: reason.trim() });
    notifySuccess(tr('catalog.catalogItemPage.itemCancelled'));
    setRetireOpen(false);
  };

  const versionColumns = [
    {
      title: tr('catalog.catalogItemPage.version'),
      dataIndex: 'versionNo',
      width: 80,
      render: (n: number) => tr('catalog.catalogItemPage.version2', { n }),
    },
    { title: tr('catalog.catalogItemPage.itemName'), dataIndex: 'name' },
    {
      title: tr('catalog.catalogItemPage.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: CatalogVersionSummary['status']) => (
        <Tag color={STATUS_COLORS[s]}>{versionStatusLabel(s)}</Tag>
      ),
    },
    { title: tr('catalog.catalogItemPage.createdAt'), dataIndex: 'createdAt', width: 150, render: dateTime },
    {
      title: tr('catalog.catalogItemPage.publishedAt'),
      dataIndex: 'publishedAt',
      width: 150,
      render: dateTime,
    },
    {
      title: tr('catalog.catalogItemPage.supersededAt'),
      dataIndex: 'supersededAt',
      width: 150,
      render: dateTime,
    },
  ];
  const [a, b] = [...picked]
    .map((id) => d.versions.find((v) => v.id === id)!)
    .sort((x, y) => x.versionNo - y.versionNo);

  const tabs = [
    ...(draft
      ? [
          {
            key: 'draft',
            label: tr('catalog.catalogItemPage.draftToPublishVersion', { versionNo: draft.versionNo }),
            children: <VersionView v={draft} />,
          },
        ]
      : []),
    ...(published
      ? [
          {
            key: 'published',
            label: tr('catalog.catalogItemPage.publishedVersionVersion', { versionNo: published.versionNo }),
            children: <VersionView v={published} />,
          },
        ]
      : []),
    {
      key: 'versions',
      label: tr('catalog.catalogItemPage.versionHistory', { length: d.versions.length }),
      children: (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {tr('catalog.catalogItemPage.tickTwoVersionsTo')}
            </Typography.Text>
            <Button
              icon={<DiffOutlined />}
              disabled={picked.length !== 2}
              data-testid="compare-versions"
              onClick={() => void navigate(`/catalog/${d.id}/diff?from=${a!.id}&to=${b!.id}`)}
            >
              {tr('catalog.catalogItemPage.compareVersions')}
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
            <Tag color="red">{tr('catalog.catalogItemPage.cancelled')}</Tag>
          ) : published ? (
            <Tag color="green">
              {tr('catalog.catalogItemPage.publishedVersion')} {published.versionNo}{' '}
              {tr('catalog.catalogItemPage.text')}
            </Tag>
          ) : (
            <Tag color="gold">{tr('catalog.catalogItemPage.unpublished')}</Tag>
          )}
          {draft && !retired && (
            <Tag color="gold" data-testid="item-draft-tag">
              {tr('catalog.catalogItemPage.version3')} {draft.versionNo}{' '}
              {tr('catalog.catalogItemPage.draftToPublish')}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Space wrap>
          {published && !retired && (
            <Button icon={<GlobalOutlined />} href={`/guide/${d.id}`} target="_blank">
              {tr('catalog.catalogItemPage.viewPublicGuide')}
            </Button>
          )}
          {draft && published && (
            <Link to={`/catalog/${d.id}/diff?from=${published.id}&to=${draft.id}`}>
              <Button icon={<DiffOutlined />}>{tr('catalog.catalogItemPage.draftVsPublished')}</Button>
            </Link>
          )}
          {writable && draft && (
            <Button
              icon={<EditOutlined />}
              onClick={() => void navigate(`/catalog/versions/${draft.id}/edit`)}
              data-testid="edit-draft"
            >
              {tr('catalog.catalogItemPage.editDraft')}
            </Button>
          )}
          {writable && published && !draft && (
            <Button
              icon={<EditOutlined />}
              loading={createDraft.isPending}
              onClick={() => void onEditPublished().catch(() => undefined)}
              data-testid="edit-published"
            >
              {tr('catalog.catalogItemPage.editPublishedItem')}
            </Button>
          )}
          {publishable && draft && (
            <Popconfirm
              title={tr('catalog.catalogItemPage.publishVersion', { versionNo: draft.versionNo })}
              description={
                published
                  ? tr('catalog.catalogItemPage.itReplacesVersionThe', { versionNo: published.versionNo })
                  : tr('catalog.catalogItemPage.oncePublishedThePublic')
              }
              okText={tr('catalog.catalogItemPage.publish')}
              cancelText={tr('catalog.catalogItemPage.cancel')}
              onConfirm={() => onPublish()}
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={publish.isPending}
                data-testid="publish"
              >
                {tr('catalog.catalogItemPage.publish')}
              </Button>
            </Popconfirm>
          )}
          {publishable && (
            <Button danger icon={<StopOutlined />} onClick={() => setRetireOpen(true)} data-testid="retire">
              {tr('catalog.catalogItemPage.cancelItem')}
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
          title={tr('catalog.catalogItemPage.thisItemWasCancelled', {
            v0: dateTime(d.retiredAt),
            v1: d.retiredReason ?? '',
          })}
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
        title={tr('catalog.catalogItemPage.cancelItem2', { name })}
        okText={tr('catalog.catalogItemPage.cancelItem')}
        okButtonProps={{ danger: true, loading: retire.isPending }}
        cancelText={tr('catalog.catalogItemPage.cancel')}
        onOk={() => void onRetire().catch(() => undefined)}
        onCancel={() => setRetireOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {tr('catalog.catalogItemPage.theItemBecomesCancelled')}
        </Typography.Paragraph>
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={tr('catalog.catalogItemPage.reasonForCancelling')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: tr('catalog.catalogItemPage.pleaseEnterTheReason'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

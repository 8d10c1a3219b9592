import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Col, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BarChartOutlined, DownloadOutlined, GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import {
  ITEM_TYPE_LABELS,
  type CatalogItemSummary,
  type CatalogVersion,
  type ItemType,
} from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { useDepartments } from '../../org';
import { EXPORT_URL, catalogKeys, fetchVersion, useCatalogItems, type StaffFilters } from '../api';
import {
  ITEM_STATUS_LABELS,
  ONLINE_LEVEL_COLORS,
  dateTime,
  onlineLevelLabel,
  optionsOf,
  visitsLabel,
} from '../components/catalog-format';
import { ImportButton } from '../components/import-button';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

const ITEM_STATUS_COLORS: Record<CatalogItemSummary['status'], string> = {
  draft: 'gold',
  published: 'green',
  retired: 'red',
};

/** 事项目录 (staff): every item of the region with its live and newest version. */
export function CatalogListPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<StaffFilters>({ page: 1, pageSize: 20 });
  const items = useCatalogItems(filters);
  const departments = useDepartments();
  const set = (patch: Partial<StaffFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  // The list reply has no 网办深度 / 到现场次数: read them from each row's newest version.
  const rows = items.data?.items ?? [];
  const versions = useQueries({
    queries: rows.map((r) => ({
      queryKey: catalogKeys.version(r.latestVersionId),
      queryFn: () => fetchVersion(r.latestVersionId),
    })),
  });
  const versionOf = useMemo(() => {
    const m = new Map<string, CatalogVersion>();
    for (const q of versions) if (q.data) m.set(q.data.id, q.data);
    return m;
  }, [versions]);

  const columns: ColumnsType<CatalogItemSummary> = [
    {
      title: tr('catalog.catalogListPage.itemName'),
      dataIndex: 'name',
      width: 240,
      fixed: 'left',
      render: (name: string, r) => (
        <Link to={`/catalog/${r.id}`} data-testid="catalog-item-link">
          {name}
        </Link>
      ),
    },
    {
      title: tr('catalog.catalogListPage.itemCode'),
      dataIndex: 'itemCode',
      width: 200,
      render: (c: string) => <Typography.Text style={{ fontSize: 12 }}>{c}</Typography.Text>,
    },
    {
      title: tr('catalog.catalogListPage.itemType'),
      dataIndex: 'itemType',
      width: 110,
      render: (t: ItemType) => labelsOf(ITEM_TYPE_LABELS)[t],
    },
    { title: tr('catalog.catalogListPage.department'), dataIndex: 'departmentName', width: 200 },
    {
      title: tr('catalog.catalogListPage.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: CatalogItemSummary['status'], r) => (
        <Space size={4} wrap>
          <Tag color={ITEM_STATUS_COLORS[s]}>{ITEM_STATUS_LABELS[s]}</Tag>
          {r.hasPendingDraft && s !== 'draft' && (
            <Tooltip
              title={tr('catalog.catalogListPage.draftVersionToPublish', {
                latestVersionNo: r.latestVersionNo,
              })}
            >
              <Tag color="gold" data-testid="pending-draft-tag">
                {tr('catalog.catalogListPage.hasDraft')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: tr('catalog.catalogListPage.version'),
      key: 'version',
      width: 120,
      render: (_, r) =>
        r.publishedVersionNo !== null && r.publishedVersionNo !== r.latestVersionNo
          ? tr('catalog.catalogListPage.publishedVLatestV', {
              publishedVersionNo: r.publishedVersionNo,
              latestVersionNo: r.latestVersionNo,
            })
          : tr('catalog.catalogListPage.version2', { latestVersionNo: r.latestVersionNo }),
    },
    {
      title: tr('catalog.catalogListPage.onlineLevel'),
      key: 'onlineLevel',
      width: 100,
      render: (_, r) => {
        const level = versionOf.get(r.latestVersionId)?.onlineLevel ?? null;
        return level ? <Tag color={ONLINE_LEVEL_COLORS[level]}>{onlineLevelLabel(level)}</Tag> : '—';
      },
    },
    {
      title: tr('catalog.catalogListPage.visits'),
      key: 'maxVisits',
      width: 100,
      render: (_, r) => visitsLabel(versionOf.get(r.latestVersionId)?.maxVisits ?? null),
    },
    {
      title: tr('catalog.catalogListPage.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      render: (d: string) => dateTime(d),
    },
  ];

  return (
    <Card
      data-testid="catalog-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('catalog.catalogListPage.serviceCatalog')}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Button icon={<GlobalOutlined />} href="/guide" target="_blank">
            {tr('catalog.catalogListPage.publicGuides')}
          </Button>
          <Button icon={<BarChartOutlined />} onClick={() => void navigate('/catalog/figures')}>
            {tr('catalog.catalogListPage.catalogFigures')}
          </Button>
          <Button icon={<DownloadOutlined />} href={EXPORT_URL} data-testid="catalog-export">
            {tr('catalog.catalogListPage.export')}
          </Button>
          {can('catalog.publish') && <ImportButton />}
          {can('catalog.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/catalog/new')}
              data-testid="catalog-create"
            >
              {tr('catalog.catalogListPage.newItem')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Input.Search
            allowClear
            placeholder={tr('catalog.catalogListPage.namePinyinInitialsOr')}
            data-testid="catalog-search"
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={tr('catalog.catalogListPage.status')}
            options={optionsOf(ITEM_STATUS_LABELS)}
            onChange={(v?: StaffFilters['status']) => set({ status: v })}
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={tr('catalog.catalogListPage.itemType')}
            options={optionsOf(labelsOf(ITEM_TYPE_LABELS))}
            onChange={(v?: ItemType) => set({ itemType: v })}
          />
        </Col>
        <Col xs={24} md={6}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={tr('catalog.catalogListPage.department')}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            onChange={(v?: string) => set({ departmentId: v })}
          />
        </Col>
      </Row>
      <Table<CatalogItemSummary>
        rowKey="id"
        size="middle"
        loading={items.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1400 }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: items.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => tr('catalog.catalogListPage.inTotal', { n }),
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
      />
    </Card>
  );
}

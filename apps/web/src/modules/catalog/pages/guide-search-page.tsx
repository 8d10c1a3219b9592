import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card, Col, Empty, Flex, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, FieldTimeOutlined, GlobalOutlined } from '@ant-design/icons';
import {
  GUIDE_LANG_LABELS,
  ITEM_TYPE_LABELS,
  ONLINE_LEVEL_LABELS,
  type CatalogPublicHit,
  type ItemType,
  type OnlineLevel,
} from '@tongban/contracts';
import { usePublicSearch, type PublicFilters } from '../api';
import {
  ONLINE_LEVEL_COLORS,
  daysLabel,
  handlingLabel,
  onlineLevelLabel,
  optionsOf,
  visitsLabel,
} from '../components/catalog-format';
import { PublicShell } from '../components/public-shell';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

const VISIT_OPTIONS = [
  {
    value: 0,
    get label() {
      return tr('catalog.guideSearchPage.zeroVisits');
    },
  },
  {
    value: 1,
    get label() {
      return tr('catalog.guideSearchPage.atMostOneVisit');
    },
  },
];

/** The public catalog (办事指南), no sign-in: search by name or pinyin (spjy), filter, open a guide. */
export function GuideSearchPage() {
  // The portal's search box lands here with ?q=.
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<PublicFilters>(() => ({
    page: 1,
    pageSize: 10,
    q: params.get('q')?.trim() || undefined,
  }));
  const search = usePublicSearch(filters);
  // No public department list in the API: the departments come from the published catalog itself.
  const all = usePublicSearch({ page: 1, pageSize: 100 });
  const departments = useMemo(() => {
    const m = new Map<string, string>();
    for (const h of all.data?.items ?? []) m.set(h.departmentId, h.departmentName);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [all.data]);
  const set = (patch: Partial<PublicFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <PublicShell title={tr('catalog.guideSearchPage.serviceGuide')}>
      <Card
        style={{ marginBottom: 16, background: 'linear-gradient(120deg, #0b2a6b, #1d4ed8)' }}
        styles={{ body: { padding: '28px 32px' } }}
      >
        <Typography.Title level={3} style={{ color: '#fff', marginTop: 0 }}>
          {tr('catalog.guideSearchPage.serviceGuides')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)' }}>
          {tr('catalog.guideSearchPage.enterAnItemName')}
        </Typography.Paragraph>
        <Input.Search
          size="large"
          allowClear
          enterButton={tr('catalog.guideSearchPage.search')}
          placeholder={tr('catalog.guideSearchPage.itemNameOrPinyin')}
          data-testid="guide-search"
          defaultValue={filters.q}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
      </Card>
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '16px 24px' } }}>
        <Row gutter={[16, 12]}>
          <Col xs={24} md={6}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              placeholder={tr('catalog.guideSearchPage.department')}
              options={departments}
              data-testid="guide-filter-department"
              onChange={(v?: string) => set({ departmentId: v })}
            />
          </Col>
          <Col xs={24} md={6}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={tr('catalog.guideSearchPage.itemType')}
              options={optionsOf(labelsOf(ITEM_TYPE_LABELS))}
              data-testid="guide-filter-type"
              onChange={(v?: ItemType) => set({ itemType: v })}
            />
          </Col>
          <Col xs={24} md={6}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={tr('catalog.guideSearchPage.onlineLevel')}
              options={optionsOf(labelsOf(ONLINE_LEVEL_LABELS))}
              data-testid="guide-filter-online"
              onChange={(v?: OnlineLevel) => set({ onlineLevel: v })}
            />
          </Col>
          <Col xs={24} md={6}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={tr('catalog.guideSearchPage.visits')}
              options={VISIT_OPTIONS}
              data-testid="guide-filter-visits"
              onChange={(v?: number) => set({ maxVisits: v })}
            />
          </Col>
        </Row>
      </Card>
      <Card
        title={
          <span data-testid="guide-result-count">
            {tr('catalog.guideSearchPage.found')} {search.data?.total ?? 0}{' '}
            {tr('catalog.guideSearchPage.items')}
            {filters.q ? `（“${filters.q}”）` : ''}
          </span>
        }
      >
        <List<CatalogPublicHit>
          loading={search.isFetching}
          dataSource={search.data?.items ?? []}
          locale={{ emptyText: <Empty description={tr('catalog.guideSearchPage.noMatchingItems')} /> }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: search.data?.total ?? 0,
            showTotal: (n) => tr('catalog.guideSearchPage.inTotal', { n }),
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          renderItem={(h) => <HitRow hit={h} />}
        />
      </Card>
    </PublicShell>
  );
}

function HitRow({ hit }: { hit: CatalogPublicHit }) {
  return (
    <List.Item
      data-testid="guide-hit"
      actions={[
        <Link key="zh" to={`/guide/${hit.itemId}`}>
          {tr('catalog.guideSearchPage.viewGuide')}
        </Link>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <Link to={`/guide/${hit.itemId}`} data-testid="guide-hit-name" style={{ fontSize: 16 }}>
              {hit.name}
            </Link>
            <Tag>{labelsOf(ITEM_TYPE_LABELS)[hit.itemType]}</Tag>
          </Space>
        }
        description={
          <Flex vertical gap={6}>
            <span>
              <EnvironmentOutlined /> {hit.departmentName}
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                {hit.itemCode}
              </Typography.Text>
            </span>
            <Space size={[4, 4]} wrap>
              {hit.onlineLevel && (
                <Tag color={ONLINE_LEVEL_COLORS[hit.onlineLevel]}>{onlineLevelLabel(hit.onlineLevel)}</Tag>
              )}
              {hit.maxVisits !== null && (
                <Tag color={hit.maxVisits === 0 ? 'green' : 'cyan'}>{visitsLabel(hit.maxVisits)}</Tag>
              )}
              <Tag icon={<FieldTimeOutlined />}>
                {handlingLabel(hit.handling)} · {daysLabel(hit.promisedLimitDays)}
              </Tag>
              {hit.languages
                .filter((l) => l !== 'zh')
                .map((l) => (
                  <Link key={l} to={`/guide/${hit.itemId}?lang=${l}`}>
                    <Tag icon={<GlobalOutlined />} color="purple">
                      {labelsOf(GUIDE_LANG_LABELS)[l]}
                    </Tag>
                  </Link>
                ))}
            </Space>
          </Flex>
        }
      />
    </List.Item>
  );
}

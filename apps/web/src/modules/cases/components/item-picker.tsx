import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Tag, Typography } from 'antd';
import { HANDLING_LABELS, type CatalogPublicHit, type CatalogVersion } from '@tongban/contracts';
import { apiRequest } from '../../../app/api-client';
import { fetchVersion, queryString, type Page } from '../../catalog';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** Published items by name or pinyin (spjy / shipin), through the catalog's public search. */
export function useItemSearch(q: string, regionCode?: string) {
  return useQuery({
    queryKey: ['public', 'catalog', 'search', 'cases', q, regionCode ?? ''],
    queryFn: () =>
      apiRequest<Page<CatalogPublicHit>>(
        `/api/public/catalog/items?${queryString({ q, regionCode, page: 1, pageSize: 20 })}`,
      ),
    placeholderData: (previous) => previous,
    meta: { silent: true },
  });
}

/** The pinned published version of an item (materials, handling, steps), for staff. */
export const useIntakeItem = (versionId: string | undefined) =>
  useQuery({
    queryKey: ['catalog', 'version', versionId ?? ''],
    queryFn: () => fetchVersion(versionId!),
    enabled: !!versionId,
  });

/** Picks an item by name or pinyin search; reports the hit (item and its live version). */
export function ItemPicker({
  value,
  onChange,
  regionCode,
  testId = 'item-picker',
}: {
  value: CatalogPublicHit | undefined;
  onChange: (hit: CatalogPublicHit | undefined) => void;
  regionCode?: string;
  testId?: string;
}) {
  const [q, setQ] = useState('');
  const hits = useItemSearch(q, regionCode);
  const items = hits.data?.items ?? [];
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value?.itemId}
      placeholder={tr('cases.itemPicker.itemNameOrPinyin')}
      style={{ width: '100%' }}
      loading={hits.isFetching}
      data-testid={testId}
      notFoundContent={
        hits.isFetching ? tr('cases.itemPicker.searching') : tr('cases.itemPicker.noMatchingItem')
      }
      onChange={(id) =>
        onChange(items.find((i) => i.itemId === id) ?? (id === value?.itemId ? value : undefined))
      }
      options={items.map((i) => ({
        value: i.itemId,
        label: (
          <Space>
            <span>{i.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.departmentName}
            </Typography.Text>
            {i.handling && <Tag>{labelsOf(HANDLING_LABELS)[i.handling]}</Tag>}
          </Space>
        ),
      }))}
    />
  );
}

export type { CatalogVersion };

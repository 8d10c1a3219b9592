import type { ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Empty, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  ITEM_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  type CatalogFieldChange,
  type FeeItem,
  type GuideText,
  type LegalBasis,
  type SpecialProcedure,
} from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useDepartments } from '../../org';
import { useCatalogDiff } from '../api';
import { daysLabel, handlingLabel, onlineLevelLabel, visitsLabel, yuan } from '../components/catalog-format';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

const None = () => <Typography.Text type="secondary">{tr('catalog.catalogDiffPage.empty')}</Typography.Text>;

function lines(items: ReactNode[]) {
  if (items.length === 0) return <None />;
  return items.map((x, i) => <div key={i}>{x}</div>);
}

/** A field's value as the 实施清单 shows it, not as JSON. */
function useFormatValue() {
  const departments = useDepartments();
  return (field: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') {
      if (field === 'hallExemption') return tr('catalog.catalogDiffPage.inTheHallNot');
      if (field === 'licenseTypeCode') return tr('catalog.catalogDiffPage.noneMustBeHanded');
      return <None />;
    }
    if (field.startsWith('guides.')) {
      const g = value as GuideText;
      return lines([
        tr('catalog.catalogDiffPage.name', { name: g.name }),
        tr('catalog.catalogDiffPage.conditions', { v0: g.conditions || '—' }),
        tr('catalog.catalogDiffPage.process', { v0: g.process || '—' }),
        tr('catalog.catalogDiffPage.notes', { v0: g.notes || '—' }),
      ]);
    }
    switch (field) {
      case 'itemType':
        return labelsOf(ITEM_TYPE_LABELS)[value as keyof typeof ITEM_TYPE_LABELS];
      case 'departmentId':
        return departments.data?.find((d) => d.id === value)?.name ?? String(value);
      case 'handling':
        return handlingLabel(value as 'instant' | 'promised');
      case 'onlineLevel':
        return onlineLevelLabel(value as 'offline');
      case 'legalLimitDays':
      case 'promisedLimitDays':
        return daysLabel(value as number);
      case 'maxVisits':
        return visitsLabel(value as number);
      case 'steps':
        return (value as string[]).join(' → ');
      case 'legalBasis':
        return lines((value as LegalBasis[]).map((b) => `${b.name} ${b.article}`));
      case 'specialProcedures':
        return lines(
          (value as SpecialProcedure[]).map((p) =>
            tr('catalog.catalogDiffPage.workingDaysLegalLimit', {
              v0: labelsOf(SPECIAL_PROCEDURE_LABELS)[p.kind],
              days: p.days,
              v2: p.countsInLimit
                ? tr('catalog.catalogDiffPage.counts')
                : tr('catalog.catalogDiffPage.doesNotCount'),
            }),
          ),
        );
      case 'fees':
        return (value as FeeItem[]).length === 0
          ? tr('catalog.catalogDiffPage.freeOfCharge')
          : lines(
              (value as FeeItem[]).map((f) =>
                tr('catalog.catalogDiffPage.yuan', { name: f.name, v1: yuan(f.amountFen), basis: f.basis }),
              ),
            );
      case 'requirement':
        return labelsOf(MATERIAL_REQUIREMENT_LABELS)[value as 'required'];
      case 'form':
        return labelsOf(MATERIAL_FORM_LABELS)[value as 'original'];
      case 'deferrable':
        return value ? tr('catalog.catalogDiffPage.deferrable') : tr('catalog.catalogDiffPage.notDeferrable');
      default:
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  };
}

/** 版本对比 (/catalog/:itemId/diff?from=&to=): field-level differences of two versions. */
export function CatalogDiffPage() {
  const { itemId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const diff = useCatalogDiff(itemId, from, to);
  const format = useFormatValue();

  const back = (
    <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/catalog/${itemId}`)} />
  );
  if (!from || !to)
    return <Result status="warning" title={tr('catalog.catalogDiffPage.chooseTwoVersionsIn')} extra={back} />;
  if (diff.isLoading) return <Spin size="large" style={{ display: 'block', margin: 80 }} />;
  if (!diff.data)
    return (
      <Result
        status="error"
        title={
          diff.error instanceof ApiError
            ? diff.error.message
            : tr('catalog.catalogDiffPage.cannotCompareTheseTwo')
        }
        extra={back}
      />
    );

  const { fields, materials } = diff.data;
  const fv = diff.data.from.versionNo;
  const tv = diff.data.to.versionNo;
  const nothing =
    fields.length === 0 &&
    materials.added.length === 0 &&
    materials.removed.length === 0 &&
    materials.changed.length === 0;

  const columns = (prefix = '') => [
    { title: tr('catalog.catalogDiffPage.field'), dataIndex: 'label', width: 180 },
    {
      title: tr('catalog.catalogDiffPage.version', { fv }),
      key: 'from',
      render: (_: unknown, c: CatalogFieldChange) => (
        <div style={{ background: '#fef2f2', padding: '4px 8px', borderRadius: 4 }}>
          {format(prefix + c.field, c.from)}
        </div>
      ),
    },
    {
      title: tr('catalog.catalogDiffPage.version2', { tv }),
      key: 'to',
      render: (_: unknown, c: CatalogFieldChange) => (
        <div style={{ background: '#f0fdf4', padding: '4px 8px', borderRadius: 4 }}>
          {format(prefix + c.field, c.to)}
        </div>
      ),
    },
  ];

  return (
    <Card
      data-testid="catalog-diff-page"
      title={
        <Space>
          {back}
          <Typography.Title level={4} style={{ margin: 0 }}>
            {tr('catalog.catalogDiffPage.compareVersions')} {fv} {tr('catalog.catalogDiffPage.text')} {tv}{' '}
            {tr('catalog.catalogDiffPage.text2')}
          </Typography.Title>
        </Space>
      }
    >
      {nothing ? (
        <Empty description={tr('catalog.catalogDiffPage.theTwoVersionsAre')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={tr('catalog.catalogDiffPage.fieldsChangedMaterialsAdded', {
              length: fields.length,
              length1: materials.added.length,
              length2: materials.removed.length,
              length3: materials.changed.length,
            })}
          />
          {fields.length > 0 && (
            <Table<CatalogFieldChange>
              data-testid="diff-fields"
              rowKey="field"
              size="small"
              pagination={false}
              dataSource={fields}
              columns={columns()}
            />
          )}
          {(materials.added.length > 0 || materials.removed.length > 0) && (
            <Card
              size="small"
              title={tr('catalog.catalogDiffPage.materialsAddedAndRemoved')}
              data-testid="diff-materials"
            >
              {materials.added.map((n) => (
                <div key={`+${n}`}>
                  <Tag color="green">{tr('catalog.catalogDiffPage.added')}</Tag>
                  {n}
                </div>
              ))}
              {materials.removed.map((n) => (
                <div key={`-${n}`}>
                  <Tag color="red">{tr('catalog.catalogDiffPage.delete')}</Tag>
                  <Typography.Text delete>{n}</Typography.Text>
                </div>
              ))}
            </Card>
          )}
          {materials.changed.map((m) => (
            <Card
              key={m.name}
              size="small"
              title={tr('catalog.catalogDiffPage.materialChanged', { name: m.name })}
            >
              <Table<CatalogFieldChange>
                rowKey="field"
                size="small"
                pagination={false}
                dataSource={m.fields}
                columns={columns()}
              />
            </Card>
          ))}
        </Space>
      )}
    </Card>
  );
}

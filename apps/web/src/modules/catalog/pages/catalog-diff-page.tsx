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

const None = () => <Typography.Text type="secondary">（空）</Typography.Text>;

function lines(items: ReactNode[]) {
  if (items.length === 0) return <None />;
  return items.map((x, i) => <div key={i}>{x}</div>);
}

/** A field's value as the 实施清单 shows it, not as JSON. */
function useFormatValue() {
  const departments = useDepartments();
  return (field: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') {
      if (field === 'hallExemption') return '进驻大厅（不在负面清单）';
      if (field === 'licenseTypeCode') return '无（需提交）';
      return <None />;
    }
    if (field.startsWith('guides.')) {
      const g = value as GuideText;
      return lines([
        `名称：${g.name}`,
        `受理条件：${g.conditions || '—'}`,
        `办理流程：${g.process || '—'}`,
        `注意事项：${g.notes || '—'}`,
      ]);
    }
    switch (field) {
      case 'itemType':
        return ITEM_TYPE_LABELS[value as keyof typeof ITEM_TYPE_LABELS];
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
          (value as SpecialProcedure[]).map(
            (p) =>
              `${SPECIAL_PROCEDURE_LABELS[p.kind]}：${p.days} 个工作日，${p.countsInLimit ? '计入' : '不计入'}法定时限`,
          ),
        );
      case 'fees':
        return (value as FeeItem[]).length === 0
          ? '不收费'
          : lines((value as FeeItem[]).map((f) => `${f.name}：${yuan(f.amountFen)} 元（${f.basis}）`));
      case 'requirement':
        return MATERIAL_REQUIREMENT_LABELS[value as 'required'];
      case 'form':
        return MATERIAL_FORM_LABELS[value as 'original'];
      case 'deferrable':
        return value ? '允许容缺' : '不允许容缺';
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
    return <Result status="warning" title="请在版本历史中选择两个版本进行对比" extra={back} />;
  if (diff.isLoading) return <Spin size="large" style={{ display: 'block', margin: 80 }} />;
  if (!diff.data)
    return (
      <Result
        status="error"
        title={diff.error instanceof ApiError ? diff.error.message : '无法对比这两个版本'}
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
    { title: '要素', dataIndex: 'label', width: 180 },
    {
      title: `第 ${fv} 版`,
      key: 'from',
      render: (_: unknown, c: CatalogFieldChange) => (
        <div style={{ background: '#fef2f2', padding: '4px 8px', borderRadius: 4 }}>
          {format(prefix + c.field, c.from)}
        </div>
      ),
    },
    {
      title: `第 ${tv} 版`,
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
            版本对比：第 {fv} 版 → 第 {tv} 版
          </Typography.Title>
        </Space>
      }
    >
      {nothing ? (
        <Empty description="两个版本内容相同" />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={`共 ${fields.length} 项要素变化；申请材料新增 ${materials.added.length} 项、删除 ${materials.removed.length} 项、修改 ${materials.changed.length} 项`}
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
            <Card size="small" title="申请材料增减" data-testid="diff-materials">
              {materials.added.map((n) => (
                <div key={`+${n}`}>
                  <Tag color="green">新增</Tag>
                  {n}
                </div>
              ))}
              {materials.removed.map((n) => (
                <div key={`-${n}`}>
                  <Tag color="red">删除</Tag>
                  <Typography.Text delete>{n}</Typography.Text>
                </div>
              ))}
            </Card>
          )}
          {materials.changed.map((m) => (
            <Card key={m.name} size="small" title={`材料修改：${m.name}`}>
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

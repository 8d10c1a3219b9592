import { Card, Table, Tag } from 'antd';
import { RELATION_KIND_LABELS, type Expert } from '@tongban/contracts';
import { useExperts } from '../api';
import { useTr } from '../i18n';

/** 评标专家库: specialties, employer, declared relationships, availability, panels and ratings. */
export function ExpertsPage() {
  const { t, tr, label } = useTr();
  const experts = useExperts();
  return (
    <Card title={`${t('trading.experts')}（${experts.data?.total ?? 0}）`}>
      <Table<Expert>
        size="small"
        rowKey="id"
        loading={experts.isLoading}
        dataSource={experts.data?.items}
        columns={[
          { title: tr('name', '姓名'), dataIndex: 'name' },
          {
            title: tr('specialty', '专业'),
            dataIndex: 'specialties',
            render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
          },
          { title: tr('employer', '单位'), dataIndex: 'employer' },
          {
            title: tr('relations', '申报关系'),
            dataIndex: 'relations',
            render: (r: Expert['relations']) =>
              r
                .map((x) => `${label('relation', RELATION_KIND_LABELS, x.kind)}：${x.companyName}`)
                .join('；') || '—',
          },
          {
            title: tr('available', '可抽取'),
            dataIndex: 'available',
            render: (v: boolean) =>
              v ? <Tag color="green">{tr('yes', '是')}</Tag> : <Tag>{tr('paused', '暂停')}</Tag>,
          },
          { title: tr('panels', '参评次数'), dataIndex: 'panels' },
          {
            title: tr('rating', '评价'),
            render: (_, e) =>
              e.rating ? tr('ratingValue', '{{r}}（{{n}} 次）', { r: e.rating, n: e.ratingCount }) : '—',
          },
        ]}
      />
    </Card>
  );
}

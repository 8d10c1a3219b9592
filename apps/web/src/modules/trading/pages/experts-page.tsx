import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RELATION_KIND_LABELS, type Expert } from '@tongban/contracts';
import { useExperts } from '../api';

/** 评标专家库: specialties, employer, declared relationships, availability, panels and ratings. */
export function ExpertsPage() {
  const { t } = useTranslation();
  const experts = useExperts();
  return (
    <Card title={`${t('trading.experts')}（${experts.data?.total ?? 0}）`}>
      <Table<Expert>
        size="small"
        rowKey="id"
        loading={experts.isLoading}
        dataSource={experts.data?.items}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '专业',
            dataIndex: 'specialties',
            render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
          },
          { title: '单位', dataIndex: 'employer' },
          {
            title: '申报关系',
            dataIndex: 'relations',
            render: (r: Expert['relations']) =>
              r.map((x) => `${RELATION_KIND_LABELS[x.kind]}：${x.companyName}`).join('；') || '—',
          },
          {
            title: '可抽取',
            dataIndex: 'available',
            render: (v: boolean) => (v ? <Tag color="green">是</Tag> : <Tag>暂停</Tag>),
          },
          { title: '参评次数', dataIndex: 'panels' },
          { title: '评价', render: (_, e) => (e.rating ? `${e.rating}（${e.ratingCount} 次）` : '—') },
        ]}
      />
    </Card>
  );
}

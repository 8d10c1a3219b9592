import { useParams } from 'react-router';
import { Card, Descriptions, List, Result, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUS_LABELS, TRADING_KIND_LABELS, TRADING_METHOD_LABELS } from '@tongban/contracts';
import { usePublicProject } from '../api';

/** A project's public page: announcements and results, no sign-in (no prices before award, no expert names). */
export function PublicProjectPage() {
  const { projectNo = '' } = useParams();
  const { t } = useTranslation();
  const q = usePublicProject(projectNo);
  if (q.isError) return <Result status="404" title="未找到该交易项目" />;
  const p = q.data;
  return (
    <div style={{ maxWidth: 960, margin: '24px auto' }}>
      <Card
        loading={!p}
        title={p ? `${t('trading.public')}：${p.name}` : ''}
        extra={p && <Tag color="blue">{PROJECT_STATUS_LABELS[p.status]}</Tag>}
      >
        {p && (
          <>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="项目编号">{p.projectNo}</Descriptions.Item>
              <Descriptions.Item label="类别">
                {TRADING_KIND_LABELS[p.kind]} · {TRADING_METHOD_LABELS[p.method]}
              </Descriptions.Item>
              <Descriptions.Item label="招标人">{p.tendererName}</Descriptions.Item>
              <Descriptions.Item label="代理机构">{p.agencyName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="公示期">
                {p.publicityStart
                  ? `${dayjs(p.publicityStart).format('YYYY-MM-DD HH:mm')} 至 ${dayjs(p.publicityEnd).format('YYYY-MM-DD HH:mm')}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="中标人">{p.winnerName ?? '—'}</Descriptions.Item>
            </Descriptions>
            <List
              style={{ marginTop: 16 }}
              header="公告"
              dataSource={p.announcements}
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${a.title}（${dayjs(a.createdAt).format('YYYY-MM-DD')}）`}
                    description={a.body}
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </div>
  );
}

import { useParams } from 'react-router';
import { Card, Descriptions, List, Result, Tag } from 'antd';
import dayjs from 'dayjs';
import { PROJECT_STATUS_LABELS, TRADING_KIND_LABELS, TRADING_METHOD_LABELS } from '@tongban/contracts';
import { usePublicProject } from '../api';
import { useTr } from '../i18n';

/** A project's public page: announcements and results, no sign-in (no prices before award, no expert names). */
export function PublicProjectPage() {
  const { projectNo = '' } = useParams();
  const { t, tr, label } = useTr();
  const q = usePublicProject(projectNo);
  if (q.isError) return <Result status="404" title={tr('notFound', tr('notFound', '未找到该交易项目'))} />;
  const p = q.data;
  return (
    <div style={{ maxWidth: 960, margin: '24px auto' }}>
      <Card
        loading={!p}
        title={p ? `${t('trading.public')}：${p.name}` : ''}
        extra={p && <Tag color="blue">{label('status', PROJECT_STATUS_LABELS, p.status)}</Tag>}
      >
        {p && (
          <>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={tr('projectNo', tr('projectNo', '项目编号'))}>
                {p.projectNo}
              </Descriptions.Item>
              <Descriptions.Item label={tr('kind', tr('kind', '类别'))}>
                {label('kind', TRADING_KIND_LABELS, p.kind)} ·{' '}
                {label('method', TRADING_METHOD_LABELS, p.method)}
              </Descriptions.Item>
              <Descriptions.Item label={tr('tenderer', tr('tenderer', '招标人'))}>
                {p.tendererName}
              </Descriptions.Item>
              <Descriptions.Item label={tr('agency', tr('agency', '代理机构'))}>
                {p.agencyName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={tr('publicity', tr('publicity', '公示期'))}>
                {p.publicityStart
                  ? tr('fromTo', '{{a}} 至 {{b}}', {
                      a: dayjs(p.publicityStart).format('YYYY-MM-DD HH:mm'),
                      b: dayjs(p.publicityEnd).format('YYYY-MM-DD HH:mm'),
                    })
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={tr('winnerBidder', tr('winnerBidder', '中标人'))}>
                {p.winnerName ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            <List
              style={{ marginTop: 16 }}
              header={tr('announcements', tr('announcements', '公告'))}
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

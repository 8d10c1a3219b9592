import { Link, useNavigate } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { Button, Card, Col, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyCase } from '@tongban/contracts';
import { apiRequest } from '../../../app/api-client';
import { MyCaseRatings } from '../../evaluations';
import { useMyCases } from '../api';
import { rememberedDrafts } from '../my-drafts';
import { formatInstant } from '../../../app/format';

type DraftReply = { itemId: string; submittedCaseNo: string | null; updatedAt: string };
type ItemName = { item: { name: string } };

/**
 * A signed-in applicant's home (issue 14, point 5): 我的办件 — status, notices, result — each opening
 * its tracking page, and the drafts started in this browser, each opening the application form.
 */
export function ApplicantHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cases = useMyCases(true);
  const drafts = rememberedDrafts();
  const draftQueries = useQueries({
    queries: drafts.map((d) => ({
      queryKey: ['public', 'draft', d.token],
      queryFn: async () => {
        const draft = await apiRequest<DraftReply>(`/api/public/drafts/${encodeURIComponent(d.token)}`);
        const guide = await apiRequest<ItemName>(
          `/api/public/catalog/items/${encodeURIComponent(draft.itemId)}/guide?lang=zh`,
        ).catch(() => null);
        return { ...draft, token: d.token, itemName: guide?.item.name ?? '' };
      },
      retry: false,
    })),
  });
  const openCase = (c: MyCase) =>
    void navigate('/track', { state: { caseNo: c.caseNo, queryCode: c.queryCode } });

  return (
    <>
      <Col span={24}>
        <Card
          title={t('portal.home.myCases')}
          data-testid="my-cases"
          extra={
            <Link to="/portal" data-testid="my-portal-link">
              {t('portal.home.openPortal')}
            </Link>
          }
        >
          <Table<MyCase>
            size="small"
            rowKey="id"
            loading={cases.isLoading}
            dataSource={cases.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t('portal.home.noCases')} /> }}
            columns={[
              { title: t('portal.home.caseNo'), dataIndex: 'caseNo' },
              { title: t('portal.home.item'), dataIndex: 'itemName' },
              {
                title: t('portal.home.status'),
                key: 'status',
                render: (_, c) => <Tag color="blue">{c.statusLabel}</Tag>,
              },
              {
                title: t('portal.home.notices'),
                key: 'notices',
                render: (_, c) => (
                  <Space wrap size={4}>
                    {c.notices.map((n) => (
                      <Tag key={n.noticeNo}>{n.kindLabel}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('portal.home.result'),
                key: 'license',
                render: (_, c) =>
                  c.license ? (
                    <Link to={`/verify/${encodeURIComponent(c.license.verifyToken)}`}>
                      {c.license.typeName}
                    </Link>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '',
                key: 'open',
                render: (_, c) => (
                  <Button size="small" onClick={() => openCase(c)} data-testid="my-case-open">
                    {t('portal.home.open')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <MyCaseRatings cases={cases.data?.items ?? []} />
      <Col span={24}>
        <Card title={t('portal.home.myDrafts')} data-testid="my-drafts">
          <List
            dataSource={draftQueries.map((q) => q.data).filter((d) => !!d)}
            locale={{ emptyText: t('portal.home.noDrafts') }}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Link
                    key="open"
                    to={`/apply?draft=${encodeURIComponent(d.token)}`}
                    data-testid="my-draft-open"
                  >
                    {d.submittedCaseNo ? t('portal.home.open') : t('portal.home.continue')}
                  </Link>,
                ]}
              >
                <Space>
                  <Typography.Text>{d.itemName}</Typography.Text>
                  {d.submittedCaseNo && <Tag>{t('portal.home.submittedDraft')}</Tag>}
                  <Typography.Text type="secondary">
                    {t('portal.home.savedAt')} {formatInstant(d.updatedAt)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </>
  );
}

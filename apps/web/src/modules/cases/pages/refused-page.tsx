import { Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useRefused, type RefusedCase } from '../api';
import { CaseTable } from '../components/case-table';
import { NoticeNo, formatTime } from '../components/case-tags';
import { tr } from '../../../app/i18n';

/**
 * 办不成事: refused applications for the 办不成事反映窗口 to review (reason, where sent, who refused).
 * A refused case has no running clock, so 时限 is left out; 收件时间 moves next to the refusal's own
 * time, so the reviewer sees how long the refusal took and the reason gets the room.
 */
export function RefusedPage() {
  const refused = useRefused();
  const extra: TableColumnsType<RefusedCase> = [
    {
      title: tr('cases.refusedPage.reasonCompetentAuthority'),
      key: 'refusal',
      minWidth: 230,
      render: (_, c) =>
        c.refusal ? (
          <div data-testid="refusal">
            <div>{c.refusal.reason}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {tr('cases.refusedPage.applyTo')}
              {c.refusal.redirectTo}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              <NoticeNo>{c.refusal.noticeNo}</NoticeNo> · {c.refusal.by}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              <span style={{ whiteSpace: 'nowrap' }}>
                {tr('cases.refusedPage.received')} {formatTime(c.receivedAt)}
              </span>{' '}
              ·{' '}
              <span style={{ whiteSpace: 'nowrap' }}>
                {tr('cases.refusedPage.notAccepted')} {formatTime(c.refusal.at)}
              </span>
            </Typography.Text>
          </div>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Card
      data-testid="refused-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('cases.refusedPage.couldNotGetIt')}
        </Typography.Title>
      }
    >
      <CaseTable<RefusedCase>
        rows={refused.data?.items ?? []}
        loading={refused.isLoading}
        extra={extra}
        omit={['clock', 'received']}
        empty={tr('cases.refusedPage.noCasesNotAccepted')}
      />
    </Card>
  );
}

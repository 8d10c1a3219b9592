import { Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useRefused, type RefusedCase } from '../api';
import { CaseTable } from '../components/case-table';
import { NoticeNo, formatTime } from '../components/case-tags';

/**
 * 办不成事: refused applications for the 办不成事反映窗口 to review (reason, where sent, who refused).
 * A refused case has no running clock, so 时限 is left out; 收件时间 moves next to the refusal's own
 * time, so the reviewer sees how long the refusal took and the reason gets the room.
 */
export function RefusedPage() {
  const refused = useRefused();
  const extra: TableColumnsType<RefusedCase> = [
    {
      title: '不予受理理由 / 告知申请机关',
      key: 'refusal',
      minWidth: 230,
      render: (_, c) =>
        c.refusal ? (
          <div data-testid="refusal">
            <div>{c.refusal.reason}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              请向：{c.refusal.redirectTo}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              <NoticeNo>{c.refusal.noticeNo}</NoticeNo> · {c.refusal.by}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              <span style={{ whiteSpace: 'nowrap' }}>收件 {formatTime(c.receivedAt)}</span> ·{' '}
              <span style={{ whiteSpace: 'nowrap' }}>不予受理 {formatTime(c.refusal.at)}</span>
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
          办不成事（不予受理复核）
        </Typography.Title>
      }
    >
      <CaseTable<RefusedCase>
        rows={refused.data?.items ?? []}
        loading={refused.isLoading}
        extra={extra}
        omit={['clock', 'received']}
        empty="没有不予受理的办件"
      />
    </Card>
  );
}

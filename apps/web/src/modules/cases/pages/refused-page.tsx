import { Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useRefused, type RefusedCase } from '../api';
import { CaseTable } from '../components/case-table';
import { formatTime } from '../components/case-tags';

/** 办不成事: refused applications for the 办不成事反映窗口 to review (reason, where sent, who refused). */
export function RefusedPage() {
  const refused = useRefused();
  const extra: TableColumnsType<RefusedCase> = [
    {
      title: '不予受理理由 / 告知申请机关',
      key: 'refusal',
      width: '28%',
      render: (_, c) =>
        c.refusal ? (
          <div data-testid="refusal">
            <div>{c.refusal.reason}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              请向：{c.refusal.redirectTo} · {c.refusal.noticeNo} · {c.refusal.by} ·{' '}
              {formatTime(c.refusal.at)}
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
        empty="没有不予受理的办件"
      />
    </Card>
  );
}

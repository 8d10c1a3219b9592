import { Button, List, Space, Tag, Typography } from 'antd';
import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { NOTICE_KIND_LABELS, type CaseNotice } from '@tongban/contracts';
import { noticeDocxUrl } from '../api';
import { formatTime } from './case-tags';

/** The notices of a case (ACC-2): number, date, print view and Word file. */
export function NoticeList({ caseId, notices }: { caseId: string; notices: CaseNotice[] }) {
  return (
    <List
      size="small"
      data-testid="notice-list-card"
      dataSource={notices}
      locale={{ emptyText: '尚无通知书' }}
      renderItem={(n) => (
        <List.Item
          data-testid="notice-item"
          data-kind={n.kind}
          actions={[
            <Button
              key="print"
              size="small"
              icon={<PrinterOutlined />}
              href={`/cases/${caseId}/notices/${n.id}/print`}
              target="_blank"
              data-testid="notice-print"
            >
              打印
            </Button>,
            <Button
              key="docx"
              size="small"
              icon={<FileWordOutlined />}
              href={noticeDocxUrl(caseId, n.id)}
              data-testid="notice-docx"
            >
              Word 文档
            </Button>,
          ]}
        >
          <Space orientation="vertical" size={0}>
            {/* In a narrow column the kind tag may go above the number, but the number stays whole. */}
            <Space wrap size={[8, 2]}>
              <Tag color="blue">{NOTICE_KIND_LABELS[n.kind]}</Tag>
              <Typography.Text strong data-testid="notice-number" style={{ whiteSpace: 'nowrap' }}>
                {n.noticeNo}
              </Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(n.issuedAt)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

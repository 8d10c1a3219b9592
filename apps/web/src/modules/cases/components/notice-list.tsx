import { Button, List, Space, Tag, Typography } from 'antd';
import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { NOTICE_KIND_LABELS, type CaseNotice } from '@tongban/contracts';
import { noticeDocxUrl } from '../api';
import { formatTime } from './case-tags';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** The notices of a case (ACC-2): number, date, print view and Word file. */
export function NoticeList({ caseId, notices }: { caseId: string; notices: CaseNotice[] }) {
  return (
    <List
      size="small"
      data-testid="notice-list-card"
      dataSource={notices}
      locale={{ emptyText: tr('cases.noticeList.noNoticesYet') }}
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
              {tr('cases.noticeList.print')}
            </Button>,
            <Button
              key="docx"
              size="small"
              icon={<FileWordOutlined />}
              href={noticeDocxUrl(caseId, n.id)}
              data-testid="notice-docx"
            >
              {tr('cases.noticeList.wordDocument')}
            </Button>,
          ]}
        >
          <Space orientation="vertical" size={0}>
            {/* In a narrow column the kind tag may go above the number, but the number stays whole. */}
            <Space wrap size={[8, 2]}>
              <Tag color="blue">{labelsOf(NOTICE_KIND_LABELS)[n.kind]}</Tag>
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

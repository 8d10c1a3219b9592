import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Space, Spin } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { ApiError } from '../../../app/api-client';
import { fetchNotice, noticeDocxUrl } from '../api';
import { NoticeDocument } from '../components/notice-document';
import '../components/case-print.css';
import { tr } from '../../../app/i18n';

/** A4 print view of a notice (ACC-2), with the .docx beside it. */
export function NoticePrintPage() {
  const { id = '', noticeId = '' } = useParams();
  const notice = useQuery({
    queryKey: ['cases', 'notice', id, noticeId],
    queryFn: () => fetchNotice(id, noticeId),
    meta: { silent: true },
  });
  useEffect(() => {
    if (notice.data) document.title = `${notice.data.title} ${notice.data.noticeNo}`;
  }, [notice.data]);
  return (
    <div className="tb-case-print" data-testid="notice-print-page">
      <div className="tb-case-print__toolbar no-print">
        <Link to={`/cases/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{tr('cases.noticePrintPage.backToTheCase')}</Button>
        </Link>
        <Space>
          <Button href={noticeDocxUrl(id, noticeId)} icon={<FileWordOutlined />}>
            {tr('cases.noticePrintPage.downloadWordDocument')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            disabled={!notice.data}
          >
            {tr('cases.noticePrintPage.print')}
          </Button>
        </Space>
      </div>
      <div className="tb-case-print__sheet">
        {notice.isLoading ? (
          <Spin size="large" style={{ display: 'block', margin: 80 }} />
        ) : notice.data ? (
          <NoticeDocument notice={notice.data} />
        ) : (
          <Result
            status="404"
            title={
              notice.error instanceof ApiError
                ? notice.error.message
                : tr('cases.noticePrintPage.noticeNotFound')
            }
          />
        )}
      </div>
    </div>
  );
}

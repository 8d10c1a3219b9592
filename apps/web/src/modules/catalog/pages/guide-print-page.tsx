import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Flex, Result, Space, Spin } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ApiError } from '../../../app/api-client';
import { guideDocxUrl, guideQrUrl, usePublicGuide } from '../api';
import { GuideDocument } from '../components/guide-document';
import { guideLabels } from '../components/guide-labels';
import { useGuideLang } from './guide-page';

/** A4 print view of a guide: the same document as the web page, plus the QR code to it. */
export function GuidePrintPage() {
  const { itemId = '' } = useParams();
  const [lang] = useGuideLang();
  const guide = usePublicGuide(itemId, lang);
  const { t } = guideLabels(lang);
  const back = `/guide/${encodeURIComponent(itemId)}${lang === 'zh' ? '' : `?lang=${lang}`}`;

  useEffect(() => {
    if (guide.data) document.title = `${guide.data.guide.name} · ${t('title')}`;
  }, [guide.data, t]);

  return (
    <div className="tb-print-page" data-testid="guide-print-page">
      <div className="tb-print-toolbar no-print">
        <Link to={back}>
          <Button icon={<ArrowLeftOutlined />}>{t('backToGuide')}</Button>
        </Link>
        <Space>
          <Button href={guideDocxUrl(itemId, lang)} icon={<FileWordOutlined />}>
            {t('word')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            disabled={!guide.data}
            data-testid="print-now"
          >
            {t('printNow')}
          </Button>
        </Space>
      </div>
      <div className="tb-print-sheet">
        {guide.isLoading ? (
          <Flex justify="center" style={{ padding: 80 }}>
            <Spin size="large" />
          </Flex>
        ) : guide.data ? (
          <>
            <GuideDocument data={guide.data} qrSrc={guideQrUrl(itemId)} />
            <div className="tb-print-footer">
              <span>{t('printFooter')}</span>
              <span>{t('printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}</span>
            </div>
          </>
        ) : (
          <Result
            status="404"
            title={guide.error instanceof ApiError ? guide.error.message : t('notFound')}
            data-testid="guide-error"
          />
        )}
      </div>
    </div>
  );
}

import { useNavigate, useParams } from 'react-router';
import { Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEvalWindows } from './pads-page';

/**
 * 扫码评价: one window's QR code as a printable sheet (A5-ish, large code, the window's number and
 * name). The code links a phone to the window's rating page; it is the same every time it is printed.
 */
export function WindowQrPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const windows = useEvalWindows();
  const w = windows.data?.items.find((x) => x.id === id);
  if (windows.isLoading) return <Spin />;
  return (
    <Flex vertical align="center" gap={16} data-testid="window-qr">
      <Flex gap={8} className="no-print">
        <Button type="primary" onClick={() => window.print()}>
          {t('evaluations.qr.print')}
        </Button>
        <Button onClick={() => void navigate('/evaluations/pads')}>{t('evaluations.qr.back')}</Button>
      </Flex>
      <Flex
        vertical
        align="center"
        gap={12}
        style={{ border: '2px solid #1677ff', borderRadius: 12, padding: 32, width: 420, background: '#fff' }}
      >
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('evaluations.qr.heading')}
        </Typography.Title>
        {w && (
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="window-qr-name">
            {w.number} {w.name}
          </Typography.Title>
        )}
        <img
          src={`/api/evaluations/windows/${encodeURIComponent(id)}/qr.svg`}
          alt={t('evaluations.qr.heading')}
          width={300}
          height={300}
          data-testid="window-qr-img"
        />
        <Typography.Text style={{ fontSize: 18 }}>{t('evaluations.qr.body')}</Typography.Text>
        <Typography.Text type="secondary">{t('evaluations.qr.foot')}</Typography.Text>
      </Flex>
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
    </Flex>
  );
}

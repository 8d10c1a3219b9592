import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Card, Col, Empty, Flex, Result, Row, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BoardEntry } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useBoard } from '../api';
import { StaffAvatar } from '../components/staff-avatar';

const BG = '#0b2a6b';

function useClock(): string {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const id = window.setInterval(() => setNow(dayjs()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return now.format('YYYY-MM-DD HH:mm');
}

/** 人员公示牌: public, no sign-in, meant for the hall's big screen — large type, high contrast. */
export function StaffBoardPage() {
  const { hallId = '' } = useParams();
  const { t } = useTranslation();
  const board = useBoard(hallId);
  const clock = useClock();

  const entries = useMemo(
    () =>
      [...(board.data?.entries ?? [])].sort(
        (a, b) =>
          (a.windowNumber ?? '\uffff').localeCompare(b.windowNumber ?? '\uffff', 'zh-CN', {
            numeric: true,
          }) || a.name.localeCompare(b.name, 'zh-CN'),
      ),
    [board.data],
  );

  useEffect(() => {
    if (board.data) document.title = t('board.title', { hall: board.data.hall.name });
  }, [board.data, t]);

  if (board.isLoading) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', background: BG }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (board.error || !board.data) {
    const message =
      board.error instanceof ApiError && board.error.status !== 404
        ? board.error.message
        : t('board.notFound');
    return <Result status="404" title={message} style={{ paddingTop: 120 }} data-testid="board-error" />;
  }

  const { hall } = board.data;
  return (
    <div
      style={{
        minHeight: '100vh',
        background: `linear-gradient(180deg, ${BG} 0%, #123c8c 100%)`,
        padding: '32px 48px',
      }}
    >
      <Flex justify="space-between" align="flex-end" style={{ marginBottom: 32 }} wrap gap={16}>
        <Typography.Title
          level={1}
          style={{ color: '#fff', margin: 0, fontSize: 48, letterSpacing: 4 }}
          data-testid="board-title"
        >
          {t('board.title', { hall: hall.name })}
        </Typography.Title>
        <div style={{ color: 'rgba(255,255,255,0.85)', fontSize: 24, textAlign: 'right' }}>
          <div>{t('board.count', { count: entries.length })}</div>
          <div style={{ fontVariantNumeric: 'tabular-nums' }}>{clock}</div>
        </div>
      </Flex>
      {entries.length === 0 ? (
        <Card>
          <Empty description={<span style={{ fontSize: 24 }}>{t('board.empty')}</span>} />
        </Card>
      ) : (
        <Row gutter={[24, 24]} data-testid="board-grid">
          {entries.map((e) => (
            <Col key={e.staffId} xs={24} sm={12} lg={8} xl={6} xxl={4}>
              <BoardCard entry={e} />
            </Col>
          ))}
        </Row>
      )}
      <div style={{ color: 'rgba(255,255,255,0.75)', fontSize: 20, textAlign: 'center', marginTop: 40 }}>
        {t('board.footer')}
      </div>
    </div>
  );
}

function BoardCard({ entry }: { entry: BoardEntry }) {
  const { t } = useTranslation();
  return (
    <Card
      data-testid="board-card"
      style={{ height: '100%', textAlign: 'center', borderRadius: 12 }}
      styles={{ body: { padding: '28px 16px 24px' } }}
    >
      <StaffAvatar name={entry.name} photo={entry.photo} size={120} />
      <div
        style={{ fontSize: 34, fontWeight: 700, marginTop: 16, letterSpacing: 2 }}
        data-testid="board-name"
      >
        {entry.name}
      </div>
      <div style={{ fontSize: 22, color: '#475569', minHeight: 30 }}>{entry.title}</div>
      {entry.staffNo && (
        <div style={{ fontSize: 18, color: '#64748b' }} data-testid="board-staff-no">
          {t('board.staffNo', { no: entry.staffNo })}
        </div>
      )}
      <div style={{ fontSize: 24, fontWeight: 600, color: '#1d4ed8', marginTop: 12 }}>
        {entry.windowNumber ? t('board.window', { number: entry.windowNumber }) : t('board.noWindow')}
      </div>
      {entry.windowName && <div style={{ fontSize: 20, color: '#334155' }}>{entry.windowName}</div>}
      <div style={{ fontSize: 20, color: '#334155', marginTop: 8 }}>{entry.departmentName}</div>
      <Tag
        color={entry.employment === 'employee' ? 'blue' : 'gold'}
        style={{ marginTop: 12, fontSize: 16, padding: '2px 10px' }}
      >
        {t(`employment.${entry.employment}`)}
      </Tag>
    </Card>
  );
}

import { useParams } from 'react-router';
import { Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePresenceBoard } from '../api';

/** 在岗公示牌 (public): only staff who actually sign in at the hall; who is at a window now. */
export function PresenceBoardPage() {
  const { hallId = '' } = useParams();
  const { t } = useTranslation();
  const board = usePresenceBoard(hallId);
  return (
    <div style={{ background: '#0b2a6b', minHeight: '100vh', padding: 32 }}>
      <Typography.Title level={1} style={{ color: '#fff' }}>
        {board.data?.hallName} · {t('hall.presenceBoard.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {board.data?.entries.map((e) => (
          <Col span={6} key={e.staffId}>
            <Card>
              <div
                style={{
                  height: 120,
                  background: '#eee',
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                }}
              >
                {e.photo ? (
                  <img src={`/files/${e.photo}`} alt={e.name} style={{ maxHeight: 120 }} />
                ) : (
                  <Tag color="red">{t('hall.presenceBoard.noPhoto')}</Tag>
                )}
              </div>
              <Typography.Title level={4}>{e.name}</Typography.Title>
              <div>{e.departmentName}</div>
              <div>{e.title}</div>
              <div>
                {e.windowNumber ?? '—'}{' '}
                {e.onDutyNow ? (
                  <Tag color="green">{t('hall.presenceBoard.onDuty')}</Tag>
                ) : (
                  <Tag>{t('hall.presenceBoard.away')}</Tag>
                )}
              </div>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}

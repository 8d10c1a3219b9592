import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Input, Result, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Ticket } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { checkIn, issueTicket } from '../api';
import { useHall } from '../components/use-hall';
import { useHallLabel } from '../components/use-labels';

/** 自助取号机 (public): a ticket by item group, green channel, or check-in of a booking (QUE-1). */
export function KioskPage() {
  const { t } = useTranslation();
  const label = useHallLabel();
  const { hall } = useHall();
  const [ticket, setTicket] = useState<Ticket>();
  const [error, setError] = useState<string>();
  const [green, setGreen] = useState(false);
  const [idNumber, setIdNumber] = useState('');

  const run = async (fn: () => Promise<Ticket>) => {
    setError(undefined);
    try {
      setTicket(await fn());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  if (!hall) return null;
  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: 16 }}>
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        {hall.name} · {t('hall.kiosk.title')}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {ticket ? (
        <Card>
          <Result
            status="success"
            title={
              <span data-testid="ticket-number" style={{ fontSize: 64 }}>
                {ticket.number}
              </span>
            }
            subTitle={`${ticket.groupName} · ${label('priority', ticket.priority)}`}
            extra={
              <Button size="large" onClick={() => setTicket(undefined)}>
                {t('hall.kiosk.again')}
              </Button>
            }
          />
        </Card>
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card title={t('hall.kiosk.take')}>
            <Checkbox
              checked={green}
              onChange={(e) => setGreen(e.target.checked)}
              style={{ marginBottom: 16 }}
            >
              {t('hall.kiosk.green')}
            </Checkbox>
            <Row gutter={[16, 16]}>
              {hall.groups.map((g) => (
                <Col span={12} key={g.id}>
                  <Button
                    block
                    size="large"
                    style={{ height: 80, fontSize: 24 }}
                    onClick={() =>
                      run(() =>
                        issueTicket({
                          hallId: hall.id,
                          groupId: g.id,
                          green,
                          greenReason: green ? '绿色通道' : undefined,
                        }),
                      )
                    }
                  >
                    {g.code} {g.name}
                  </Button>
                </Col>
              ))}
            </Row>
          </Card>
          <Card title={t('hall.kiosk.checkIn')}>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                size="large"
                placeholder={t('hall.kiosk.idPlaceholder')}
                value={idNumber}
                maxLength={18}
                autoComplete="off"
                onChange={(e) => setIdNumber(e.target.value)}
                data-testid="checkin-id"
              />
              <Button size="large" type="primary" onClick={() => run(() => checkIn(hall.id, idNumber))}>
                {t('hall.kiosk.checkInButton')}
              </Button>
            </Space.Compact>
          </Card>
        </Space>
      )}
    </div>
  );
}

import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Result,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type Booking } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { cancelBooking, confirmBooking, holdBooking, usePublicHalls, useSlots } from '../api';
import { useHallLabel } from '../components/use-labels';
import { PublicShell } from '../../catalog';

/** 网上预约 (public, APT-1): pick a group, a day and a slot; real name; hold, then confirm. */
export function BookingPage() {
  const { t } = useTranslation();
  const label = useHallLabel();
  const halls = usePublicHalls();
  const [hallId, setHallId] = useState<string>();
  const hall = halls.data?.halls.find((h) => h.id === hallId) ?? halls.data?.halls[0];
  const [groupId, setGroupId] = useState<string>();
  const [date, setDate] = useState(dayjs().add(1, 'day').format('YYYY-MM-DD'));
  const slots = useSlots(hall?.id, groupId, date);
  const [slotId, setSlotId] = useState<string>();
  const [booking, setBooking] = useState<Booking>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => crypto.randomUUID());

  const run = async (fn: () => Promise<Booking>) => {
    setBusy(true);
    setError(undefined);
    try {
      setBooking(await fn());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell title={t('hall.book.title')}>
      <div style={{ maxWidth: 640, margin: '24px auto', padding: 16 }}>
        <Typography.Title level={3}>{t('hall.book.title')}</Typography.Title>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        {booking ? (
          <Card>
            <Result
              status={
                booking.status === 'confirmed' ? 'success' : booking.status === 'held' ? 'info' : 'warning'
              }
              title={label('appointment', booking.status)}
              subTitle={t('hall.book.codeHint')}
            />
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('hall.book.code')}>
                <Typography.Text strong copyable data-testid="booking-code">
                  {booking.code}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('hall.book.group')}>{booking.groupName}</Descriptions.Item>
              <Descriptions.Item label={t('hall.book.time')}>
                {dayjs(booking.startsAt).format('YYYY-MM-DD HH:mm')}–{dayjs(booking.endsAt).format('HH:mm')}
              </Descriptions.Item>
              <Descriptions.Item label={t('hall.book.person')}>
                {booking.nameMasked} {booking.idMasked} {booking.phoneMasked}
              </Descriptions.Item>
            </Descriptions>
            <Space style={{ marginTop: 16 }}>
              {booking.status === 'held' && (
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => run(() => confirmBooking(booking.id, booking.code))}
                >
                  {t('hall.book.confirm')}
                </Button>
              )}
              {(booking.status === 'held' || booking.status === 'confirmed') && (
                <Button
                  danger
                  loading={busy}
                  onClick={() => run(() => cancelBooking(booking.id, booking.code))}
                >
                  {t('hall.book.cancel')}
                </Button>
              )}
            </Space>
          </Card>
        ) : (
          <Card>
            <Form
              layout="vertical"
              onFinish={(v: { name: string; idNumber: string; phone: string }) =>
                slotId && run(() => holdBooking({ slotId, idempotencyKey: key, ...v }))
              }
            >
              <Form.Item label={t('hall.book.hall')}>
                <Select
                  value={hall?.id}
                  onChange={setHallId}
                  options={halls.data?.halls.map((h) => ({ value: h.id, label: h.name }))}
                />
              </Form.Item>
              <Form.Item label={t('hall.book.group')}>
                <Select
                  data-testid="booking-group"
                  value={groupId}
                  onChange={(v) => {
                    setGroupId(v);
                    setSlotId(undefined);
                  }}
                  options={hall?.groups.map((g) => ({ value: g.id, label: `${g.code} ${g.name}` }))}
                />
              </Form.Item>
              <Form.Item label={t('hall.book.date')}>
                <DatePicker
                  value={dayjs(date)}
                  allowClear={false}
                  disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                  onChange={(d) => {
                    if (d) setDate(d.format('YYYY-MM-DD'));
                    setSlotId(undefined);
                  }}
                />
              </Form.Item>
              <Form.Item label={t('hall.book.slot')} required>
                <Space wrap data-testid="booking-slots">
                  {(slots.data?.slots ?? []).map((s) => {
                    const left = s.capacity - s.booked;
                    const past = dayjs(s.startsAt).isBefore(dayjs());
                    return (
                      <Tag.CheckableTag
                        key={s.id}
                        checked={slotId === s.id}
                        onChange={() => left > 0 && !past && setSlotId(s.id)}
                        style={{ padding: '4px 8px', opacity: left > 0 && !past ? 1 : 0.4 }}
                      >
                        {dayjs(s.startsAt).format('HH:mm')} · {t('hall.book.left', { n: left })}
                      </Tag.CheckableTag>
                    );
                  })}
                  {!groupId && (
                    <Typography.Text type="secondary">{t('hall.book.chooseGroup')}</Typography.Text>
                  )}
                  {groupId && slots.data?.slots.length === 0 && (
                    <Typography.Text type="secondary">{t('hall.book.noSlots')}</Typography.Text>
                  )}
                </Space>
              </Form.Item>
              <Form.Item name="name" label={t('hall.book.name')} rules={[{ required: true }]}>
                <Input autoComplete="name" />
              </Form.Item>
              <Form.Item name="idNumber" label={t('hall.book.idNumber')} rules={[{ required: true }]}>
                <Input autoComplete="off" maxLength={18} />
              </Form.Item>
              <Form.Item name="phone" label={t('hall.book.phone')} rules={[{ required: true }]}>
                <Input autoComplete="tel" maxLength={13} />
              </Form.Item>
              <Typography.Paragraph type="secondary">{t('hall.book.rules')}</Typography.Paragraph>
              <Button type="primary" htmlType="submit" loading={busy} disabled={!slotId}>
                {t('hall.book.submit')}
              </Button>
            </Form>
          </Card>
        )}
      </div>
    </PublicShell>
  );
}

import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Avatar, Card, Flex, Result, Spin, Typography } from 'antd';
import { SITE_INDICATORS } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { submitPadRating, usePadView } from '../api';
import { RatingForm, type RatingValues } from '../components/rating-form';

type Pending = { visitId: string; values: RatingValues };
const key = (token: string) => `tongban.evaluations.pending.${token}`;
const readPending = (token: string): Pending | null => {
  try {
    return JSON.parse(localStorage.getItem(key(token)) ?? 'null') as Pending | null;
  } catch {
    return null;
  }
};

/**
 * 评价器 at a window (EVAL-3): kiosk-friendly, large targets. A rating is kept in localStorage
 * until the server has it, and retried when the network comes back, so none is lost.
 */
export function PadPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const view = usePadView(token);
  const [pending, setPending] = useState<Pending | null>(() => readPending(token));
  const [state, setState] = useState<'idle' | 'sending' | 'offline' | 'done'>('idle');
  const [error, setError] = useState<string>();

  const send = useCallback(
    async (p: Pending) => {
      setState('sending');
      try {
        await submitPadRating(token, {
          visitId: p.visitId,
          level: p.values.level,
          indicators: p.values.indicators,
          reasonCategory: p.values.reasonCategory,
          reasonText: p.values.reasonText,
        });
        localStorage.removeItem(key(token));
        setPending(null);
        setState('done');
        setTimeout(() => setState('idle'), 4000);
        void view.refetch();
      } catch (e) {
        if (e instanceof ApiError && e.status < 500 && e.status !== 429) {
          // Refused for good (already rated, visit gone): nothing to retry.
          localStorage.removeItem(key(token));
          setPending(null);
          setError(e.message);
          setState('idle');
        } else setState('offline');
      }
    },
    [token, view],
  );

  // Retry a saved rating every 5 seconds while the network is down.
  useEffect(() => {
    if (!pending || state === 'sending') return;
    if (state === 'offline' || state === 'idle') {
      const timer = setTimeout(() => void send(pending), state === 'idle' ? 0 : 5000);
      return () => clearTimeout(timer);
    }
  }, [pending, state, send]);

  if (view.isLoading) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (view.error && !view.data)
    return (
      <Result
        status="warning"
        title={view.error instanceof ApiError ? view.error.message : t('evaluations.pad.networkRetry')}
        data-testid="pad-error"
      />
    );
  const v = view.data!;
  const onSubmit = (values: RatingValues) => {
    if (!v.visit) return;
    setError(undefined);
    const p = { visitId: v.visit.id, values };
    localStorage.setItem(key(token), JSON.stringify(p));
    setPending(p);
    void send(p);
  };
  return (
    <Flex
      vertical
      align="center"
      style={{ minHeight: '100vh', padding: 24, background: '#f0f5ff' }}
      data-testid="pad"
    >
      <Card style={{ width: '100%', maxWidth: 960 }}>
        <Flex gap={24} align="center">
          <Avatar size={120} src={v.onDuty?.photo ? `/files/${v.onDuty.photo}` : undefined} shape="square">
            {v.onDuty?.name.slice(0, 1)}
          </Avatar>
          <Flex vertical>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {v.windowNumber} {v.windowName}
            </Typography.Title>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="on-duty">
              {v.onDuty ? t('evaluations.pad.staff', { name: v.onDuty.name }) : t('evaluations.pad.nobody')}
            </Typography.Title>
            {v.onDuty?.staffNo && (
              <Typography.Text>{t('evaluations.pad.staffNo', { no: v.onDuty.staffNo })}</Typography.Text>
            )}
          </Flex>
        </Flex>
      </Card>
      <Card style={{ width: '100%', maxWidth: 960, marginTop: 24 }}>
        {state === 'done' ? (
          <Result status="success" title={t('evaluations.pad.thanks')} data-testid="pad-thanks" />
        ) : pending ? (
          <Alert
            type={state === 'offline' ? 'warning' : 'info'}
            showIcon
            data-testid="pad-pending"
            message={state === 'offline' ? t('evaluations.pad.offline') : t('evaluations.pad.sending')}
          />
        ) : v.visit ? (
          <>
            <Typography.Title level={3} style={{ textAlign: 'center' }}>
              {t('evaluations.pad.prompt')}
            </Typography.Title>
            <RatingForm
              indicators={SITE_INDICATORS.filter((k) => k !== 'overall')}
              busy={false}
              onSubmit={onSubmit}
            />
          </>
        ) : (
          <Result status="info" title={t('evaluations.pad.idle')} data-testid="pad-idle" />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      </Card>
    </Flex>
  );
}

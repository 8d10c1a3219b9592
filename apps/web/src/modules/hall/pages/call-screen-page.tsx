import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Button, Col, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CallShown } from '@tongban/contracts';
import { useCallScreen } from '../api';

const BG = '#0b2a6b';

/** Speaks a call in Mandarin with the browser's speech synthesis. */
function announce(c: CallShown) {
  if (!('speechSynthesis' in window)) return;
  const digits = c.ticketNumber.split('').join(' ');
  const u = new SpeechSynthesisUtterance(
    `请 ${digits} 号 到 ${c.windowNumber.split('').join(' ')} 号窗口办理`,
  );
  u.lang = 'zh-CN';
  window.speechSynthesis.speak(u);
}

/** 叫号屏 (public, QUE-1): the last calls, updated by server-sent events as each call commits. */
export function CallScreenPage() {
  const { hallId = '' } = useParams();
  const { t } = useTranslation();
  const screen = useCallScreen(hallId);
  const [calls, setCalls] = useState<CallShown[]>([]);
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  soundRef.current = sound;

  useEffect(() => {
    if (screen.data) setCalls((cur) => (cur.length ? cur : screen.data.calls));
  }, [screen.data]);

  useEffect(() => {
    const es = new EventSource(`/api/public/hall/halls/${hallId}/calls/stream`);
    es.addEventListener('call', (ev) => {
      const c = JSON.parse((ev as MessageEvent<string>).data) as CallShown;
      setCalls((cur) => [c, ...cur].slice(0, 10));
      if (soundRef.current) announce(c);
    });
    return () => es.close();
  }, [hallId]);

  const [latest, ...rest] = calls;
  return (
    <div style={{ background: BG, color: '#fff', minHeight: '100vh', padding: 32 }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={1} style={{ color: '#fff', margin: 0 }}>
          {screen.data?.hallName} · {t('hall.screen.title')}
        </Typography.Title>
        {!sound && (
          <Button onClick={() => setSound(true)} size="large">
            {t('hall.screen.enableSound')}
          </Button>
        )}
      </Row>
      {latest && (
        <div
          data-testid="latest-call"
          style={{ textAlign: 'center', margin: '48px 0', fontSize: 96, fontWeight: 700, color: '#ffd666' }}
        >
          {latest.ticketNumber} → {latest.windowNumber}
          <div style={{ fontSize: 36, color: '#fff' }}>
            {t('hall.screen.please', { n: latest.ticketNumber, w: latest.windowName })}
          </div>
        </div>
      )}
      <Row gutter={[24, 24]}>
        {rest.map((c, i) => (
          <Col span={8} key={`${c.at}-${i}`}>
            <div style={{ fontSize: 40, borderBottom: '1px solid #335' }}>
              {c.ticketNumber} → {c.windowNumber}
              <span style={{ fontSize: 18, marginLeft: 12, opacity: 0.7 }}>
                {dayjs(c.at).format('HH:mm')}
              </span>
            </div>
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 48, fontSize: 24 }}>
        {screen.data?.waiting.map((w) => (
          <span key={w.groupName} style={{ marginRight: 32 }}>
            {w.groupName}：{t('hall.screen.waiting', { n: w.count })}
          </span>
        ))}
      </div>
    </div>
  );
}

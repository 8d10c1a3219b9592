import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Button, Flex, Input, Radio, Rate, Typography } from 'antd';
import { BAD_REASON_LABELS, isBadLevel, type BadReasonCategory } from '@tongban/contracts';

export type RatingValues = {
  level: number;
  indicators: Record<string, number>;
  reasonCategory: BadReasonCategory | null;
  reasonText: string;
};

const LEVELS = [5, 4, 3, 2, 1];
const COLORS: Record<number, string> = {
  5: '#389e0d',
  4: '#7cb305',
  3: '#d4b106',
  2: '#d46b08',
  1: '#cf1322',
};

/** Five levels (EVAL-1) as large buttons, the scheme's indicators, and for a 差评 a reason. */
export function RatingForm({
  indicators,
  busy,
  onSubmit,
}: {
  indicators: readonly string[];
  busy: boolean;
  onSubmit: (v: RatingValues) => void;
}) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<number>();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [reason, setReason] = useState<BadReasonCategory | null>(null);
  const [text, setText] = useState('');
  const bad = level !== undefined && isBadLevel(level);
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap justify="center">
        {LEVELS.map((l) => (
          <Button
            key={l}
            size="large"
            data-testid={`level-${l}`}
            type={level === l ? 'primary' : 'default'}
            style={{
              minWidth: 150,
              height: 72,
              fontSize: 22,
              ...(level === l ? { background: COLORS[l] } : { color: COLORS[l] }),
            }}
            onClick={() => setLevel(l)}
          >
            {t(`evaluations.level.${l}`)}
          </Button>
        ))}
      </Flex>
      {indicators.map((k) => (
        <Flex key={k} gap={12} align="center" justify="center">
          <Typography.Text style={{ fontSize: 18, minWidth: 140 }}>
            {t(`evaluations.indicator.${k}`)}
          </Typography.Text>
          <Rate
            value={scores[k]}
            onChange={(v) => setScores({ ...scores, [k]: v })}
            style={{ fontSize: 28 }}
          />
        </Flex>
      ))}
      {bad && (
        <Flex vertical gap={8} data-testid="bad-reason">
          <Typography.Text strong>{t('evaluations.form.whyBad')}</Typography.Text>
          <Radio.Group value={reason} onChange={(e) => setReason(e.target.value as BadReasonCategory)}>
            <Flex vertical gap={8}>
              {(Object.keys(BAD_REASON_LABELS) as BadReasonCategory[]).map((k) => (
                <Radio key={k} value={k} style={{ fontSize: 18 }}>
                  {t(`evaluations.reason.${k}`)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('evaluations.form.detail')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="reason-text"
          />
        </Flex>
      )}
      <Button
        type="primary"
        size="large"
        block
        data-testid="submit-rating"
        disabled={level === undefined || (bad && !reason)}
        loading={busy}
        onClick={() =>
          level !== undefined &&
          onSubmit({ level, indicators: scores, reasonCategory: bad ? reason : null, reasonText: text })
        }
        style={{ height: 56, fontSize: 20 }}
      >
        {t('evaluations.form.submit')}
      </Button>
    </Flex>
  );
}

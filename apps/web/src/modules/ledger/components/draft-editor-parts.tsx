import { type ReactNode } from 'react';
import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  LEDGER_INSPECTION_KIND_LABELS,
  LEDGER_MEASURE_KIND_LABELS,
  type LedgerInspectionKind,
  type LedgerMeasureKind,
  type DraftSource,
} from '@tongban/contracts';
import { type Draft } from './draft-model';
import { isLowConfidence } from './draft-ops';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** One of the draft-ops fixes, applied to the whole draft. */
export type Apply = (op: (draft: Draft) => Draft) => void;

export const LOW_STYLE = { background: '#fff7e6', borderColor: '#ffa940' };

/** The imported line an element was read from, and 待核对 when the importer was unsure of it. */
export function SourceNote({ source }: { source: DraftSource | undefined }) {
  if (!source) return null;
  return (
    <Flex gap={6} align="center" style={{ minWidth: 0 }} data-testid="draft-source">
      {isLowConfidence(source) && (
        <Tooltip
          title={tr('ledger.draftEditor.confidenceCheckTheLevel', {
            v0: Math.round(source.confidence * 100),
          })}
        >
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="draft-low-confidence">
            {tr('ledger.draftEditor.toCheck')}
          </Tag>
        </Tooltip>
      )}
      <Typography.Text
        type="secondary"
        ellipsis={{ tooltip: source.text }}
        style={{ fontSize: 12, maxWidth: 420 }}
      >
        {tr('ledger.draftEditor.sourceLine')} {source.line} {tr('ledger.draftEditor.text')}
        {source.text}
      </Typography.Text>
    </Flex>
  );
}

export function OpButton({
  label,
  icon,
  onClick,
  testId,
}: {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Button size="small" type="text" icon={icon} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

export type Props = { draft: Draft; onChange: (draft: Draft) => void };

export const kindOptions = () =>
  (Object.keys(LEDGER_INSPECTION_KIND_LABELS) as LedgerInspectionKind[]).map((k) => ({
    value: k,
    label: labelsOf(LEDGER_INSPECTION_KIND_LABELS)[k],
  }));
export const measureKindOptions = () =>
  (Object.keys(LEDGER_MEASURE_KIND_LABELS) as LedgerMeasureKind[]).map((k) => ({
    value: k,
    label: labelsOf(LEDGER_MEASURE_KIND_LABELS)[k],
  }));

export const toDay = (v: string | null | undefined) => (v ? dayjs(v) : null);
export const fromDay = (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

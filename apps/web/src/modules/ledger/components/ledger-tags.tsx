import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  LEDGER_MEASURE_KIND_LABELS,
  MEASURE_STATUS_LABELS,
  type LedgerMeasureKind,
  type MeasureRecurrence,
  type MeasureStatus,
} from '@tongban/contracts';
import type { FindingStatus } from '../api';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** Tag colours by measure status; the words come from contracts (MEASURE_STATUS_LABELS). */
export const MEASURE_STATUS_COLORS: Record<MeasureStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  overdue: 'error',
  awaiting_signoff: 'warning',
  signed_off: 'success',
  reopened: 'purple',
};

/** Chart colours, in the order of MEASURE_STATUSES. */
export const MEASURE_STATUS_CHART_COLORS: Record<MeasureStatus, string> = {
  not_started: '#bfbfbf',
  in_progress: '#1677ff',
  overdue: '#f5222d',
  awaiting_signoff: '#faad14',
  signed_off: '#52c41a',
  reopened: '#722ed1',
};

export const MEASURE_STATUSES = Object.keys(MEASURE_STATUS_LABELS) as MeasureStatus[];

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  return (
    <Tag color={MEASURE_STATUS_COLORS[status]} data-testid="measure-status" data-status={status}>
      {labelsOf(MEASURE_STATUS_LABELS)[status]}
    </Tag>
  );
}

export function MeasureKindTag({ kind }: { kind: LedgerMeasureKind }) {
  const color = kind === 'immediate' ? 'cyan' : kind === 'ongoing' ? 'geekblue' : 'default';
  return (
    <Tag color={color} bordered={false} style={{ marginInlineEnd: 0 }}>
      {labelsOf(LEDGER_MEASURE_KIND_LABELS)[kind]}
    </Tag>
  );
}

/**
 * A signed-off 长期坚持 measure: the evidence due this period, and each period that lapsed (ended
 * without fresh evidence). The sign-off stands; these show beside it.
 */
export function RecurrenceTags({ recurrence }: { recurrence: MeasureRecurrence | null | undefined }) {
  if (!recurrence) return null;
  const c = recurrence.current;
  return (
    <Space size={[0, 4]} wrap data-testid="recurrence">
      <Tag color={c.done ? 'success' : 'warning'} bordered={false}>
        {c.done
          ? tr('ledger.ledgerTags.evidenceHandedIn', { label: c.label })
          : tr('ledger.ledgerTags.evidenceDueBy', { label: c.label, v1: c.end.slice(5) })}
      </Tag>
      {recurrence.lapsed.map((p) => (
        <Tag key={p.start} color="error" bordered={false} data-testid="recurrence-lapsed">
          {tr('ledger.ledgerTags.missedLapsed', { label: p.label })}
        </Tag>
      ))}
    </Space>
  );
}

/** Same words as the report (report-model.ts findingStatusLabels). */
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  get done() {
    return tr('ledger.ledgerTags.completed');
  },
  get in_progress() {
    return tr('ledger.ledgerTags.inProgress');
  },
  get ongoing() {
    return tr('ledger.ledgerTags.ongoing');
  },
  get no_measure() {
    return tr('ledger.ledgerTags.noMeasure');
  },
};

export function FindingStatusTag({ status }: { status: FindingStatus }) {
  const color =
    status === 'done'
      ? 'success'
      : status === 'ongoing'
        ? 'geekblue'
        : status === 'no_measure'
          ? 'warning'
          : 'processing';
  return <Tag color={color}>{FINDING_STATUS_LABELS[status]}</Tag>;
}

/** Today as the office sees it (the browser runs in Asia/Shanghai in the centres). */
export const todayIso = () => dayjs().format('YYYY-MM-DD');

/** Whole days from today to the due date: negative when overdue. */
export const daysUntil = (due: string) => dayjs(due).startOf('day').diff(dayjs().startOf('day'), 'day');

/** "剩 5 天" / "今天到期" / "逾期 3 天"; undefined when there is no due date. */
export function describeDeadline(due: string | null): { text: string; overdue: boolean } | undefined {
  if (!due) return undefined;
  const n = daysUntil(due);
  if (n > 0) return { text: tr('ledger.ledgerTags.daysLeft', { n }), overdue: false };
  if (n === 0) return { text: tr('ledger.ledgerTags.dueToday'), overdue: false };
  return { text: tr('ledger.ledgerTags.daysOverdue', { v0: -n }), overdue: true };
}

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';

export function formatYuan(fen: number): string {
  return tr('ledger.ledgerTags.yuan', { v0: (fen / 100).toFixed(2) });
}

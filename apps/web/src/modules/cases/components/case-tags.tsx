import { Space, Tag, Tooltip } from 'antd';
import {
  CASE_CHANNEL_LABELS,
  CASE_STATUS_LABELS,
  type CaseChannel,
  type CaseClockSummary,
  type CaseStatus,
  type ClockState,
} from '@tongban/contracts';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** 电子监察 colours: green 正常, yellow 预警, red 超期, paused 暂停. */
export const CLOCK_TAGS: Record<ClockState, { label: string; color: string }> = {
  green: {
    get label() {
      return tr('cases.caseTags.onTime');
    },
    color: 'green',
  },
  yellow: {
    get label() {
      return tr('cases.caseTags.warning');
    },
    color: 'gold',
  },
  red: {
    get label() {
      return tr('cases.caseTags.overdue');
    },
    color: 'red',
  },
  paused: {
    get label() {
      return tr('cases.caseTags.paused');
    },
    color: 'default',
  },
};

const PHASE_LABELS: Record<CaseClockSummary['phase'], string> = {
  get acceptance() {
    return tr('cases.caseTags.acceptanceDeadline');
  },
  get awaiting_supplement() {
    return tr('cases.caseTags.waitingForTheApplicant');
  },
  get decision() {
    return tr('cases.caseTags.handlingDeadline');
  },
  get delivery() {
    return tr('cases.caseTags.deliveryDeadline');
  },
  get done() {
    return tr('cases.caseTags.concluded');
  },
};

export function clockTooltip(clock: CaseClockSummary): string {
  const left =
    clock.state === 'paused'
      ? tr('cases.caseTags.clockPaused')
      : clock.leftWorkingDays < 0
        ? tr('cases.caseTags.workingDaysOverdue', { v0: -clock.leftWorkingDays })
        : tr('cases.caseTags.workingDaysLeft', { leftWorkingDays: clock.leftWorkingDays });
  const deemed = clock.deemedAccepted ? tr('cases.caseTags.noCorrectionsWereRequested') : '';
  return `${PHASE_LABELS[clock.phase]}：${clock.deadline}，${left}${deemed}`;
}

/** The case clock as a coloured tag; the tooltip says the deadline and the days left. */
export function ClockTag({ clock }: { clock: CaseClockSummary | null }) {
  if (!clock) return <span>—</span>;
  if (clock.phase === 'done')
    return (
      <Tag data-testid="clock-tag" data-state="done">
        {tr('cases.caseTags.concluded')}
      </Tag>
    );
  const t = CLOCK_TAGS[clock.state];
  return (
    <Tooltip title={clockTooltip(clock)}>
      <Tag color={t.color} data-testid="clock-tag" data-state={clock.state} style={{ cursor: 'help' }}>
        {t.label}
      </Tag>
    </Tooltip>
  );
}

/** The deadline under the tag, for lists (the tooltip has the rest). */
export function ClockCell({ clock }: { clock: CaseClockSummary | null }) {
  return (
    <Space orientation="vertical" size={0}>
      <ClockTag clock={clock} />
      {clock && clock.phase !== 'done' && (
        <span
          style={{ fontSize: 12, color: clock.state === 'red' ? '#cf1322' : '#6b7280' }}
          data-testid="clock-deadline"
        >
          {clock.deadline}
        </span>
      )}
      {clock && clock.phase !== 'done' && <ProvisionalTag clock={clock} />}
    </Space>
  );
}

/**
 * CAL-2: the deadline falls in a year whose holiday notice is not loaded yet, so it may move once
 * the administrator loads it (暂定).
 */
export function ProvisionalTag({ clock }: { clock: CaseClockSummary }) {
  if (!clock.provisional) return null;
  return (
    <Tooltip title={tr('cases.caseTags.provisionalHint')}>
      <Tag color="orange" data-testid="clock-provisional" style={{ cursor: 'help', marginInlineEnd: 0 }}>
        {tr('cases.caseTags.provisional')}
      </Tag>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<CaseStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  supplement_requested: 'warning',
  accepted: 'blue',
  refused: 'error',
  decided: 'cyan',
  delivered: 'success',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="case-status">
      {labelsOf(CASE_STATUS_LABELS)[status]}
    </Tag>
  );
}

export const channelLabel = (c: CaseChannel) => labelsOf(CASE_CHANNEL_LABELS)[c];

/** 2026-11-20T01:30:00.000Z → 2026-11-20 09:30 (local time). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A notice number (云溪受字〔2026〕第00002号) kept on one line, however narrow its column. */
export function NoticeNo({ children }: { children: string }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

/**
 * Visits against the item's maximum (到现场次数), issue 14 point 9. For a 零跑动 item, coming in is
 * the applicant's choice, not the window's fault: shown plainly, with what it means for the
 * 零跑动使用率 (such a case does not count as zero-visit). Only a visit count above a promised
 * maximum of one or more is a breach, in red.
 */
export function VisitsText({ visits, maxVisits }: { visits: number; maxVisits: number | null }) {
  const over = maxVisits !== null && maxVisits > 0 && visits > maxVisits;
  if (maxVisits === 0) {
    return visits === 0 ? (
      <span style={{ color: '#389e0d' }} data-testid="case-visits" data-over="false">
        {tr('cases.caseTags.n0Visits')}
        <span style={{ whiteSpace: 'nowrap' }}>{tr('cases.caseTags.zeroVisits')}</span>
      </span>
    ) : (
      <span data-testid="case-visits" data-over="false" title={tr('cases.caseTags.thisItemCanBe')}>
        {tr('cases.caseTags.visitCount', { count: visits })}
        <span style={{ whiteSpace: 'nowrap', color: '#8c8c8c' }}>
          {tr('cases.caseTags.thisItemAllowsZero')}
        </span>
      </span>
    );
  }
  return (
    <span
      style={over ? { color: '#d4380d' } : undefined}
      title={over ? tr('cases.caseTags.moreVisitsThanThe') : undefined}
      data-testid="case-visits"
      data-over={String(over)}
    >
      {visits} / {maxVisits ?? '—'} {tr('cases.caseTags.visits')}
      {maxVisits === 1 && <span style={{ whiteSpace: 'nowrap' }}>{tr('cases.caseTags.atMostOneVisit')}</span>}
    </span>
  );
}

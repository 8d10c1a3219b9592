import { Space, Tag, Tooltip } from 'antd';
import {
  CASE_CHANNEL_LABELS,
  CASE_STATUS_LABELS,
  type CaseChannel,
  type CaseClockSummary,
  type CaseStatus,
  type ClockState,
} from '@tongban/contracts';

/** 电子监察 colours: green 正常, yellow 预警, red 超期, paused 暂停. */
export const CLOCK_TAGS: Record<ClockState, { label: string; color: string }> = {
  green: { label: '正常', color: 'green' },
  yellow: { label: '预警', color: 'gold' },
  red: { label: '超期', color: 'red' },
  paused: { label: '暂停', color: 'default' },
};

const PHASE_LABELS: Record<CaseClockSummary['phase'], string> = {
  acceptance: '受理期限',
  awaiting_supplement: '待申请人补正',
  decision: '办理期限',
  delivery: '送达期限',
  done: '已办结',
};

export function clockTooltip(clock: CaseClockSummary): string {
  const left =
    clock.state === 'paused'
      ? '计时暂停'
      : clock.leftWorkingDays < 0
        ? `已超期 ${-clock.leftWorkingDays} 个工作日`
        : `剩余 ${clock.leftWorkingDays} 个工作日`;
  const deemed = clock.deemedAccepted ? '；逾期未告知补正，依法视为受理' : '';
  return `${PHASE_LABELS[clock.phase]}：${clock.deadline}，${left}${deemed}`;
}

/** The case clock as a coloured tag; the tooltip says the deadline and the days left. */
export function ClockTag({ clock }: { clock: CaseClockSummary | null }) {
  if (!clock) return <span>—</span>;
  if (clock.phase === 'done')
    return (
      <Tag data-testid="clock-tag" data-state="done">
        已办结
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
    <Tooltip title="该年度节假日安排尚未导入，期限暂按周末计算，导入后可能顺延">
      <Tag color="orange" data-testid="clock-provisional" style={{ cursor: 'help', marginInlineEnd: 0 }}>
        暂定
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
      {CASE_STATUS_LABELS[status]}
    </Tag>
  );
}

export const channelLabel = (c: CaseChannel) => CASE_CHANNEL_LABELS[c];

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
        0 次<span style={{ whiteSpace: 'nowrap' }}>（零跑动）</span>
      </span>
    ) : (
      <span
        data-testid="case-visits"
        data-over="false"
        title="本事项可全程网办、零跑动；申请人到现场办理不算窗口违规，但本件不计入零跑动使用率"
      >
        {visits} 次<span style={{ whiteSpace: 'nowrap', color: '#8c8c8c' }}>（本事项可零跑动）</span>
      </span>
    );
  }
  return (
    <span
      style={over ? { color: '#d4380d' } : undefined}
      title={over ? '到现场次数超过该事项承诺的最多次数' : undefined}
      data-testid="case-visits"
      data-over={String(over)}
    >
      {visits} / {maxVisits ?? '—'} 次
      {maxVisits === 1 && <span style={{ whiteSpace: 'nowrap' }}>（最多跑一次）</span>}
    </span>
  );
}

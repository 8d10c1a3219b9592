import { Fragment, type ReactNode } from 'react';
import { Timeline, Typography } from 'antd';
import {
  DELIVERY_METHOD_LABELS,
  SUSPENSION_KIND_LABELS,
  type CaseEventView,
  type DeliveryMethod,
  type SuspensionKind,
} from '@tongban/contracts';
import { NoticeNo, formatTime } from './case-tags';
import { DottedId } from './dotted-id';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** A notice number in a log line, never broken across lines. */
const noticeNo = (v: unknown) => (str(v) ? <NoticeNo>{str(v)}</NoticeNo> : '');
/** Parts of a log line joined by '；', the empty ones left out. */
function joined(parts: ReactNode[]): ReactNode {
  const shown = parts.filter((x) => x !== '' && x !== null && x !== undefined);
  if (shown.length === 0) return '';
  return shown.map((x, i) => (
    <Fragment key={i}>
      {i > 0 && '；'}
      {x}
    </Fragment>
  ));
}
const names = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('、') : '');

/** One line of the case log, in the words of the hall. */
export function describeEvent(e: CaseEventView): { title: string; detail: ReactNode; color: string } {
  const p = e.payload;
  switch (e.type) {
    case 'submitted':
      return { title: '收件', detail: '', color: 'blue' };
    case 'supplement_requested':
      return {
        title: '一次性告知补正',
        detail: Array.isArray(p['items'])
          ? (p['items'] as { name: string }[]).map((i) => i.name).join('、')
          : '',
        color: 'orange',
      };
    case 'supplement_received':
      return { title: '收到补正材料', detail: names(p['names']), color: 'blue' };
    case 'accepted': {
      const deferred = Array.isArray(p['deferred'])
        ? (p['deferred'] as { name: string; dueDate: string }[])
        : [];
      return {
        title: p['deemed'] ? '视为受理' : deferred.length ? '容缺受理' : '受理',
        detail: joined([
          noticeNo(p['noticeNo']),
          ...deferred.map((d) => `容缺：${d.name}（${d.dueDate} 前补齐）`),
        ]),
        color: 'green',
      };
    }
    case 'refused':
      return {
        title: '不予受理',
        detail: `${str(p['reason'])}；请向${str(p['redirectTo'])}申请`,
        color: 'red',
      };
    case 'deferred_received':
      return { title: '收到容缺材料', detail: names(p['names']), color: 'green' };
    case 'step_completed':
      return { title: '完成审查环节', detail: `意见：${str(p['opinion'])}`, color: 'green' };
    case 'returned':
      return { title: '退回上一环节', detail: `理由：${str(p['reason'])}`, color: 'orange' };
    case 'transferred': {
      // Events recorded before the receiver's name was kept carry only the reason.
      const to = str(p['toName']);
      return {
        title: '转办',
        detail: `${to ? `转给：${to}；` : ''}理由：${str(p['reason'])}`,
        color: 'blue',
      };
    }
    case 'urged':
      return { title: '催办', detail: str(p['note']), color: 'orange' };
    case 'suspended':
      return {
        title: `中止（${SUSPENSION_KIND_LABELS[p['kind'] as SuspensionKind] ?? str(p['kind'])}）`,
        detail: `预计 ${String(p['expectedDays'] ?? '')} 天${p['countsInLimit'] ? '，计入办理时限' : '，不计入办理时限'}`,
        color: 'gray',
      };
    case 'resumed':
      return { title: '恢复计时', detail: '', color: 'blue' };
    case 'extension_requested':
      return {
        title: '申请延期',
        detail: `${String(p['days'] ?? '')} 个工作日：${str(p['reason'])}`,
        color: 'orange',
      };
    case 'extension_decided':
      return {
        title: p['approved'] ? '批准延期' : '驳回延期',
        detail: noticeNo(p['noticeNo']),
        color: p['approved'] ? 'green' : 'red',
      };
    case 'decided':
      return {
        title: `${p['instant'] ? '当场办结：' : '决定：'}${p['outcome'] === 'grant' ? '准予' : '不予'}`,
        detail: [str(p['opinion']), str(p['reason']), str(p['legalBasis'])].filter(Boolean).join('；'),
        color: p['outcome'] === 'grant' ? 'green' : 'red',
      };
    case 'license_issued':
      return { title: '生成电子证照', detail: <DottedId id={str(p['licenseId'])} />, color: 'green' };
    case 'delivery_prepared':
      return {
        title: `准备出件：${DELIVERY_METHOD_LABELS[p['method'] as DeliveryMethod] ?? ''}`,
        detail: p['trackingNo'] ? `快递单号 ${str(p['trackingNo'])}` : '',
        color: 'blue',
      };
    case 'delivered':
      return { title: '已出件', detail: `签收人：${str(p['receivedBy'])}`, color: 'green' };
    case 'visit':
      return { title: '到现场', detail: str(p['purpose']), color: 'gray' };
    case 'withdrawn':
      return { title: '申请人撤回', detail: str(p['reason']), color: 'gray' };
    default:
      return { title: e.type, detail: '', color: 'gray' };
  }
}

export function CaseTimeline({ events }: { events: CaseEventView[] }) {
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => {
        const d = describeEvent(e);
        return {
          key: e.seq,
          color: d.color,
          content: (
            <div data-testid="case-event" data-type={e.type}>
              <Typography.Text strong>{d.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {formatTime(e.at)} · {e.actorName}
              </Typography.Text>
              {d.detail && <div style={{ fontSize: 13, color: '#4b5563' }}>{d.detail}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

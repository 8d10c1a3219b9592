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
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

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
      return { title: tr('cases.caseEvents.received'), detail: '', color: 'blue' };
    case 'supplement_requested':
      return {
        title: tr('cases.caseEvents.requestCorrectionsAtOnce'),
        detail: Array.isArray(p['items'])
          ? (p['items'] as { name: string }[]).map((i) => i.name).join('、')
          : '',
        color: 'orange',
      };
    case 'supplement_received':
      return { title: tr('cases.caseEvents.correctionsReceived'), detail: names(p['names']), color: 'blue' };
    case 'accepted': {
      const deferred = Array.isArray(p['deferred'])
        ? (p['deferred'] as { name: string; dueDate: string }[])
        : [];
      return {
        title: p['deemed']
          ? tr('cases.caseEvents.deemedAccepted')
          : deferred.length
            ? tr('cases.caseEvents.acceptedWithDeferredMaterials')
            : tr('cases.caseEvents.accept'),
        detail: joined([
          noticeNo(p['noticeNo']),
          ...deferred.map((d) => tr('cases.caseEvents.deferredDueBy', { name: d.name, dueDate: d.dueDate })),
        ]),
        color: 'green',
      };
    }
    case 'refused':
      return {
        title: tr('cases.caseEvents.notAccepted'),
        detail: tr('cases.caseEvents.applyTo', { v0: str(p['reason']), v1: str(p['redirectTo']) }),
        color: 'red',
      };
    case 'deferred_received':
      return {
        title: tr('cases.caseEvents.deferredMaterialReceived'),
        detail: names(p['names']),
        color: 'green',
      };
    case 'step_completed':
      return {
        title: tr('cases.caseEvents.reviewStepCompleted'),
        detail: tr('cases.caseEvents.opinion', { v0: str(p['opinion']) }),
        color: 'green',
      };
    case 'returned':
      return {
        title: tr('cases.caseEvents.returnToThePrevious'),
        detail: tr('cases.caseEvents.reason', { v0: str(p['reason']) }),
        color: 'orange',
      };
    case 'transferred': {
      // Events recorded before the receiver's name was kept carry only the reason.
      const to = str(p['toName']);
      return {
        title: tr('cases.caseEvents.transfer'),
        detail: tr('cases.caseEvents.reason2', {
          v0: to ? tr('cases.caseEvents.to', { to }) : '',
          v1: str(p['reason']),
        }),
        color: 'blue',
      };
    }
    case 'urged':
      return { title: tr('cases.caseEvents.urge'), detail: str(p['note']), color: 'orange' };
    case 'suspended':
      return {
        title: tr('cases.caseEvents.suspended', {
          v0: labelsOf(SUSPENSION_KIND_LABELS)[p['kind'] as SuspensionKind] ?? str(p['kind']),
        }),
        detail: tr('cases.caseEvents.expectedDays', {
          v0: String(p['expectedDays'] ?? ''),
          v1: p['countsInLimit']
            ? tr('cases.caseEvents.countsTowardsTheTime')
            : tr('cases.caseEvents.doesNotCountTowards'),
        }),
        color: 'gray',
      };
    case 'resumed':
      return { title: tr('cases.caseEvents.resumeTheClock'), detail: '', color: 'blue' };
    case 'extension_requested':
      return {
        title: tr('cases.caseEvents.requestExtension'),
        detail: tr('cases.caseEvents.workingDays', { v0: String(p['days'] ?? ''), v1: str(p['reason']) }),
        color: 'orange',
      };
    case 'extension_decided':
      return {
        title: p['approved']
          ? tr('cases.caseEvents.approveExtension')
          : tr('cases.caseEvents.rejectExtension'),
        detail: noticeNo(p['noticeNo']),
        color: p['approved'] ? 'green' : 'red',
      };
    case 'decided':
      return {
        title: `${p['instant'] ? tr('cases.caseEvents.concludedOnTheSpot') : tr('cases.caseEvents.decision')}${p['outcome'] === 'grant' ? tr('cases.caseEvents.grant') : tr('cases.caseEvents.refuse')}`,
        detail: [str(p['opinion']), str(p['reason']), str(p['legalBasis'])].filter(Boolean).join('；'),
        color: p['outcome'] === 'grant' ? 'green' : 'red',
      };
    case 'license_issued':
      return {
        title: tr('cases.caseEvents.eLicenseIssued'),
        detail: <DottedId id={str(p['licenseId'])} />,
        color: 'green',
      };
    case 'delivery_prepared':
      return {
        title: tr('cases.caseEvents.deliveryPrepared', {
          v0: labelsOf(DELIVERY_METHOD_LABELS)[p['method'] as DeliveryMethod] ?? '',
        }),
        detail: p['trackingNo'] ? tr('cases.caseEvents.trackingNumber', { v0: str(p['trackingNo']) }) : '',
        color: 'blue',
      };
    case 'delivered':
      return {
        title: tr('cases.caseEvents.delivered'),
        detail: tr('cases.caseEvents.receivedBy', { v0: str(p['receivedBy']) }),
        color: 'green',
      };
    case 'visit':
      return { title: tr('cases.caseEvents.visit'), detail: str(p['purpose']), color: 'gray' };
    case 'withdrawn':
      return {
        title: tr('cases.caseEvents.withdrawnByTheApplicant'),
        detail: str(p['reason']),
        color: 'gray',
      };
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

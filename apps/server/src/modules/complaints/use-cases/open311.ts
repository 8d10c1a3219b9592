// Open311 GeoReport v2 over the same records: public, rate-limited, no personal data (SEC-2).
import { COMPLAINT_TYPE_LABELS, ComplaintType, type Open311Request } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { badRequest } from '../../../platform/errors';
import type { Executor } from '../../../platform/db';
import { ComplaintError } from '../complaints.errors';
import { submitPublicComplaint } from './intake-complaint';

export function listOpen311Services() {
  return ComplaintType.options.map((t) => ({
    service_code: t,
    service_name: COMPLAINT_TYPE_LABELS[t],
    description: `政务服务${COMPLAINT_TYPE_LABELS[t]}`,
    metadata: false,
    type: 'batch' as const,
    keywords: COMPLAINT_TYPE_LABELS[t],
    group: '政务服务',
  }));
}

type Row = {
  orderNo: string;
  status: string;
  type: string;
  content: string;
  title: string;
  replyText: string | null;
  leadName: string | null;
  receivedAt: Date;
  updatedAt: Date;
  dueDate: string;
  address: string;
  lat: number | null;
  lng: number | null;
};

function toRequest(r: Row): Open311Request {
  const closed = r.status === 'closed' || r.status === 'merged';
  return {
    service_request_id: r.orderNo,
    status: closed ? 'closed' : 'open',
    // The reply to the complainant is theirs; the public sees only that it was answered.
    status_notes: closed ? '已办结' : r.replyText ? '已答复，待回访' : '办理中',
    service_name: COMPLAINT_TYPE_LABELS[r.type as ComplaintType],
    service_code: r.type,
    description: r.title,
    agency_responsible: r.leadName,
    service_notice: null,
    requested_datetime: r.receivedAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: new Date(`${r.dueDate}T18:00:00+08:00`).toISOString(),
    address: r.address || null,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: null,
  };
}

function query(db: Executor, region: string) {
  return (
    db
      .selectFrom('complaint as c')
      .leftJoin('department as d', 'd.id', 'c.leadDepartmentId')
      .select([
        'c.orderNo',
        'c.status',
        'c.type',
        'c.content',
        'c.title',
        'c.replyText',
        'd.name as leadName',
        'c.receivedAt',
        'c.updatedAt',
        'c.dueDate',
        'c.address',
        'c.lat',
        'c.lng',
      ])
      .where('c.regionCode', '=', region)
      // Only what the public filed or may see: 举报 (reports about people) never leave the system.
      .where('c.type', '!=', 'report')
      .where('c.anonymous', 'in', [true, false])
  );
}

export async function listOpen311Requests(
  deps: Deps,
  region: string,
  q: {
    service_request_id?: string;
    service_code?: string;
    start_date?: string;
    end_date?: string;
    status?: string;
  },
) {
  let sel = query(deps.db, region);
  if (q.service_request_id) sel = sel.where('c.orderNo', 'in', q.service_request_id.split(',').slice(0, 50));
  if (q.service_code) sel = sel.where('c.type', '=', q.service_code as ComplaintType);
  const date = (s: string) => {
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) throw badRequest('日期格式应为 W3C 格式（ISO 8601）');
    return d;
  };
  if (q.start_date) sel = sel.where('c.receivedAt', '>=', date(q.start_date));
  if (q.end_date) sel = sel.where('c.receivedAt', '<=', date(q.end_date));
  if (q.status === 'open') sel = sel.where('c.status', 'not in', ['closed', 'merged']);
  else if (q.status === 'closed') sel = sel.where('c.status', 'in', ['closed', 'merged']);
  else if (q.status) throw badRequest('status 只能是 open 或 closed');
  // GeoReport v2: 90 days and 1000 requests by default.
  if (!q.start_date && !q.service_request_id)
    sel = sel.where('c.receivedAt', '>=', new Date(deps.clock.now().getTime() - 90 * 86_400_000));
  const rows = await sel.orderBy('c.receivedAt', 'desc').limit(1000).execute();
  return rows.map(toRequest);
}

export async function getOpen311Request(deps: Deps, region: string, id: string) {
  const row = await query(deps.db, region).where('c.orderNo', '=', id).executeTakeFirst();
  // SEC-2: not found looks the same whatever the reason.
  if (!row) throw new ComplaintError('COMPLAINT_NOT_FOUND');
  return [toRequest(row)];
}

export async function postOpen311Request(
  deps: Deps,
  actor: Actor,
  region: string,
  input: {
    service_code: ComplaintType;
    description: string;
    address_string?: string;
    lat?: number;
    long?: number;
    first_name?: string;
    last_name?: string;
    phone?: string;
  },
) {
  const name = `${input.last_name ?? ''}${input.first_name ?? ''}`.trim();
  const phone = (input.phone ?? '').trim();
  const named = !!name && /^1\d{10}$/.test(phone);
  const r = await submitPublicComplaint(
    deps,
    actor,
    {
      regionCode: region,
      channel: 'online',
      type: input.service_code,
      title: input.description.slice(0, 30),
      content: input.description,
      anonymous: !named,
      complainantName: named ? name : '',
      phone: named ? phone : '',
    },
    { address: input.address_string ?? '', lat: input.lat ?? null, lng: input.long ?? null },
  );
  return [{ service_request_id: r.orderNo, service_notice: r.message, account_id: null }];
}

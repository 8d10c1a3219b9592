import { NOTICE_KIND_LABELS, type CaseNotice, type NoticeKind } from '@tongban/contracts';
import { uuidv7 } from '../../platform/crypto';
import { executeBatch, type Executor } from '../../platform/db';
import { findRegionName } from '../org';
import { type ApplicantRow } from './applicants/applicants.repository';
import { CaseCtx } from './case-context';
import { chineseDate, formatNoticeNo, noticeTitle, type NoticeContent } from './case-notice';
import * as repo from './cases.repository';
import { type NoticeRow } from './cases.repository';

// ── Notices (ACC-2) ─────────────────────────────────────────────────────────

export const regionShortCache = new Map<string, string>();
export async function regionShort(db: Executor, code: string): Promise<string> {
  const hit = regionShortCache.get(code);
  if (hit) return hit;
  const name = (await findRegionName(db, code)) ?? code;
  const short = name.length > 2 ? name.replace(/(县|区|市|镇|乡)$/, '') : name;
  regionShortCache.set(code, short);
  return short;
}

/** Who a case is for, as notices and licenses name them. */
export type Holder = Pick<ApplicantRow, 'id' | 'name' | 'idNumberMasked'>;

/**
 * Numbers from gap-free sequences (notice numbers, license serials), all in one round trip. Their
 * rows stay locked until commit, so numbers are taken after every other read of the transition,
 * and a rollback gives them back.
 */
export async function allocate(
  ctx: Pick<CaseCtx, 'tx' | 'numbers'> & { row: Pick<CaseCtx['row'], 'regionCode'> },
  names: readonly string[],
): Promise<number[]> {
  // Those taken already in the transition's opening round trip first (each name once).
  const out = names.map((name) => {
    const n = ctx.numbers?.get(name);
    if (n !== undefined) ctx.numbers!.delete(name);
    return n;
  });
  const missing = names.filter((_, i) => out[i] === undefined);
  if (missing.length === 0) return out as number[];
  const rows = await executeBatch(
    ctx.tx,
    missing.map((name) => repo.nextSequenceQuery(ctx.tx, ctx.row.regionCode, name)),
  );
  let next = 0;
  return out.map((n) => n ?? rows[next++]![0]!.last);
}

export function noticeSequence(ctx: Pick<CaseCtx, 'today'>, kind: NoticeKind): string {
  return `notice:${kind}:${ctx.today.slice(0, 4)}`;
}

/** What a notice needs of its case's transition (or of a bundle branch's intake). */
export type NoticeCtx = Pick<CaseCtx, 'tx' | 'item' | 'holder' | 'now' | 'today' | 'writes'> & {
  row: Pick<CaseCtx['row'], 'id' | 'regionCode' | 'caseNo'>;
};

/**
 * ACC-2: a numbered notice. Its number is the given serial of the notice sequence, or the next one
 * taken here (see allocate).
 */
export async function issueNotice(
  ctx: NoticeCtx,
  kind: NoticeKind,
  body: { paragraphs: string[]; list?: { name: string; note: string }[]; extra?: Record<string, unknown> },
  allocated?: number,
): Promise<{ id: string; noticeNo: string }> {
  const year = Number(ctx.today.slice(0, 4));
  const short = await regionShort(ctx.tx, ctx.row.regionCode);
  const serial = allocated ?? (await allocate(ctx, [noticeSequence(ctx, kind)]))[0]!;
  const noticeNo = formatNoticeNo(short, kind, year, serial);
  const content: NoticeContent = {
    title: noticeTitle(kind),
    noticeNo,
    caseNo: ctx.row.caseNo,
    itemName: ctx.item.name,
    addressee: ctx.holder.name,
    paragraphs: body.paragraphs,
    list: body.list ?? [],
    issuer: ctx.item.departmentName,
    dateText: chineseDate(ctx.today),
    issuedOn: ctx.today,
    ...body.extra,
  };
  const id = uuidv7();
  ctx.writes.push(
    repo.insertNotice(ctx.tx, {
      id,
      regionCode: ctx.row.regionCode,
      caseId: ctx.row.id,
      kind,
      year,
      serial,
      noticeNo,
      issuedAt: ctx.now,
      content: JSON.stringify(content),
    }),
  );
  return { id, noticeNo };
}

/**
 * A notice as read. SEC-2: the case's 查询码 is added to what is shown and printed (the receipt
 * tells the applicant how to track the case), not stored in the notice's content.
 */
export function toNotice(r: NoticeRow, queryCode: string | null = null): CaseNotice {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    title: NOTICE_KIND_LABELS[r.kind],
    noticeNo: r.noticeNo,
    issuedAt: new Date(r.issuedAt).toISOString(),
    content: queryCode
      ? { ...(r.content as Record<string, unknown>), queryCode }
      : (r.content as Record<string, unknown>),
  };
}

import { type TrackInput } from '@tongban/contracts';
import { type Deps } from '../../platform/app-types';
import { type Executor } from '../../platform/db';
import * as repo from './cases.repository';
import { trackedCase } from './portal/use-cases/track-case';

// ── For the evaluations module (好差评, issue 17) ─────────────────────────

export type CaseRef = {
  id: string;
  regionCode: string;
  caseNo: string;
  status: string;
  concluded: boolean;
  decidedAt: Date | null;
  departmentId: string;
  departmentName: string;
  itemId: string;
  itemName: string;
  channel: string;
};

export function toCaseRef(r: NonNullable<Awaited<ReturnType<typeof repo.findCaseRef>>>): CaseRef {
  return {
    id: r.id,
    regionCode: r.regionCode,
    caseNo: r.caseNo,
    status: r.status,
    concluded: (repo.CONCLUDED_STATUSES as readonly string[]).includes(r.status),
    decidedAt: r.decidedAt,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    itemId: r.itemId,
    itemName: r.itemName,
    channel: r.channel,
  };
}

/** A case by id, with what a rating records about it; undefined when there is none. */
export async function findCaseRef(
  db: Executor,
  regionCode: string,
  caseId: string,
): Promise<CaseRef | undefined> {
  const r = await repo.findCaseRef(db, regionCode, caseId);
  return r ? toCaseRef(r) : undefined;
}

/** SEC-2: the case of a case number + 查询码 (the tracking credentials), or the tracking 404. */
export async function findTrackedCaseRef(deps: Deps, input: TrackInput): Promise<CaseRef> {
  const row = await trackedCase(deps, input);
  return toCaseRef((await repo.findCaseRef(deps.db, row.regionCode, row.id))!);
}

/** The people who acted on a case (from its log): who "handled" it. */
export function listCaseActors(db: Executor, regionCode: string, caseId: string) {
  return repo.listCaseActors(db, regionCode, caseId);
}

/** EVAL-4's denominator: concluded cases per department, item, channel and month. */
export async function countConcludedCases(
  db: Executor,
  f: { regionLike: string; from: Date; to: Date; departmentId?: string },
) {
  const rows = await repo.countConcluded(db, f);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export function listConcludedCasesBetween(db: Executor, from: Date, to: Date, limit = 500) {
  return repo.listConcludedBetween(db, from, to, limit);
}

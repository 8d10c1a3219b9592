import { regionCovers, regionPrefix, type InspectionInput, type MeasureInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { type FilePolicy } from '../../platform/files';
import { shanghaiToday } from '../../platform/time';
import { LedgerError } from './ledger.errors';
import * as repo from './ledger.repository';
import { findUserBrief } from '../auth';
import { findDepartmentBrief } from '../org';

export const EVIDENCE_POLICY: FilePolicy = {
  maxBytes: 20 * 1024 * 1024,
  mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'],
};

export const today = (deps: Deps) => shanghaiToday(deps.clock.now());

export function assertIn(actor: Actor, action: Parameters<typeof assertAccess>[1], regionCode: string) {
  assertAccess(actor, action);
  if (actor.role !== 'system' && !regionCovers(actor.regionCode, regionCode))
    throw new LedgerError('LEDGER_OUT_OF_REGION');
}

export async function getInspection(
  db: Executor,
  actor: Actor,
  id: string,
  action: 'ledger.read' | 'ledger.write',
) {
  assertAccess(actor, action);
  const i = await repo.findInspection(db, id);
  if (!i) throw notFound('巡察', id);
  assertIn(actor, action, i.regionCode);
  return i;
}

export async function getFinding(
  db: Executor,
  actor: Actor,
  id: string,
  action: Parameters<typeof assertAccess>[1],
) {
  assertAccess(actor, action);
  const f = await repo.findFinding(db, id);
  if (!f) throw notFound('问题', id);
  assertIn(actor, action, f.regionCode);
  return f;
}

export async function getMeasure(
  db: Executor,
  actor: Actor,
  id: string,
  action: Parameters<typeof assertAccess>[1],
  forUpdate = false,
) {
  assertAccess(actor, action);
  const m = await repo.findMeasure(db, id, forUpdate);
  if (!m) throw notFound('整改措施', id);
  assertIn(actor, action, m.regionCode);
  return m;
}

/** Department and owner must exist in the record's region. */
export async function checkRefs(
  db: Executor,
  regionCode: string,
  refs: { departmentId?: string | null | undefined; ownerUserId?: string | null | undefined },
) {
  if (refs.departmentId) {
    const d = await findDepartmentBrief(db, refs.departmentId);
    if (!d || !regionCovers(regionCode.slice(0, 6), d.regionCode))
      throw new LedgerError('LEDGER_BAD_REFERENCE', '责任部门不存在或不在本辖区');
  }
  if (refs.ownerUserId) {
    const u = await findUserBrief(db, refs.ownerUserId, `${regionPrefix(regionCode.slice(0, 6))}%`);
    if (!u || !regionCovers(regionCode.slice(0, 6), u.regionCode))
      throw new LedgerError('LEDGER_BAD_REFERENCE', '责任人不存在或不在本辖区');
  }
}

export async function checkFindingInInspection(
  db: Executor,
  inspectionId: string,
  findingId: string | null | undefined,
) {
  if (!findingId) return;
  const f = await repo.findFinding(db, findingId);
  if (!f || f.inspectionId !== inspectionId)
    throw new LedgerError('LEDGER_BAD_REFERENCE', '关联的问题不属于该巡察');
}

export function inspectionValues(input: Partial<InspectionInput>) {
  const v: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(input)) if (val !== undefined) v[k] = val;
  return v;
}

export function measureValues(regionCode: string, findingId: string, sortOrder: number, m: MeasureInput) {
  return {
    regionCode,
    findingId,
    sortOrder,
    content: m.content,
    leader: m.leader ?? '',
    departmentId: m.departmentId ?? null,
    ownerUserId: m.ownerUserId ?? null,
    dueDate: m.dueDate ?? null,
    kind: m.kind,
    recurPeriod: m.kind === 'ongoing' ? (m.recurPeriod ?? null) : null,
  };
}

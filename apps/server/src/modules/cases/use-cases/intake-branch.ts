import { type ApplicantInput, type CatalogVersion } from '@tongban/contracts';
import { type Compilable } from 'kysely';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { type Tx } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { findOrRegisterApplicant } from '../applicants/applicants';
import * as applicantsRepo from '../applicants/applicants.repository';
import { Holder, noticeSequence } from '../case-documents';
import { formatCaseNo, getItemForIntake, prepareIntake } from '../case-intake';
import { rememberRegion } from '../case-transition';
import { notify } from '../cases-notices';
import { CasesError } from '../cases.errors';
import * as repo from '../cases.repository';
import { acceptanceNotice } from './accept-case';

/** Issue 20: the live version of an item a bundle branch is filed under (region-checked). */
export function getBranchItem(deps: Deps, actor: Actor, itemId: string): Promise<CatalogVersion> {
  return getItemForIntake(deps, actor, itemId);
}

export type BranchSpec = {
  /** From getBranchItem, read before the bundle's transaction. */
  item: CatalogVersion;
  /** Chosen by the bundle, which locks the branches' audit chains before any of them is written. */
  caseId: string;
  channel: 'window' | 'online';
  /** SEC-1: the contact typed online belongs to the case. */
  contact?: { name: string; phone: string };
  materials: { name: string; status: 'provided' | 'missing' | 'not_applicable' }[];
  /** 一窗受理: accepted on the spot (its materials must be complete, as for accept). */
  accept: boolean;
};

/** A branch case as filed: its rows and notices as writes, its audit entries for the caller's chains. */
export type FiledBranch = {
  caseId: string;
  caseNo: string;
  applicant: Holder;
  item: CatalogVersion;
  accepted: boolean;
  writes: Compilable[];
  audit: { action: string; entityType: 'case'; entityId: string; summary: Record<string, unknown> }[];
};

/**
 * Issue 20 (docs/adr/0007): files a bundle's branch cases inside the bundle's transaction in two
 * steps, so that the region's gap-free counters are taken last and held only for the final write:
 *
 * - this function reads what intake reads (the applicant — given by id at the window, found or
 *   registered once online, SEC-1: an existing applicant is never changed — and each branch's
 *   materials) and returns `numbers`: every branch's case number in one statement, and the
 *   acceptance notices' numbers in another, per region, for the caller's locking round trip;
 * - `finish(rows)` builds each branch: its case with the events submitted, visit and — accepted on
 *   the spot — accepted (as accept would: ACC-2 notice, SMS), its materials, and its audit entries
 *   (case.submit, case.accept) for the caller to write on the chains it locked.
 */
export async function prepareBranches(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  applicant: { id: string } | { input: ApplicantInput },
  specs: readonly BranchSpec[],
) {
  const region = specs[0]!.item.regionCode.slice(0, 6);
  const holder =
    'input' in applicant
      ? await findOrRegisterApplicant(deps, tx, region, applicant.input)
      : await applicantsRepo.findApplicant(tx, region, applicant.id);
  if (!holder || specs.some((s) => s.item.regionCode.slice(0, 6) !== holder.regionCode))
    throw new CasesError('APPLICANT_UNKNOWN');
  const filer = (s: BranchSpec) => ({ ...actor, regionCode: actor.regionCode || s.item.regionCode });
  const prepared: Awaited<ReturnType<typeof prepareIntake>>[] = [];
  for (const s of specs) {
    const p = await prepareIntake(deps, tx, {
      item: s.item,
      applicant: holder,
      agent: null,
      caseId: s.caseId,
      channel: s.channel,
      contact: s.contact,
      materials: new Map(s.materials.map((m) => [m.name, { status: m.status }])),
    });
    // What accept refuses is refused before any number is taken (nothing written either way).
    const missing = p.materials.filter((m) => m.status === 'missing').map((m) => m.name);
    if (s.accept && missing.length) throw new CasesError('CASE_MATERIALS_MISSING', undefined, { missing });
    prepared.push(p);
  }
  // Per region and day (a bundle's items are normally of one region): how many case numbers, how
  // many acceptance notices; one statement each, in key order (the same order in every intake).
  const keyOf = (i: number) => `${specs[i]!.item.regionCode}|${prepared[i]!.day}`;
  const keys = [...new Set(specs.map((_, i) => keyOf(i)))].sort();
  const groups = keys.map((key) => {
    const members = specs.flatMap((s, i) => (keyOf(i) === key ? [{ s, i }] : []));
    const first = prepared[members[0]!.i]!;
    return {
      key,
      regionCode: members[0]!.s.item.regionCode,
      day: first.day,
      cases: members.length,
      notices: members.filter((m) => m.s.accept).length,
      sequence: noticeSequence({ today: shanghaiToday(first.now) }, 'accept'),
    };
  });
  const numbers = groups.flatMap((g) => [
    repo.nextCaseSerialsQuery(tx, g.regionCode, g.day, g.cases),
    ...(g.notices ? [repo.nextSequencesQuery(tx, g.regionCode, g.sequence, g.notices)] : []),
  ]);

  const finish = async (rows: readonly unknown[][]): Promise<FiledBranch[]> => {
    // The numbers of each group, handed out in the branches' order.
    const next = new Map<string, { caseNo: number; notice: number }>();
    let k = 0;
    for (const g of groups) {
      const lastCase = (rows[k++]![0] as { last: number }).last;
      const lastNotice = g.notices ? (rows[k++]![0] as { last: number }).last : 0;
      next.set(g.key, { caseNo: lastCase - g.cases + 1, notice: lastNotice - g.notices + 1 });
    }
    const out: FiledBranch[] = [];
    for (const [i, s] of specs.entries()) {
      const p = prepared[i]!;
      const n = next.get(keyOf(i))!;
      const by = filer(s);
      const serial = n.caseNo++;
      const caseNo = formatCaseNo(s.item.regionCode, p.day, serial);
      const writes: Compilable[] = [];
      const more = [];
      let noticeNo: string | undefined;
      if (s.accept) {
        const notice = await acceptanceNotice(
          {
            tx,
            row: { id: s.caseId, regionCode: s.item.regionCode, caseNo },
            item: s.item,
            holder,
            now: p.now,
            today: shanghaiToday(p.now),
            writes,
            state: { receivedAt: p.now },
          },
          [],
          false,
          n.notice++,
        );
        noticeNo = notice.noticeNo;
        more.push({ type: 'accepted' as const, noticeNo, deferred: [], deemed: false });
      }
      const made = p.finish(by, serial, more);
      writes.push(...made.writes);
      if (s.accept) {
        const acceptedEvent = made.appended.filter((a) => a.event.type === 'accepted');
        await notify({ tx, row: made.row, item: s.item, writes }, acceptedEvent, made.next);
      }
      rememberRegion(s.caseId, s.item.regionCode);
      const audit: FiledBranch['audit'] = made.audit.map(([action, summary]) => ({
        action,
        entityType: 'case',
        entityId: s.caseId,
        summary,
      }));
      if (s.accept)
        audit.push({
          action: 'case.accept',
          entityType: 'case',
          entityId: s.caseId,
          summary: { caseNo, events: ['accepted'], version: made.next.version, noticeNo },
        });
      out.push({
        caseId: s.caseId,
        caseNo,
        applicant: holder,
        item: s.item,
        accepted: s.accept,
        writes,
        audit,
      });
    }
    return out;
  };
  return { applicant: holder, numbers, finish };
}

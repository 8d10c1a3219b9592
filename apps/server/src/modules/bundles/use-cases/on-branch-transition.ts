import type { Action, BranchStatus } from '@tongban/contracts';
import type { Compilable, Updateable } from 'kysely';
import { executeBatch, type Tx } from '../../../platform/db';
import type { BundleBranchRow, BundleCaseRow } from '../../../platform/db-types';
import { enqueueWrite } from '../../../platform/outbox';
import type { DB } from '../../../platform/db-types';
import type { CaseTransition } from '../../cases';
import { bundleNotices } from '../bundles-notices';
import { BundlesError } from '../bundles.errors';
import { branchStatusAfter, bundleStatusAfter, checkSodAcrossBranches, waitingFor } from '../bundles.policy';
import * as repo from '../bundles.repository';

type BranchLink = { regionCode: string; bundleCaseId: string };
/**
 * Whether a case is a bundle branch, and of which bundle, as this process has seen it. A case is
 * a branch of one bundle from the transaction that creates it and forever after, so both the link
 * and "not a branch" (false) can be remembered.
 */
const branchCache = new Map<string, BranchLink | false>();
/** What a process that has just started knows: no case's link (tests use it to be one). */
export function forgetBranches() {
  branchCache.clear();
}
export function rememberBranch(caseId: string, link: BranchLink | false) {
  if (branchCache.size >= 100_000) branchCache.clear();
  branchCache.set(caseId, link);
}

const RELEVANT = new Set([
  'supplement_requested',
  'supplement_received',
  'accepted',
  'refused',
  'decided',
  'withdrawn',
  'step_completed',
  'license_issued',
]);

/**
 * The join's reads: the bundle locked, its branches and its last event number behind it. A step of
 * the back office (stepOnly) changes no branch's status: it locks the bundle shared, so the review
 * steps of a bundle's branches run side by side, while a status change waits for them and they for it
 * (the prerequisite and SOD-1 checks read statuses and hands only a status change or a decision moves).
 */
function joinReads(tx: Tx, link: BranchLink, shared = false) {
  return [
    repo.lockBundleQuery(tx, link.regionCode, link.bundleCaseId, shared),
    repo.listBranchesQuery(tx, link.regionCode, link.bundleCaseId),
    repo.lastEventSeqQuery(tx, link.regionCode, link.bundleCaseId),
  ];
}

/**
 * Registered with the cases module (onCaseTransition): a branch's transition, in its transaction.
 * It locks the bundle row (the join's lock: the last branches of a bundle pass one at a time, and
 * the one that finds every branch concluded concludes the bundle — exactly once), refuses review or
 * decision while a prerequisite branch is not granted, and SOD-1 across branches.
 * Lock order is always the case, then its bundle, so branch transitions cannot deadlock.
 *
 * One round trip: the bundle locked, its branches and its last event number read behind it; what
 * changes (the branch, the bundle's events, the bundle, the notice) joins the transition's own
 * writes, sent with its COMMIT — the bundle's lock is held for that one round trip more.
 */
export async function onBranchTransition(t: CaseTransition): Promise<void> {
  await joinBundle(t);
}

/**
 * The join's reads go in the transition's opening round trip, right behind the case's lock, for the
 * actions that move a branch (受理/补正/不予受理/撤回 at the window, review and decision) of a case
 * this process knows to be a branch: so a decision takes its gap-free notice and license numbers
 * after the bundle's lock, never holding them while it waits for a sibling branch.
 */
onBranchTransition.opening = (
  tx: Tx,
  caseId: string,
  action: Action,
  kind: { stepOnly: boolean; regionCode: string },
): readonly Compilable[] => {
  if (action !== 'case.intake' && action !== 'case.review') return [];
  const link = branchCache.get(caseId);
  if (link === false) return [];
  if (link) return joinReads(tx, link, kind.stepOnly);
  // Not seen by this process (a new case, or after a restart): whether it is a branch, in the same
  // round trip, so finding out costs no round trip of its own; in the guessed region only (below).
  let asked = lookups.get(tx);
  if (!asked) lookups.set(tx, (asked = new Map()));
  asked.set(caseId, kind.regionCode);
  return [repo.findBranchByCaseQuery(tx, kind.regionCode, caseId)];
};
/** The branch lookups a transaction's opening round trip sent: case → the region looked in. */
const lookups = new WeakMap<Tx, Map<string, string>>();

async function joinBundle(t: CaseTransition): Promise<void> {
  const lookedIn = lookups.get(t.tx)?.get(t.caseId);
  lookups.get(t.tx)?.delete(t.caseId);
  const opened = lookedIn === undefined ? t.opened : undefined;
  if (lookedIn !== undefined && lookedIn === t.regionCode) {
    // The opening asked whether the case is a branch, in the case's own region: the answer stands.
    const [found] = (t.opened?.[0] ?? []) as BranchLink[];
    rememberBranch(
      t.caseId,
      found ? { regionCode: found.regionCode, bundleCaseId: found.bundleCaseId } : false,
    );
  }
  if (!t.events.some((e) => RELEVANT.has(e.type))) return;
  const known = branchCache.get(t.caseId);
  if (known === false) return;
  const link = known ?? (await repo.findBranchByCase(t.tx, t.regionCode, t.caseId));
  rememberBranch(t.caseId, link ? { regionCode: link.regionCode, bundleCaseId: link.bundleCaseId } : false);
  if (!link) return;
  const [[bundle], branches, [last]] = (opened ??
    (await executeBatch(t.tx, joinReads(t.tx, link, t.stepOnly)))) as [
    BundleCaseRow[],
    BundleBranchRow[],
    { seq: number | null }[],
  ];
  if (!bundle) return;
  let seq = last?.seq ?? 0;
  const me = branches.find((b) => b.caseId === t.caseId)!;
  const set: Updateable<DB['bundleBranch']> = {};
  let changed: BranchStatus | undefined;
  let asked: string[] | undefined;
  for (const e of t.events) {
    if (e.type === 'step_completed' || e.type === 'decided') {
      const waits = waitingFor(me, branches);
      if (waits.length)
        throw new BundlesError('BUNDLE_BRANCH_WAITING', undefined, {
          waitingFor: waits.map((w) => branches.find((b) => b.itemId === w)?.itemName),
        });
      const sod = checkSodAcrossBranches(
        e.type === 'decided' ? 'decide' : 'review',
        t.actor.userId,
        branches,
      );
      if (sod) throw new BundlesError(sod);
      if (t.actor.userId) {
        const key = e.type === 'decided' ? 'deciders' : 'reviewers';
        set[key] = [...me[key], t.actor.userId];
      }
    }
    if (e.type === 'license_issued') set.licenseId = e.licenseId;
    if (e.type === 'supplement_requested') asked = e.items.map((i) => i.name);
    const next = branchStatusAfter(e.type, e.type === 'decided' ? e.outcome : undefined);
    if (!next) continue;
    changed = next;
    set.status = next;
    if (e.type === 'accepted') set.acceptedAt = t.now;
    if (next === 'supplement_requested') set.pausedSince = t.now;
    if (e.type === 'supplement_received') set.pausedSince = null;
    if (['granted', 'denied', 'refused', 'withdrawn'].includes(next)) set.concludedAt = t.now;
  }
  if (Object.keys(set).length === 0) return;
  t.writes.push(repo.updateBranchWrite(t.tx, link.regionCode, t.caseId, set));
  if (!changed) return;
  // A status change under a shared lock would race its siblings: a step never makes one.
  if (t.stepOnly) throw new Error('bundles: a step-only transition changed a branch status');
  const after = branches.map((b) => (b.caseId === t.caseId ? { ...b, status: changed } : b));
  const events: Parameters<typeof repo.insertEvents>[1] = [];
  const event = (type: string, payload: Record<string, unknown>) =>
    events.push({
      regionCode: bundle.regionCode,
      bundleCaseId: bundle.id,
      seq: ++seq,
      type,
      payload,
      actorId: t.actor.userId,
      at: t.now,
    });
  // ACC-1 for the bundle's tracking page: what the paused branch asks for, all at once.
  if (asked) event('supplement_asked', { caseNo: me.caseNo, itemName: me.itemName, items: asked });
  event(`branch_${changed}`, { caseNo: me.caseNo, itemName: me.itemName });
  const status = bundleStatusAfter(bundle.status, after, changed);
  if (status === bundle.status) {
    t.writes.push(repo.insertEvents(t.tx, events));
    return;
  }
  const concluded = status === 'concluded' || status === 'withdrawn';
  t.writes.push(repo.updateBundle(t.tx, bundle, { status, ...(concluded ? { concludedAt: t.now } : {}) }));
  event(
    status,
    concluded
      ? { branches: after.map((b) => ({ caseNo: b.caseNo, status: b.status })) }
      : { caseNo: me.caseNo },
  );
  t.writes.push(repo.insertEvents(t.tx, events));
  const to = {
    regionCode: bundle.regionCode,
    bundleId: bundle.id,
    bundleNo: bundle.bundleNo,
    name: bundle.name,
    applicantId: bundle.applicantId,
    caseId: branches[0]!.caseId,
  };
  const notice =
    status === 'awaiting_choice'
      ? bundleNotices.awaitingChoice(to, me.itemName)
      : status === 'concluded'
        ? bundleNotices.concluded(to)
        : status === 'withdrawn'
          ? bundleNotices.withdrawn(to)
          : null;
  if (notice)
    t.writes.push(enqueueWrite(t.tx, { ...notice, dedupeKey: `${notice.dedupeKey}:${t.now.getTime()}` }));
}

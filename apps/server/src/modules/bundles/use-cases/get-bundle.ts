import type {
  BundleDetail,
  BundleList,
  BundleListQuery,
  BundleTrackInput,
  BundleTrackResult,
} from '@tongban/contracts';
import { timingSafeEqual } from 'node:crypto';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { regionCovers } from '@tongban/contracts';
import type { CompiledCalendar } from '@tongban/calendar';
import { getCalendar } from '../../calendar';
import type {
  BundleBranchRow,
  BundleCaseRow,
  BundleEventRow,
  BundleLicenseRow,
} from '../../../platform/db-types';
import { BundlesError } from '../bundles.errors';
import { allowedBundleActions } from '../bundles.policy';
import * as repo from '../bundles.repository';
import { toBundleLicense, viewBundle } from '../bundles.read-model';
import { bundleQueryHash } from './intake-bundle';

export async function listBundles(deps: Deps, actor: Actor, q: BundleListQuery): Promise<BundleList> {
  assertAccess(actor, 'bundle.read');
  const [rows, count] = await repo.listBundles(deps.db, regionScopeLike(actor), q);
  const branches = await Promise.all(rows.map((r) => repo.listBranches(deps.db, r.regionCode, [r.id])));
  const now = deps.clock.now();
  const items = await Promise.all(
    rows.map(async (r, k) => viewBundle(await getCalendar(deps, r.regionCode), now, r, branches[k]!).summary),
  );
  return { items, total: Number(count.n) };
}

/** Reads a bundle in the actor's region (another region's does not exist for them). */
export async function loadBundle(deps: Deps, actor: Actor, id: string) {
  const b = await repo.findBundle(deps.db, regionScopeLike(actor), id);
  if (!b || (actor.role !== 'system' && !regionCovers(actor.regionCode, b.regionCode)))
    throw new BundlesError('BUNDLE_NOT_FOUND');
  return b;
}

export async function getBundle(deps: Deps, actor: Actor, id: string): Promise<BundleDetail> {
  assertAccess(actor, 'bundle.read');
  const b = await loadBundle(deps, actor, id);
  const [branches, events, license, calendar] = await Promise.all([
    repo.listBranches(deps.db, b.regionCode, [b.id]),
    repo.listEvents(deps.db, b.regionCode, b.id),
    repo.findLicenseOfBundle(deps.db, b.regionCode, b.id),
    getCalendar(deps, b.regionCode),
  ]);
  return bundleDetail(calendar, deps.clock.now(), b, branches, events, license);
}

/**
 * A bundle's detail from its rows: getBundle reads them; a change that holds them (the delivery)
 * builds its reply from them instead of reading them again.
 */
export function bundleDetail(
  calendar: CompiledCalendar,
  now: Date,
  b: BundleCaseRow,
  branches: BundleBranchRow[],
  events: readonly BundleEventRow[],
  license: BundleLicenseRow | undefined,
): BundleDetail {
  const v = viewBundle(calendar, now, b, branches);
  return {
    ...v.summary,
    legalLimitDays: v.legalLimitDays,
    extension:
      b.extensionStatus && b.extensionDays
        ? { days: b.extensionDays, reason: b.extensionReason ?? '', status: b.extensionStatus }
        : null,
    concludedAt: b.concludedAt ? new Date(b.concludedAt).toISOString() : null,
    deliveredAt: b.deliveredAt ? new Date(b.deliveredAt).toISOString() : null,
    formValues: b.formValues as Record<string, string>,
    branches: v.branches,
    license: license ? toBundleLicense(license) : null,
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: new Date(e.at).toISOString(),
      payload: e.payload as Record<string, unknown>,
    })),
    allowed: allowedBundleActions(b),
  };
}

const NO_BUNDLE = { id: '00000000-0000-0000-0000-000000000000', queryCodeHash: '0'.repeat(64) };

/** SEC-2: number + 查询码; an unknown number costs what a wrong code costs and answers the same. */
export async function findTrackedBundle(deps: Deps, input: BundleTrackInput) {
  const b = await repo.findBundleByNo(deps.db, input.bundleNo);
  const target = b ?? NO_BUNDLE;
  const given = Buffer.from(bundleQueryHash(deps, target.id, input.queryCode));
  const ok = timingSafeEqual(
    given,
    Buffer.from(target.queryCodeHash.padEnd(given.length, '0').slice(0, given.length)),
  );
  return b && ok ? b : null;
}

export async function trackBundle(deps: Deps, input: BundleTrackInput): Promise<BundleTrackResult> {
  const b = await findTrackedBundle(deps, input);
  if (!b) return { found: false, bundle: null };
  const [branches, license, calendar] = await Promise.all([
    repo.listBranches(deps.db, b.regionCode, [b.id]),
    repo.findLicenseOfBundle(deps.db, b.regionCode, b.id),
    getCalendar(deps, b.regionCode),
  ]);
  const v = viewBundle(calendar, deps.clock.now(), b, branches);
  const events = await repo.listEvents(deps.db, b.regionCode, b.id);
  const missing = new Map<string, string[]>();
  for (const e of events)
    if (e.type === 'supplement_asked') {
      const p = e.payload as { caseNo: string; items: string[] };
      missing.set(p.caseNo, p.items);
    }
  return {
    found: true,
    bundle: {
      bundleNo: b.bundleNo,
      name: b.name,
      status: b.status,
      statusLabel: v.summary.statusLabel,
      receivedAt: v.summary.receivedAt,
      legalDeadline: v.summary.legalDeadline,
      expectedFinish: v.summary.expectedFinish,
      branches: v.branches.map((x) => ({
        caseNo: x.caseNo,
        itemName: x.itemName,
        departmentName: x.departmentName,
        status: x.status,
        statusLabel: x.statusLabel,
        expectedFinish: x.expectedFinish,
        onCriticalPath: x.onCriticalPath,
        missing: x.status === 'supplement_requested' ? (missing.get(x.caseNo) ?? []) : [],
      })),
      licenseVerifyToken: license?.verifyToken ?? null,
      mayChoose: b.status === 'awaiting_choice',
    },
  };
}

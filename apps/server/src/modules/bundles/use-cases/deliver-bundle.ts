import { type Compilable } from 'kysely';
import { buildLicenseId, type BundleDeliver, type BundleDetail } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { executeBatch } from '../../../platform/db';
import type {
  BundleBranchRow,
  BundleCaseRow,
  BundleEventRow,
  BundleLicenseRow,
} from '../../../platform/db-types';
import { randomToken } from '../../../platform/crypto';
import { shanghaiToday } from '../../../platform/time';
import { auditChainsRead, auditEntryWrites } from '../../audit';
import { casesService } from '../../cases';
import { bundleNotices } from '../bundles-notices';
import { BundlesError } from '../bundles.errors';
import * as repo from '../bundles.repository';
import { bundleDetail, loadBundle } from './get-bundle';
import { retryOnDeadlock } from './intake-bundle';

/**
 * BUN-1 出件: one delivery hands over every branch's result, once, and only when every branch has
 * concluded (else 409, nothing changed). The decided branches are delivered through the cases
 * module in this transaction, batched (casesService.deliverBranches; ADR 0007): two round trips
 * for the lot, then the reply's read. 一业一证: when the theme issues a comprehensive industry license and
 * every branch was granted, it is issued here, listing the licenses it stands for.
 */
export async function deliverBundle(
  deps: Deps,
  actor: Actor,
  id: string,
  input: BundleDeliver,
): Promise<BundleDetail> {
  assertAccess(actor, 'bundle.deliver');
  const b = await loadBundle(deps, actor, id);
  // A bundle's branches are fixed at intake and its version never changes: the lanes its delivery
  // writes, and whether it issues a 一业一证 license, are known before it.
  const [fixed, v] = await Promise.all([
    repo.listBranches(deps.db, b.regionCode, [b.id]),
    repo.findVersion(deps.db, b.versionId, { regionCode: b.regionCode }),
  ]);
  const caseIds = fixed.map((x) => x.caseId);
  return retryOnDeadlock(() =>
    runCommand(deps, actor, async ({ tx, now }) => {
      // Every branch's delivery takes that case's audit lane: all of them first, in lane order,
      // so deliveries and intakes run side by side without deadlocking; then the bundle (the
      // join's lock), its branches and its last event number, then the branches' cases — their
      // deliveries batched (一窗出件: the comprehensive window hands over every department's result
      // of the bundle, with the window's authority over it, recorded as the clerk) — and the
      // gap-free license serial when the bundle issues 一业一证 (its counter is then held only while
      // the final writes and COMMIT travel): all in one round trip. A bundle that turns out not to
      // be concluded, or stale, is refused before anything is written; its branches' cases were
      // only locked, and a serial taken goes back with the rollback.
      const window = { ...actor, role: 'system' as const };
      const delivery = casesService.deliverBranches(deps, window, tx, b.regionCode, now, caseIds, {
        method: input.method,
        receivedBy: input.receivedBy,
      });
      // Whether it issues one, as its branches stood when read (concluded branches never change).
      const counter = v?.licenseTypeCode && v.licenseTypeName ? `license:${v.licenseTypeCode}` : null;
      const mayIssue = !!counter && fixed.every((x) => x.status === 'granted');
      const chains = auditChainsRead(tx, b.regionCode, [
        ...caseIds.map((c) => ({ entityType: 'case', entityId: c })),
        { entityType: 'bundle_case', entityId: b.id },
      ]);
      const rows = await executeBatch(tx, [
        ...chains.queries,
        repo.lockBundleQuery(tx, b.regionCode, b.id),
        repo.listBranchesQuery(tx, b.regionCode, b.id),
        repo.listEventsQuery(tx, b.regionCode, b.id),
        ...delivery.queries,
        mayIssue ? repo.nextNumberQuery(tx, b.regionCode, counter!) : null,
      ]);
      const links = await chains.finish(rows.slice(0, chains.queries.length) as unknown[][]);
      let at = chains.queries.length;
      const [[locked], branches, events] = rows.slice(at, (at += 3)) as [
        BundleCaseRow[],
        BundleBranchRow[],
        BundleEventRow[],
      ];
      const caseRows = rows.slice(at, (at += delivery.queries.length)) as unknown[][];
      let serialRows = rows[at] as { last: number }[] | undefined;
      if (!locked) throw new BundlesError('BUNDLE_NOT_FOUND');
      if (locked.version !== input.version) throw new BundlesError('BUNDLE_STALE');
      if (locked.status === 'open' || locked.status === 'awaiting_choice')
        throw new BundlesError('BUNDLE_NOT_CONCLUDED');
      if (locked.status !== 'concluded') throw new BundlesError('BUNDLE_WRONG_STATUS');
      const decided = new Set(
        branches.filter((x) => x.status === 'granted' || x.status === 'denied').map((x) => x.caseId),
      );
      const handed = await delivery.run(caseRows, decided);
      const issues = !!counter && branches.every((x) => x.status === 'granted');
      // The branches were read unlocked before. A concluded branch never changes, so a serial taken
      // is always used. Had one concluded only since that read, the version the caller sent would
      // be stale (refused above); should it still happen, the serial is taken now.
      if (issues && !serialRows)
        [serialRows] = await executeBatch(tx, [repo.nextNumberQuery(tx, b.regionCode, counter!)] as const);
      const writes: Compilable[] = [];
      let licenseId: string | null = null;
      let license: BundleLicenseRow | undefined;
      if (issues && serialRows) {
        const n = serialRows[0]!.last;
        const issuerCreditCode = casesService.derivedCreditCode(locked.definitionId, b.regionCode);
        licenseId = buildLicenseId({
          typeCode: v!.licenseTypeCode!,
          issuerCreditCode,
          serial: String(n).padStart(8, '0'),
          version: '1',
        });
        license = {
          regionCode: b.regionCode,
          id: licenseId,
          bundleCaseId: b.id,
          typeCode: v!.licenseTypeCode!,
          typeName: v!.licenseTypeName!,
          holderName: locked.applicantName,
          holderIdMasked: locked.applicantIdMasked,
          issuerName: '政务服务中心（一业一证综合窗口）',
          issuerCreditCode,
          serial: String(n).padStart(8, '0'),
          validFrom: shanghaiToday(now),
          memberLicenses: branches
            .filter((x) => x.licenseId)
            .map((x) => ({ licenseId: x.licenseId, itemName: x.itemName })),
          // SEC-2: verified publicly by this token, never by the id built from a serial.
          verifyToken: randomToken(24),
          issuedAt: now,
        };
        writes.push(
          repo.insertLicense(tx, { ...license, memberLicenses: JSON.stringify(license.memberLicenses) }),
        );
      }
      const change = {
        status: 'delivered' as const,
        deliveredAt: now,
        deliveredBy: input.receivedBy,
        licenseId,
      };
      const delivered = {
        regionCode: b.regionCode,
        bundleCaseId: b.id,
        seq: (events.at(-1)?.seq ?? 0) + 1,
        type: 'delivered',
        payload: { method: input.method, licenseId },
        actorId: actor.userId,
        at: now,
      };
      writes.push(
        repo.updateBundle(tx, locked, change),
        repo.insertEvents(tx, [delivered]),
        ...handed.writes,
        ...auditEntryWrites(
          tx,
          links,
          actor,
          [
            ...handed.audit,
            {
              action: 'bundle.deliver',
              entityType: 'bundle_case',
              entityId: b.id,
              summary: { bundleNo: b.bundleNo, method: input.method, licenseId },
            },
          ],
          now,
        ),
      );
      const to = {
        regionCode: b.regionCode,
        bundleId: b.id,
        bundleNo: b.bundleNo,
        name: b.name,
        applicantId: b.applicantId,
        caseId: branches[0]!.caseId,
      };
      // The reply from what the transaction holds, as getBundle would read it after COMMIT.
      const after = { ...locked, ...change, version: locked.version + 1 };
      return {
        result: bundleDetail(handed.calendar, now, after, branches, [...events, delivered], license),
        outbox: [bundleNotices.delivered(to, licenseId !== null)],
        audit: null,
        writes,
      };
    }),
  );
}

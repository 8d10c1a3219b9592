import { buildLicenseId, type BundleDeliver, type BundleDetail } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { executeBatch } from '../../../platform/db';
import type { BundleBranchRow, BundleCaseRow } from '../../../platform/db-types';
import { randomToken } from '../../../platform/crypto';
import { shanghaiToday } from '../../../platform/time';
import { auditChainRead, auditChainsRead, auditEntryWrites } from '../../audit';
import { casesService } from '../../cases';
import { bundleNotices } from '../bundles-notices';
import { BundlesError } from '../bundles.errors';
import * as repo from '../bundles.repository';
import { getBundle, loadBundle } from './get-bundle';
import { retryOnDeadlock } from './intake-bundle';

/**
 * BUN-1 出件: one delivery hands over every branch's result, once, and only when every branch has
 * concluded (else 409, nothing changed). The decided branches are delivered through the cases
 * module in this transaction; 一业一证: when the theme issues a comprehensive industry license and
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
  await retryOnDeadlock(() =>
    runCommand(deps, actor, async ({ tx, now }) => {
      // Every branch's delivery takes that case's audit lane: all of them first, in lane order,
      // so deliveries and intakes run side by side without deadlocking; then the bundle (the
      // join's lock), its branches and its last event number, all in one round trip.
      const chains = auditChainsRead(tx, b.regionCode, [
        ...caseIds.map((c) => ({ entityType: 'case', entityId: c })),
        { entityType: 'bundle_case', entityId: b.id },
      ]);
      const rows = await executeBatch(tx, [
        ...chains.queries,
        repo.lockBundleQuery(tx, b.regionCode, b.id),
        repo.listBranchesQuery(tx, b.regionCode, b.id),
        repo.lastEventSeqQuery(tx, b.regionCode, b.id),
      ]);
      await chains.finish(rows.slice(0, chains.queries.length));
      const [[locked], branches, [last]] = rows.slice(chains.queries.length) as [
        BundleCaseRow[],
        BundleBranchRow[],
        { seq: number | null }[],
      ];
      if (!locked) throw new BundlesError('BUNDLE_NOT_FOUND');
      if (locked.version !== input.version) throw new BundlesError('BUNDLE_STALE');
      if (locked.status === 'open' || locked.status === 'awaiting_choice')
        throw new BundlesError('BUNDLE_NOT_CONCLUDED');
      if (locked.status !== 'concluded') throw new BundlesError('BUNDLE_WRONG_STATUS');
      const opts = { tx, anyVersion: true };
      // 一窗出件: the comprehensive window hands over every department's result of the bundle, so
      // the branch deliveries run with the window's authority over this bundle (recorded as the clerk).
      const window = { ...actor, role: 'system' as const };
      for (const br of branches.filter((x) => x.status === 'granted' || x.status === 'denied')) {
        await casesService.prepareDelivery(
          deps,
          window,
          br.caseId,
          { version: 0, method: input.method, trackingNo: null },
          opts,
        );
        await casesService.deliver(
          deps,
          window,
          br.caseId,
          { version: 0, receivedBy: input.receivedBy },
          opts,
        );
      }
      // Last, in one round trip: the bundle's chain head as the branches left it, and the gap-free
      // license serial, whose counter is then held only while the final writes and COMMIT travel.
      const issues = !!(
        v?.licenseTypeCode &&
        v.licenseTypeName &&
        branches.every((x) => x.status === 'granted')
      );
      const chain = auditChainRead(tx, b.regionCode, 'bundle_case', b.id);
      const [head, serialRows] = await executeBatch(tx, [
        chain.query,
        issues ? repo.nextNumberQuery(tx, b.regionCode, `license:${v!.licenseTypeCode}`) : null,
      ] as const);
      const link = await chain.finish(head);
      const writes = [];
      let licenseId: string | null = null;
      if (issues && serialRows) {
        const n = serialRows[0]!.last;
        const issuerCreditCode = casesService.derivedCreditCode(locked.definitionId, b.regionCode);
        licenseId = buildLicenseId({
          typeCode: v!.licenseTypeCode!,
          issuerCreditCode,
          serial: String(n).padStart(8, '0'),
          version: '1',
        });
        writes.push(
          repo.insertLicense(tx, {
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
            memberLicenses: JSON.stringify(
              branches
                .filter((x) => x.licenseId)
                .map((x) => ({ licenseId: x.licenseId, itemName: x.itemName })),
            ),
            // SEC-2: verified publicly by this token, never by the id built from a serial.
            verifyToken: randomToken(24),
            issuedAt: now,
          }),
        );
      }
      writes.push(
        repo.updateBundle(tx, locked, {
          status: 'delivered',
          deliveredAt: now,
          deliveredBy: input.receivedBy,
          licenseId,
        }),
        repo.insertEvents(tx, [
          {
            regionCode: b.regionCode,
            bundleCaseId: b.id,
            seq: (last?.seq ?? 0) + 1,
            type: 'delivered',
            payload: { method: input.method, licenseId },
            actorId: actor.userId,
            at: now,
          },
        ]),
        ...auditEntryWrites(
          tx,
          link,
          actor,
          [
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
      return {
        result: null,
        outbox: [bundleNotices.delivered(to, licenseId !== null)],
        audit: null,
        writes,
      };
    }),
  );
  return getBundle(deps, actor, id);
}

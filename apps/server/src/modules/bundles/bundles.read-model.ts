// Joined reads for the bundle lists and details: its own tables, the clock from the calendar.
import {
  BRANCH_STATUS_LABELS,
  BUNDLE_STATUS_LABELS,
  type BundleBranch,
  type BundleLicense,
  type BundleSummary,
} from '@tongban/contracts';
import type { CompiledCalendar } from '@tongban/calendar';
import type { BundleBranchRow, BundleCaseRow, BundleLicenseRow } from '../../platform/db-types';
import { shanghaiToday } from '../../platform/time';
import { bundleLegalDeadline, criticalPath, isBranchConcluded, waitingFor } from './bundles.policy';

const day = (d: Date | string | null) => (d ? shanghaiToday(new Date(d)) : null);

export type BundleView = {
  summary: BundleSummary;
  branches: BundleBranch[];
  legalLimitDays: number;
};

/** BUN-1, DEC-2: a bundle with its clock and critical path, as of `now`. */
export function viewBundle(
  calendar: CompiledCalendar,
  now: Date,
  b: BundleCaseRow,
  rows: readonly BundleBranchRow[],
): BundleView {
  const today = shanghaiToday(now);
  const receivedOn = day(b.receivedAt)!;
  const ext = b.extensionStatus === 'approved' ? (b.extensionDays ?? 0) : 0;
  const cp = criticalPath(
    calendar,
    today,
    rows.map((r) => ({
      itemId: r.itemId,
      dependsOn: r.dependsOn,
      promisedDays: r.promisedDays,
      startedOn: day(r.acceptedAt) ?? receivedOn,
      pausedSince: day(r.pausedSince),
      concludedOn: day(r.concludedAt),
    })),
  );
  const holding = cp.holding ? rows.find((r) => r.itemId === cp.holding) : undefined;
  const open = b.status === 'open' || b.status === 'awaiting_choice';
  const branches: BundleBranch[] = rows.map((r) => ({
    caseId: r.caseId,
    caseNo: r.caseNo,
    itemId: r.itemId,
    itemName: r.itemName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    status: r.status,
    statusLabel: BRANCH_STATUS_LABELS[r.status],
    promisedDays: r.promisedDays,
    dependsOn: r.dependsOn,
    waitingFor: isBranchConcluded(r.status)
      ? []
      : waitingFor(r, rows).map((w) => rows.find((x) => x.itemId === w)?.itemName ?? w),
    paused: r.pausedSince !== null,
    expectedFinish: cp.finish.get(r.itemId)!,
    onCriticalPath: open && cp.path.includes(r.itemId),
    concludedAt: r.concludedAt ? new Date(r.concludedAt).toISOString() : null,
    licenseId: r.licenseId,
  }));
  return {
    legalLimitDays: 45 + ext,
    branches,
    summary: {
      id: b.id,
      bundleNo: b.bundleNo,
      name: b.name,
      status: b.status,
      statusLabel: BUNDLE_STATUS_LABELS[b.status],
      applicantName: b.applicantName,
      applicantIdMasked: b.applicantIdMasked,
      channel: b.channel,
      receivedAt: new Date(b.receivedAt).toISOString(),
      legalDeadline: bundleLegalDeadline(calendar, receivedOn, ext),
      expectedFinish: open ? cp.expectedFinish : (day(b.concludedAt) ?? cp.expectedFinish),
      holdingBranch:
        open && holding
          ? { caseNo: holding.caseNo, itemName: holding.itemName, departmentName: holding.departmentName }
          : null,
      branchCount: rows.length,
      concludedBranches: rows.filter((r) => isBranchConcluded(r.status)).length,
      version: b.version,
    },
  };
}

export function toBundleLicense(r: BundleLicenseRow): BundleLicense {
  return {
    id: r.id,
    typeCode: r.typeCode,
    typeName: r.typeName,
    holderName: r.holderName,
    holderIdMasked: r.holderIdMasked,
    issuerName: r.issuerName,
    validFrom: r.validFrom,
    members: r.memberLicenses as BundleLicense['members'],
    issuedAt: new Date(r.issuedAt).toISOString(),
    verifyToken: r.verifyToken,
  };
}

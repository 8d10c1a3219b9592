import {
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  type BundleIntake,
  type BundleOnlineApply,
  type BundleOnlineResult,
  type CatalogVersion,
} from '@tongban/contracts';
import { randomInt, randomUUID } from 'node:crypto';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { hmacSm3Hex } from '../../../platform/crypto';
import { shanghaiToday } from '../../../platform/time';
import { lockAuditChains } from '../../audit';
import { casesService } from '../../cases';
import { bundleNotices } from '../bundles-notices';
import { BundlesError } from '../bundles.errors';
import * as repo from '../bundles.repository';
import { toDefinition } from './get-definition';
import { rememberBranch } from './on-branch-transition';

export const bundleQueryHash = (deps: Deps, bundleId: string, code: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `bundle:${bundleId}:${code.toUpperCase().replace(/[\s-]/g, '')}`);

function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) s += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return s;
}

function contactOf(i: BundleOnlineApply['applicant']) {
  return { name: i.kind === 'enterprise' ? i.contactName : i.name, phone: i.phone };
}

type Application = {
  definitionId: string;
  formValues: Record<string, string>;
  /** Names of the bundle's materials handed in (once, shared by every item that needs them). */
  provided: string[];
  applicant: { id: string } | { input: BundleOnlineApply['applicant'] };
  channel: 'window' | 'online';
  accept: boolean;
};

/**
 * BUN-1 one intake: one application → one bundle case and a branch case per item (each an ordinary
 * case routed to its department), all in one transaction; at the window, branches whose materials
 * are complete are accepted on the spot. Nothing is written if any branch fails.
 */
async function intakeBundle(deps: Deps, actor: Actor, a: Application) {
  const v = await repo.findCurrentVersion(deps.db, a.definitionId);
  if (!v || v.status !== 'published') throw new BundlesError('BUNDLE_NOT_PUBLISHED');
  const def = await toDefinition(deps, v);
  const fieldKeys = new Set(def.formFields.map((f) => f.key));
  const unknownField = Object.keys(a.formValues).find((k) => !fieldKeys.has(k));
  if (unknownField) throw new BundlesError('BUNDLE_MISSING_FIELD', `申请表没有字段“${unknownField}”`);
  for (const name of a.provided)
    if (!def.materials.some((m) => m.name === name))
      throw new BundlesError('BUNDLE_UNKNOWN_MATERIAL', `“${name}”不在该一件事的材料清单中`);
  // Read before the transaction, side by side: none of them locks anything.
  const items: CatalogVersion[] = await Promise.all(
    def.items.map((i) => casesService.getBranchItem(deps, actor, i.itemId)),
  );
  return retryOnDeadlock(() =>
    runCommand(deps, actor, async ({ tx, now }) => {
      const bundleId = randomUUID();
      const day = shanghaiToday(now);
      // Every audit lane the intake will write (its branches' and the bundle's), in lane order,
      // before the counters: two bundle intakes (or an intake and a delivery, or an ordinary intake
      // taking its lane and then the case-number counter) cannot then wait for each other in a
      // cycle, so intakes run side by side instead of one at a time per region.
      const caseIds = def.items.map(() => randomUUID());
      await lockAuditChains(tx, v.regionCode, [
        ...caseIds.map((id) => ({ entityType: 'case', entityId: id })),
        { entityType: 'bundle_case', entityId: bundleId },
      ]);
      const serial = await repo.nextNumber(tx, v.regionCode, `bundle:${day}`);
      const made = [];
      for (const [k, item] of def.items.entries()) {
        const own = def.materials.filter((m) => m.itemIds.includes(item.itemId));
        made.push(
          await casesService.intakeBranch(deps, tx, actor, {
            item: items[k]!,
            caseId: caseIds[k]!,
            ...('id' in a.applicant ? { applicantId: a.applicant.id } : { applicant: a.applicant.input }),
            // SEC-1: online, the contact typed with this application belongs to its cases.
            ...('input' in a.applicant ? { contact: contactOf(a.applicant.input) } : {}),
            channel: a.channel,
            materials: own
              .filter((m) => a.provided.includes(m.name))
              .map((m) => ({ name: m.name, status: 'provided' as const })),
          }),
        );
      }
      const bundleNo = `${v.regionCode}-YJS-${day.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
      const queryCode = newQueryCode();
      const holder = made[0]!.applicant;
      await repo.insertBundle(tx, {
        regionCode: v.regionCode,
        id: bundleId,
        bundleNo,
        definitionId: v.definitionId,
        versionId: v.versionId,
        name: v.name,
        applicantId: holder.id,
        applicantName: holder.name,
        applicantIdMasked: holder.idNumberMasked,
        channel: a.channel,
        status: 'open',
        receivedAt: now,
        intakeBy: actor.userId,
        queryCodeHash: bundleQueryHash(deps, bundleId, queryCode),
        formValues: JSON.stringify(a.formValues),
      });
      await repo.insertBranches(
        tx,
        made.map((m, k) => ({
          regionCode: v.regionCode,
          bundleCaseId: bundleId,
          caseId: m.caseId,
          caseNo: m.caseNo,
          itemId: m.item.itemId,
          itemName: m.item.name,
          departmentId: m.item.departmentId,
          departmentName: m.item.departmentName,
          promisedDays: m.item.promisedLimitDays ?? m.item.legalLimitDays ?? 20,
          dependsOn: def.items[k]!.dependsOn,
          status: 'submitted' as const,
        })),
      );
      for (const m of made) rememberBranch(m.caseId, true);
      await repo.appendEvent(tx, {
        regionCode: v.regionCode,
        bundleCaseId: bundleId,
        type: 'submitted',
        payload: { channel: a.channel, branches: made.map((m) => m.caseNo), materials: a.provided.length },
        actorId: actor.userId,
        at: now,
      });
      // 一窗受理: at the window every branch with complete materials is accepted now (the case's own
      // acceptance notice, ACC-2); the others wait for the window's one-time notice (ACC-1).
      if (a.channel === 'window' && a.accept)
        for (const [k, m] of made.entries()) {
          const own = def.materials.filter((x) => x.itemIds.includes(def.items[k]!.itemId));
          if (own.every((x) => !x.required || a.provided.includes(x.name)))
            await casesService.accept(
              deps,
              actor,
              m.caseId,
              { version: 0, deferred: [] },
              { tx, anyVersion: true },
            );
        }
      const to = {
        regionCode: v.regionCode,
        bundleId,
        bundleNo,
        name: v.name,
        applicantId: holder.id,
        caseId: made[0]!.caseId,
      };
      return {
        result: {
          bundleId,
          bundleNo,
          queryCode,
          name: v.name,
          branches: made.map((m) => ({ itemName: m.item.name, caseNo: m.caseNo })),
        },
        outbox: [bundleNotices.received(to, made.length)],
        audit: {
          action: 'bundle.intake',
          entityType: 'bundle_case',
          entityId: bundleId,
          regionCode: v.regionCode,
          summary: { bundleNo, channel: a.channel, branches: made.length },
        },
      };
    }),
  );
}

/**
 * A bundle intake takes, branch by branch, a branch's audit lane and then the case-number counter;
 * an ordinary case intake running at the same moment takes its lane and the counter too, so the two
 * can (rarely: their lanes must collide) wait for each other. PostgreSQL then aborts one of them;
 * the bundle's intake, aborted as a whole, simply runs again.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= 3 || (e as { code?: unknown }).code !== '40P01') throw e;
    }
  }
}

/** At the comprehensive window (clerk). */
export async function intakeAtWindow(deps: Deps, actor: Actor, input: BundleIntake) {
  assertAccess(actor, 'bundle.intake');
  return intakeBundle(deps, actor, {
    definitionId: input.definitionId,
    formValues: input.formValues,
    provided: input.materials.filter((m) => m.status === 'provided').map((m) => m.name),
    applicant: { id: input.applicantId },
    channel: 'window',
    accept: input.accept,
  });
}

/** Online (public, no sign-in; SEC-1: an existing applicant is never changed). */
export async function applyOnline(
  deps: Deps,
  actor: Actor,
  input: BundleOnlineApply,
): Promise<BundleOnlineResult> {
  const r = await intakeBundle(deps, actor, {
    definitionId: input.definitionId,
    formValues: input.formValues,
    provided: input.materials,
    applicant: { input: input.applicant },
    channel: 'online',
    accept: false,
  });
  return { bundleNo: r.bundleNo, queryCode: r.queryCode, name: r.name, branches: r.branches };
}

import {
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  type BundleIntake,
  type BundleOnlineApply,
  type BundleOnlineResult,
  type CatalogVersion,
} from '@tongban/contracts';
import { randomInt } from 'node:crypto';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { executeBatch } from '../../../platform/db';
import { hmacSm3Hex, uuidv7 } from '../../../platform/crypto';
import { shanghaiToday } from '../../../platform/time';
import { auditChainsRead, auditEntryWrites } from '../../audit';
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
 *
 * Three round trips (docs/adr/0007): the reads, which lock nothing (the applicant, the branches'
 * materials); then every audit chain the intake writes and, last, the gap-free numbers — every
 * branch's case number in one statement, the acceptance notices' in another, the bundle's — so
 * that the region's counters are held only while the final writes and COMMIT travel; then those
 * writes and COMMIT as one statement.
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
      const bundleId = uuidv7();
      const day = shanghaiToday(now);
      const specs: casesService.BranchSpec[] = def.items.map((item, k) => {
        const own = def.materials.filter((m) => m.itemIds.includes(item.itemId));
        return {
          item: items[k]!,
          caseId: uuidv7(),
          // SEC-1: online, the contact typed with this application belongs to its cases.
          ...('input' in a.applicant ? { contact: contactOf(a.applicant.input) } : {}),
          channel: a.channel,
          materials: own
            .filter((m) => a.provided.includes(m.name))
            .map((m) => ({ name: m.name, status: 'provided' as const })),
          // 一窗受理: at the window every branch with complete materials is accepted now (the
          // case's own acceptance notice, ACC-2); the others wait for the window's one-time notice (ACC-1).
          accept:
            a.channel === 'window' &&
            a.accept &&
            own.every((x) => !x.required || a.provided.includes(x.name)),
        };
      });
      const branches = await casesService.prepareBranches(
        deps,
        tx,
        actor,
        'id' in a.applicant ? { id: a.applicant.id } : { input: a.applicant.input },
        specs,
      );
      // Every audit lane the intake writes (its branches' and the bundle's), in lane order, then
      // the counters: two bundle intakes (or an intake and a delivery, or an ordinary intake taking
      // its lane and then the case-number counter) cannot wait for each other in a cycle.
      const chains = auditChainsRead(tx, v.regionCode, [
        ...specs.map((x) => ({ entityType: 'case', entityId: x.caseId })),
        { entityType: 'bundle_case', entityId: bundleId },
      ]);
      const rows = await executeBatch(tx, [
        ...chains.queries,
        ...branches.numbers,
        repo.nextNumberQuery(tx, v.regionCode, `bundle:${day}`),
      ]);
      const links = await chains.finish(rows.slice(0, chains.queries.length));
      const made = await branches.finish(rows.slice(chains.queries.length, -1));
      const serial = (rows.at(-1)![0] as { last: number }).last;
      const bundleNo = `${v.regionCode}-YJS-${day.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
      const queryCode = newQueryCode();
      const holder = branches.applicant;
      const event = (seq: number, type: string, payload: Record<string, unknown>) => ({
        regionCode: v.regionCode,
        bundleCaseId: bundleId,
        seq,
        type,
        payload,
        actorId: actor.userId,
        at: now,
      });
      const accepted = made.filter((m) => m.accepted);
      const writes = [
        ...made.flatMap((m) => m.writes),
        repo.insertBundle(tx, {
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
        }),
        repo.insertBranches(
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
            status: m.accepted ? ('accepted' as const) : ('submitted' as const),
            acceptedAt: m.accepted ? now : null,
          })),
        ),
        repo.insertEvents(tx, [
          event(1, 'submitted', {
            channel: a.channel,
            branches: made.map((m) => m.caseNo),
            materials: a.provided.length,
          }),
          // What each branch's acceptance tells the bundle (as onBranchTransition records it).
          ...accepted.map((m, k) =>
            event(2 + k, 'branch_accepted', { caseNo: m.caseNo, itemName: m.item.name }),
          ),
        ]),
        ...auditEntryWrites(
          tx,
          links,
          actor,
          [
            ...made.flatMap((m) => m.audit),
            {
              action: 'bundle.intake',
              entityType: 'bundle_case',
              entityId: bundleId,
              summary: { bundleNo, channel: a.channel, branches: made.length },
            },
          ],
          now,
        ),
      ];
      for (const m of made) rememberBranch(m.caseId, { regionCode: v.regionCode, bundleCaseId: bundleId });
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
        audit: null,
        writes,
      };
    }),
  );
}

/**
 * A bundle intake or delivery takes its audit lanes in lane order before anything else it locks,
 * so it should not wait in a cycle; should PostgreSQL still abort one as a deadlock (a chain's head
 * created on first use is locked out of order), it ran as a whole and simply runs again.
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

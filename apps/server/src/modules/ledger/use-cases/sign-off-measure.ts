import { type ProgressInput, type ReopenInput, type SignoffInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Tx } from '../../../platform/db';
import { storeFile } from '../../../platform/files';
import { runCommand } from '../../../platform/command';
import { closeInboxTodos } from '../../inbox';
import { RECUR_DUE } from '../ledger-reminders';
import { LedgerError } from '../ledger.errors';
import { checkSignoff, mayAddProgress } from '../ledger.policy';
import * as repo from '../ledger.repository';

import { EVIDENCE_POLICY, getFinding, getMeasure } from '../ledger-access';

// ── Progress, sign-off, revisit ──────────────────────────────────────────

export async function addProgress(
  deps: Deps,
  actor: Actor,
  measureId: string,
  input: ProgressInput,
  file?: { bytes: Buffer; mediaType: string; name: string },
) {
  const pre = await getMeasure(deps.db, actor, measureId, 'ledger.progress');
  if (!mayAddProgress(actor, pre)) throw new LedgerError('LEDGER_NOT_OWNER');
  return runCommand(deps, actor, async ({ tx }) => {
    const m = (await repo.findMeasure(tx, pre.regionCode, measureId, true))!;
    // A signed-off 长期坚持 measure takes each period's fresh evidence (REC-1 over time), never a
    // new request for sign-off; any other signed-off measure is closed until a 回头看.
    const recurring = m.signedOffAt !== null && m.kind === 'ongoing';
    if (m.signedOffAt && !recurring) throw new LedgerError('LEDGER_ALREADY_SIGNED_OFF');
    if (recurring && input.requestSignoff) throw new LedgerError('LEDGER_ALREADY_SIGNED_OFF');
    const owner = { kind: 'ledger_measure', id: measureId, regionCode: m.regionCode } as const;
    const files = file ? [await storeFile(tx, deps.config.dataDir, file, EVIDENCE_POLICY, owner)] : [];
    const row = await repo.insertProgress(tx, {
      regionCode: m.regionCode,
      measureId,
      date: input.date,
      text: input.text,
      evidenceFiles: files,
      evidenceText: input.evidenceText ?? '',
      requestSignoff: input.requestSignoff ?? false,
      round: m.round,
      createdBy: actor.userId,
    });
    if (recurring && (files.length > 0 || row.evidenceText.trim() !== ''))
      await closeInboxTodos(
        tx,
        { regionCode: m.regionCode, entityType: 'ledger_measure', entityId: measureId, kind: RECUR_DUE },
        deps.clock.now(),
      );
    return {
      result: row,
      audit: {
        action: 'ledger.progress.create',
        entityType: 'ledger_measure',
        entityId: measureId,
        regionCode: m.regionCode,
        summary: { ...input, evidenceFiles: files },
      },
    };
  });
}

/** 销号: REC-1 (evidence of the current round) and SOD-2 (not the owner), by supervisor or leader. */
export async function signOff(deps: Deps, actor: Actor, measureId: string, input: SignoffInput) {
  const pre = await getMeasure(deps.db, actor, measureId, 'ledger.signoff');
  return runCommand(deps, actor, async ({ tx }) => {
    const m = (await repo.findMeasure(tx, pre.regionCode, measureId, true))!;
    const progress = await repo.listProgress(tx, m.regionCode, [measureId]);
    const refusal = checkSignoff(actor, m, progress);
    if (refusal) throw new LedgerError(refusal);
    const now = deps.clock.now();
    const row = await repo.updateMeasure(tx, m.regionCode, measureId, {
      signedOffBy: actor.userId,
      signedOffAt: now,
      signoffComment: input.comment ?? '',
    });
    return {
      result: row,
      audit: {
        action: 'ledger.measure.signoff',
        entityType: 'ledger_measure',
        entityId: measureId,
        regionCode: m.regionCode,
        summary: input,
      },
    };
  });
}

export async function reopenOne(tx: Tx, deps: Deps, m: { regionCode: string; id: string; round: number }) {
  await repo.updateMeasure(tx, m.regionCode, m.id, {
    signedOffAt: null,
    signedOffBy: null,
    signoffComment: '',
    reopenedAt: deps.clock.now(),
    round: m.round + 1,
  });
}

/** 回头看 on a measure: what did not hold is reopened, the earlier sign-off kept in the history. */
export async function reopenMeasure(deps: Deps, actor: Actor, measureId: string, input: ReopenInput) {
  const pre = await getMeasure(deps.db, actor, measureId, 'ledger.signoff');
  return runCommand(deps, actor, async ({ tx }) => {
    const m = (await repo.findMeasure(tx, pre.regionCode, measureId, true))!;
    if (!m.signedOffAt) throw new LedgerError('LEDGER_NOT_SIGNED_OFF');
    await tx
      .insertInto('ledgerRevisit')
      .values({
        regionCode: m.regionCode,
        targetType: 'measure',
        targetId: m.id,
        measureIds: repo.uuidArray([m.id]),
        reason: input.reason,
        priorSignedOffBy: m.signedOffBy,
        priorSignedOffAt: m.signedOffAt,
        reopenedBy: actor.userId,
        reopenedAt: deps.clock.now(),
      })
      .execute();
    await reopenOne(tx, deps, m);
    return {
      result: { measureId, reopened: true },
      audit: {
        action: 'ledger.measure.reopen',
        entityType: 'ledger_measure',
        entityId: measureId,
        regionCode: m.regionCode,
        summary: input,
      },
    };
  });
}

/** 回头看 on a finding: every signed-off measure of it is reopened. */
export async function reopenFinding(deps: Deps, actor: Actor, findingId: string, input: ReopenInput) {
  const f = await getFinding(deps.db, actor, findingId, 'ledger.signoff');
  return runCommand(deps, actor, async ({ tx }) => {
    const measures = await tx
      .selectFrom('ledgerMeasure')
      .selectAll()
      .where('regionCode', '=', f.regionCode)
      .where('findingId', '=', findingId)
      .where('signedOffAt', 'is not', null)
      .forUpdate()
      .execute();
    if (measures.length === 0) throw new LedgerError('LEDGER_NOTHING_TO_REOPEN');
    await tx
      .insertInto('ledgerRevisit')
      .values({
        regionCode: f.regionCode,
        targetType: 'finding',
        targetId: f.id,
        measureIds: repo.uuidArray(measures.map((m) => m.id)),
        reason: input.reason,
        reopenedBy: actor.userId,
        reopenedAt: deps.clock.now(),
        priorSignedOffBy: null,
        priorSignedOffAt: null,
      })
      .execute();
    for (const m of measures) await reopenOne(tx, deps, m);
    return {
      result: { findingId, reopenedMeasures: measures.length },
      audit: {
        action: 'ledger.finding.reopen',
        entityType: 'ledger_finding',
        entityId: findingId,
        regionCode: f.regionCode,
        summary: { ...input, measureIds: measures.map((m) => m.id) },
      },
    };
  });
}

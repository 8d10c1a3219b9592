import { type CaseCreate, type CaseDetail, type CaseIntakeDecision } from '@tongban/contracts';
import { uuidv7 } from '../../../platform/crypto';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { executeWrites } from '../../../platform/db';
import * as applicantsRepo from '../applicants/applicants.repository';
import { type ApplicantRow } from '../applicants/applicants.repository';
import { assertRole } from '../case-access';
import { type BranchOptions } from '../case-context';
import { guessItemForIntake, intake, intakeReads, numberWithOpening, withIdempotency } from '../case-intake';
import * as casesRepo from '../cases.repository';
import { shanghaiToday } from '../../../platform/time';
import { CasesError } from '../cases.errors';
import { accept } from './accept-case';
import { getDetail } from './get-case-detail';
import { instantDecision } from './instant-decision';
import { refuse } from './refuse-case';
import { requestSupplement } from './request-supplement';

/**
 * A clerk receives an application at a window (受审分离: approvers get 403). With a decision
 * (issue 14 point 7) the case is created and decided in one transaction: a refused decision
 * (materials still missing, a reason left out) leaves no case behind.
 */
export async function createCase(
  deps: Deps,
  actor: Actor,
  input: CaseCreate,
  idempotencyKey?: string,
  opts: { caseId?: string } = {},
): Promise<{ detail: CaseDetail; replayed: boolean }> {
  assertRole(actor, 'case.intake');
  const guess = await guessItemForIntake(deps, actor, input.itemId);
  const { regionCode } = guess.item;
  const newId = opts.caseId ?? uuidv7();
  const materials = new Map(input.materials.map((m) => [m.name, { status: m.status }]));
  const now = deps.clock.now();
  const day = shanghaiToday(now);
  // The case number with the opening reads too, where intake makes no round trip in between.
  const numbered = numberWithOpening(guess.item, materials);
  let opening: ReturnType<typeof intakeReads> | undefined;
  const { caseId, replayed, value } = await withIdempotency(
    deps,
    `user:${actor.userId ?? 'system'}`,
    idempotencyKey,
    input,
    // One round trip: the key, the applicant and the agent, the calendar and the audit chain, and
    // which version of the item is published now (when this process guessed it).
    (tx) => {
      opening = intakeReads(deps, tx, regionCode, newId);
      return [
        // An applicant is registered in the county of the items it applies for (APPLICANT_UNKNOWN).
        applicantsRepo.findApplicantQuery(tx, regionCode.slice(0, 6), input.applicantId),
        input.agentId ? applicantsRepo.findApplicantQuery(tx, regionCode.slice(0, 6), input.agentId) : null,
        ...opening.queries,
        guess.check(tx),
        // Last: the counter's row stays locked until COMMIT (a rollback gives the number back).
        numbered ? casesRepo.nextCaseSerialsQuery(tx, regionCode, day, 1) : null,
      ] as const;
    },
    async (tx, [[applicant], agentRows, calendarRows, headRows, published, serialRows]) => {
      // An item's versions share its region: the reads above hold for the one published now.
      const item = await guess.confirm(published as { id: string }[] | undefined, tx);
      if (!applicant || applicant.regionCode !== item.regionCode.slice(0, 6))
        throw new CasesError('APPLICANT_UNKNOWN');
      let agent: ApplicantRow | null = null;
      if (agentRows) {
        agent = agentRows[0] ?? null;
        if (!agent || agent.kind !== 'person' || agent.id === applicant.id)
          throw new CasesError('APPLICANT_UNKNOWN');
      }
      const made = await intake(deps, tx, actor, {
        item,
        applicant,
        agent,
        channel: input.channel,
        materials,
        caseId: newId,
        now,
        serial: serialRows?.[0]?.last,
        opened: await opening!.finish(calendarRows, headRows),
      });
      if (!input.decision) return made;
      await executeWrites(tx, made.writes);
      await decideAtIntake(deps, actor, made.caseId, input.decision, { tx, anyVersion: true });
      return { caseId: made.caseId, writes: [] };
    },
  );
  return { detail: value ?? (await getDetail(deps, actor, caseId)), replayed };
}

/** The window's decision on the case just received, inside the intake's transaction. */
function decideAtIntake(
  deps: Deps,
  actor: Actor,
  caseId: string,
  decision: CaseIntakeDecision,
  opts: BranchOptions,
) {
  switch (decision.action) {
    case 'accept':
      return accept(deps, actor, caseId, { ...decision.body, version: 0 }, opts);
    case 'request-supplement':
      return requestSupplement(deps, actor, caseId, { ...decision.body, version: 0 }, opts);
    case 'refuse':
      return refuse(deps, actor, caseId, { ...decision.body, version: 0 }, opts);
    case 'instant-decision':
      return instantDecision(deps, actor, caseId, { ...decision.body, version: 0 }, opts);
  }
}

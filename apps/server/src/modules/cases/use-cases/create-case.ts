import { type CaseCreate, type CaseDetail } from '@tongban/contracts';
import { randomUUID } from 'node:crypto';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import * as applicantsRepo from '../applicants/applicants.repository';
import { type ApplicantRow } from '../applicants/applicants.repository';
import { assertRole } from '../case-access';
import { getItemForIntake, intake, intakeReads, withIdempotency } from '../case-intake';
import { CasesError } from '../cases.errors';
import { getDetail } from './get-case-detail';

/** A clerk receives an application at a window (受审分离: approvers get 403). */
export async function createCase(
  deps: Deps,
  actor: Actor,
  input: CaseCreate,
  idempotencyKey?: string,
  opts: { caseId?: string } = {},
): Promise<{ detail: CaseDetail; replayed: boolean }> {
  assertRole(actor, 'case.intake');
  const item = await getItemForIntake(deps, actor, input.itemId);
  const newId = opts.caseId ?? randomUUID();
  let opening: ReturnType<typeof intakeReads> | undefined;
  const { caseId, replayed, value } = await withIdempotency(
    deps,
    `user:${actor.userId ?? 'system'}`,
    idempotencyKey,
    input,
    // One round trip: the key, the applicant and the agent, the calendar and the audit chain.
    (tx) => {
      opening = intakeReads(deps, tx, item.regionCode, newId);
      return [
        applicantsRepo.findApplicantQuery(tx, input.applicantId),
        input.agentId ? applicantsRepo.findApplicantQuery(tx, input.agentId) : null,
        ...opening.queries,
      ] as const;
    },
    async (tx, [[applicant], agentRows, calendarRows, headRows]) => {
      if (!applicant || applicant.regionCode !== item.regionCode.slice(0, 6))
        throw new CasesError('APPLICANT_UNKNOWN');
      let agent: ApplicantRow | null = null;
      if (agentRows) {
        agent = agentRows[0] ?? null;
        if (!agent || agent.kind !== 'person' || agent.id === applicant.id)
          throw new CasesError('APPLICANT_UNKNOWN');
      }
      return intake(deps, tx, actor, {
        item,
        applicant,
        agent,
        channel: input.channel,
        materials: new Map(input.materials.map((m) => [m.name, { status: m.status }])),
        caseId: newId,
        opened: await opening!.finish(calendarRows, headRows),
      });
    },
  );
  return { detail: value ?? (await getDetail(deps, actor, caseId)), replayed };
}

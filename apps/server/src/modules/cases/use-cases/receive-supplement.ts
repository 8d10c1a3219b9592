import { type SupplementReceivedInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { type Tx } from '../../../platform/db';
import { fail } from '../case-access';
import { BranchOptions } from '../case-context';
import { materialsOf, transitionWithMaterials } from '../case-transition';
import { CasesError } from '../cases.errors';
import * as repo from '../cases.repository';

export async function supplementReceived(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: SupplementReceivedInput,
  /** Files handed in online (use-cases/supplement-online): stored in the transaction, by material. */
  attach?: (tx: Tx) => Promise<Map<string, string>>,
  opts: BranchOptions = {},
) {
  return transitionWithMaterials(
    deps,
    actor,
    caseId,
    input.version,
    'case.intake',
    async (ctx) => {
      if (ctx.state.status !== 'supplement_requested') fail('CASE_WRONG_STATUS');
      const all = await materialsOf(ctx);
      for (const n of input.materials)
        if (!all.some((m) => m.name === n))
          throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${n}”不在材料清单中`);
      // One update per row (the writes run as one statement): a file handed in online comes with it.
      const shas = (await attach?.(ctx.tx)) ?? new Map<string, string>();
      ctx.writes.push(
        ...repo.updateMaterial(
          ctx.tx,
          ctx.row.regionCode,
          ctx.row.id,
          input.materials.filter((n) => !shas.has(n)),
          { status: 'provided', receivedAt: ctx.now },
        ),
      );
      for (const [name, sha] of shas)
        ctx.writes.push(
          ...repo.updateMaterial(ctx.tx, ctx.row.regionCode, ctx.row.id, [name], {
            status: 'provided',
            receivedAt: ctx.now,
            fileSha256: sha,
          }),
        );
      return {
        events: [
          { type: 'supplement_received', names: input.materials },
          ...(input.atWindow ? [{ type: 'visit' as const, purpose: '窗口补正材料' }] : []),
        ],
        audit: 'case.supplement_received',
      };
    },
    opts,
  );
}

import type { AuditCheckpoint } from '@tongban/contracts';
import type { Db } from '../../platform/db';
import { checkCaseProjections } from '../cases';
import { describeProblem, type AuditProblem } from './audit.policy';
import { verifyAuditChain, type VerifyResult } from './audit.service';

export type AuditVerifyReport = {
  ok: boolean;
  chain: VerifyResult;
  cases: number;
  problems: AuditProblem[];
  /** One line per problem (Chinese), or the one line saying all is well. */
  lines: string[];
};

/**
 * What `npm run audit:verify` checks, in one snapshot (TRUTH-1): every audit chain, against its
 * signed checkpoints (and an exported copy of them), and every projection that can be rebuilt from
 * its events (a case's row). The audit module composes; the cases module owns the case check.
 */
export async function runAuditVerify(
  db: Db,
  opts: { checkpointKey: string; external?: readonly AuditCheckpoint[] },
): Promise<AuditVerifyReport> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const chain = await verifyAuditChain(tx, opts);
      const cases = await checkCaseProjections(tx);
      const problems: AuditProblem[] = [
        ...chain.problems,
        ...cases.mismatches.map((m): AuditProblem => ({ kind: 'case_projection', ...m })),
      ];
      const lines =
        problems.length > 0
          ? problems.map(describeProblem)
          : [
              `审计链完整：${chain.regions} 个区划 ${chain.chains} 条链，共 ${chain.entries} 条记录；` +
                `与 ${chain.checkpoints} 个检查点相符；${cases.cases} 件办件与其事件一致`,
            ];
      return { ok: problems.length === 0, chain, cases: cases.cases, problems, lines };
    });
}

import { type DecideInput } from '@tongban/contracts';
import { CaseCtx, Outcome } from './case-context';
import { allocate, issueNotice, noticeSequence } from './case-documents';
import { remediesText } from './case-notice';
import { caseLicenseFields } from './case-transition';
import { issueLicense, licenseSpec, licenseSpecOf } from './licenses/licenses';

export async function decisionNotice(
  ctx: CaseCtx,
  input: DecideInput,
  licenseId: string | null,
  serial: number,
) {
  return issueNotice(
    ctx,
    'decide',
    {
      paragraphs:
        input.outcome === 'grant'
          ? [
              `你（单位）提出的${ctx.item.name}申请，经审查，符合法定条件、标准，决定准予许可。`,
              ...(input.opinion ? [`审批意见：${input.opinion}`] : []),
              ...(licenseId ? [`电子证照标识：${licenseId}`] : []),
            ]
          : [
              `你（单位）提出的${ctx.item.name}申请，经审查，决定不予许可。`,
              `理由：${input.reason}`,
              `依据：${input.legalBasis}`,
              remediesText(ctx.item.departmentName),
            ],
      extra: {
        outcome: input.outcome,
        reason: input.reason,
        legalBasis: input.legalBasis,
        licenseId,
        ...(input.outcome === 'deny'
          ? {
              remedies: [
                { kind: '行政复议', limit: '60 日' },
                { kind: '行政诉讼', limit: '6 个月' },
              ],
            }
          : {}),
      },
    },
    serial,
  );
}

export async function decisionEvents(ctx: CaseCtx, input: DecideInput, instant: boolean): Promise<Outcome> {
  // The notice number and the license serial, in this order (decisionNumbers), in one round trip
  // or taken already in the transition's opening one.
  const license = input.outcome === 'grant' ? licenseSpec(ctx) : null;
  const numbers = await allocate(ctx, [
    noticeSequence(ctx, 'decide'),
    ...(license ? [license.sequence] : []),
  ]);
  const licenseId = license ? issueLicense(ctx, license, numbers[1]!) : null;
  const notice = await decisionNotice(ctx, input, licenseId, numbers[0]!);
  return {
    events: [
      {
        type: 'decided',
        outcome: input.outcome,
        reason: input.reason,
        legalBasis: input.legalBasis,
        opinion: input.opinion,
        noticeNo: notice.noticeNo,
        ...(instant ? { instant: true } : {}),
      },
      ...(licenseId ? [{ type: 'license_issued' as const, licenseId }] : []),
    ],
    audit: instant ? 'case.instant_decision' : 'case.decide',
    summary: { outcome: input.outcome, noticeNo: notice.noticeNo, licenseId },
  };
}

/**
 * The sequences a decision numbers from, in the order every transaction takes them (the notice,
 * then the license: one order, so two decisions never wait on each other crosswise), as far as
 * known before the case is read: the license's from the case's row as this process last saw it.
 */
export function decisionNumbers(caseId: string, input: DecideInput) {
  return (today: string): string[] => {
    const fields = input.outcome === 'grant' ? caseLicenseFields.get(caseId) : undefined;
    return [noticeSequence({ today }, 'decide'), ...(fields ? [licenseSpecOf(fields).sequence] : [])];
  };
}

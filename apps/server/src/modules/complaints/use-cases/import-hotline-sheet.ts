import { ComplaintIntake, type ImportResult } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { shanghaiToday } from '../../../platform/time';
import { ComplaintError } from '../complaints.errors';
import { readHotlineSheet, typeFromLabel } from '../complaints-sheet';
import * as repo from '../complaints.repository';
import { recordIntake, type NewComplaint } from './intake-complaint';

/**
 * 12345 daily sheet: every row checked first; a sheet with any bad row imports nothing and lists
 * each bad row's reasons. The platform's order number is kept (external_no), once per region.
 */
export async function importHotlineSheet(deps: Deps, actor: Actor, bytes: Buffer): Promise<ImportResult> {
  assertAccess(actor, 'complaint.intake');
  const region = actor.regionCode;
  const rows = await readHotlineSheet(bytes);
  if (!rows)
    throw new ComplaintError(
      'COMPLAINT_SHEET_INVALID',
      '无法读取工单表：须为 .xlsx，首行含“工单编号”“诉求内容”等列',
      { rows: [] },
    );
  const errors: { row: number; reasons: string[] }[] = [];
  const parsed: NewComplaint[] = [];
  const seen = new Set<string>();
  const existing = new Set(
    (
      await repo.findByExternalNo(
        deps.db,
        region,
        rows.map((r) => r.values['工单编号'] ?? '').filter(Boolean),
      )
    ).map((r) => r.externalNo),
  );
  if (rows.length === 0) errors.push({ row: 2, reasons: ['工单表没有数据行'] });
  for (const { row, values: v } of rows) {
    const reasons: string[] = [];
    const type = typeFromLabel(v['诉求类型'] ?? '');
    if (!type) reasons.push(`诉求类型“${v['诉求类型'] ?? ''}”不是咨询、求助、建议、投诉、举报、表扬之一`);
    const anonymous = ['是', '匿名', 'Y', 'y', '1'].includes(v['是否匿名'] ?? '');
    const r = ComplaintIntake.safeParse({
      source: 'hotline_12345',
      type: type ?? 'consult',
      title: v['标题'] || (v['诉求内容'] ?? '').slice(0, 30),
      content: v['诉求内容'] ?? '',
      anonymous,
      complainantName: anonymous ? '' : (v['姓名'] ?? ''),
      phone: anonymous ? '' : (v['电话'] ?? ''),
      externalNo: v['工单编号'] || null,
      address: v['地址'] ?? '',
      subjectKind: v['反映对象'] ? 'department' : 'none',
      subjectLabel: v['反映对象'] ?? '',
    });
    if (!r.success) reasons.push(...r.error.issues.map((i) => i.message));
    const no = v['工单编号'] ?? '';
    if (!no) reasons.push('缺少工单编号');
    else if (seen.has(no)) reasons.push(`工单编号 ${no} 在表中重复`);
    else if (existing.has(no)) reasons.push(`工单编号 ${no} 已导入`);
    seen.add(no);
    if (r.success && !anonymous && (!r.data.complainantName || !r.data.phone))
      reasons.push('实名工单须有姓名和电话');
    if (reasons.length) errors.push({ row, reasons });
    else if (r.success) parsed.push(r.data);
  }
  if (errors.length)
    throw new ComplaintError('COMPLAINT_SHEET_INVALID', `工单表有 ${errors.length} 行错误，全部未导入`, {
      rows: errors,
    });
  return runCommand(deps, actor, async ({ tx, now }) => {
    const orderNos = await repo.nextOrderNo(
      tx,
      region,
      Number(shanghaiToday(now).slice(0, 4)),
      parsed.length,
    );
    for (let i = 0; i < parsed.length; i++)
      await recordIntake(deps, tx, actor, region, parsed[i]!, now, orderNos[i]!);
    return {
      result: { imported: parsed.length, orderNos },
      audit: {
        action: 'complaint.import',
        entityType: 'complaint_import',
        entityId: `${region}:${now.toISOString()}`,
        regionCode: region,
        summary: { rows: parsed.length },
      },
    };
  });
}

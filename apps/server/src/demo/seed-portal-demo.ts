import type { Role } from '@tongban/contracts';
import type { Actor } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { fixedClock } from '../platform/clock';
import { accounts } from '../modules/auth';
import { casesService as svc } from '../modules/cases';
import { listPublishedItemNames } from '../modules/catalog';
import { makeIdNumber } from './seed-cases-demo';

const REGION = '350999';
const DAY = 86_400_000;
/** A one-page PDF: what an applicant's scanner would upload, small enough for a demo. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

/**
 * The demo applicant account (李小满) has filed online, so their home shows 我的办件 (issue 14,
 * point 5) with every state an applicant meets: one application waiting for a 补正 (the
 * 一次性告知书 names what to upload, and the tracking page takes it), one under review, and one
 * granted and delivered electronically with its e-license. Filed through the portal's own use
 * cases (draft, uploads, submit), as the browser does.
 */
export async function seedPortalDemo(deps: Deps): Promise<void> {
  const items = await listPublishedItemNames(deps.db, REGION);
  const food = items.find((i) => i.name === '食品经营许可')?.itemId;
  const users = await accounts.listAccounts(deps.db, REGION);
  const actor = (username: string): Actor | null => {
    const u = users.find((x) => x.username === username);
    return u ? { ...u, userId: u.id, role: u.role as Role, clientIp: '127.0.0.1' } : null;
  };
  const [applicant, clerk, approver, approver2] = ['applicant', 'clerk', 'approver', 'approver2'].map(actor);
  if (!food || !applicant || !clerk || !approver || !approver2) return;

  const now = deps.clock.now().getTime();
  const clock = fixedClock(new Date(now - 8 * DAY));
  const d: Deps = { ...deps, clock };
  const later = (hours: number) =>
    clock.set(new Date(Math.min(now - 60_000, clock.now().getTime() + hours * 3_600_000)));
  const me = {
    kind: 'person' as const,
    name: '李小满',
    idNumber: makeIdNumber(REGION, '19920315', 88),
    phone: '13905998888',
  };
  const required = [
    '食品经营许可申请书',
    '营业执照',
    '经营场所平面布局图和设备布局、操作流程说明',
    '食品安全自查、从业人员健康管理、进货查验等管理制度',
  ];
  const fileOnline = async () => {
    const { token } = await svc.createDraft(d, applicant, { itemId: food, data: {} });
    for (const materialName of required)
      await svc.addDraftFile(d, applicant, token, {
        materialName,
        bytes: PDF,
        mediaType: 'application/pdf',
        name: `${materialName}.pdf`,
      });
    const { result } = await svc.submitOnline(d, applicant, {
      draftToken: token,
      applicant: me,
      agent: null,
    });
    const [found] = (await svc.listCases(d, clerk, { q: result.caseNo, limit: 1, offset: 0 })).items;
    return { id: found!.id, version: found!.version };
  };

  // Granted and delivered electronically, with its license (filed eight days ago).
  let c = await fileOnline();
  later(3);
  c = await svc.accept(d, clerk, c.id, { version: c.version, deferred: [] });
  later(24);
  c = await svc.completeStep(d, approver, c.id, {
    version: c.version,
    opinion: '网上材料齐全，现场核查符合要求',
  });
  later(24);
  c = await svc.decide(d, approver2, c.id, {
    version: c.version,
    outcome: 'grant',
    opinion: '同意',
    reason: '',
    legalBasis: '',
  });
  later(2);
  c = await svc.prepareDelivery(d, clerk, c.id, {
    version: c.version,
    method: 'electronic',
    trackingNo: null,
  });
  later(1);
  await svc.deliver(d, clerk, c.id, { version: c.version, receivedBy: '李小满' });

  // Under review (filed three days ago).
  clock.set(new Date(now - 3 * DAY));
  c = await fileOnline();
  later(4);
  await svc.accept(d, clerk, c.id, { version: c.version, deferred: [] });

  // Waiting for a 补正: the window found one scan unreadable (filed yesterday).
  clock.set(new Date(now - DAY));
  c = await fileOnline();
  later(2);
  await svc.requestSupplement(d, clerk, c.id, {
    version: c.version,
    faulty: [{ name: '营业执照', reason: '扫描件不清晰，请上传清晰的彩色扫描件' }],
    note: '',
  });
}

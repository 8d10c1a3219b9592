import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSignIn, type ApiSession } from '../fixtures/api.fixture';
import { screenshot } from '../fixtures/browser.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { personIdNumber } from '../fixtures/identity.fixture';
import { chooseOption } from '../pages/antd';
import { LoginPage } from '../pages/login.page';

/**
 * 一件事一次办 in the browser (issue 20, BUN-1): 开办餐饮店 applied once online with one form and
 * one set of materials; the three departments act on their branches at the same moment (one asks
 * for a supplement, which pauses only its branch); the applicant hands the supplement in on the
 * tracking page; the departments decide in parallel; the bundle concludes once, the comprehensive
 * window delivers it once with its 一业一证 license, which anyone can verify publicly.
 */

type Branch = { caseId: string; caseNo: string; departmentName: string; status: string; paused: boolean };
type Detail = {
  id: string;
  bundleNo: string;
  status: string;
  version: number;
  branches: Branch[];
  events: { type: string }[];
  license: { id: string; verifyToken: string; members: unknown[] } | null;
};

const CLERK_OF: Record<string, string> = {
  云溪县市场监督管理局: 'clerk',
  云溪县卫生健康局: 'clerk2',
  云溪县住房和城乡建设局: 'clerk_housing',
};
/** Reviewers in step order, the decider last (SOD-1). */
const APPROVERS_OF: Record<string, string[]> = {
  云溪县市场监督管理局: ['approver', 'approver2'],
  云溪县卫生健康局: ['approver_health', 'approver_health2'],
  云溪县住房和城乡建设局: ['approver_housing', 'approver_housing2', 'approver_housing3'],
};

describe('bundles: 开办餐饮店 online once → three departments in parallel → one delivery with 一业一证 (BUN-1)', () => {
  let e2e: E2EContext;
  let applicant: Page;
  let clerk: Page;
  const api: Record<string, ApiSession> = {};
  let bundleNo = '';
  let queryCode = '';
  let bundleId = '';
  const idNumber = personIdNumber();

  const detail = () => api.clerk!.get<Detail>(`/api/bundles/${bundleId}`);
  const act = async (who: string, caseId: string, name: string, body: Record<string, unknown> = {}) => {
    const { version } = await api[who]!.get<{ version: number }>(`/api/cases/${caseId}`);
    return api[who]!.post(`/api/cases/${caseId}/${name}`, { version, ...body });
  };
  /** One department's whole back office on its branch: every review step, then the decision. */
  const reviewAndGrant = async (b: Branch) => {
    const chain = APPROVERS_OF[b.departmentName]!;
    for (const who of chain.slice(0, -1)) {
      const cur = await api[who]!.get<{ stepName: string }>(`/api/cases/${b.caseId}`);
      if (cur.stepName === '决定') break;
      await act(who, b.caseId, 'complete-step', { opinion: '材料齐全，符合条件' });
    }
    await act(chain.at(-1)!, b.caseId, 'decide', { outcome: 'grant', opinion: '准予许可' });
  };

  beforeAll(async () => {
    e2e = await setUpE2E();
    applicant = await e2e.openPage();
    clerk = await e2e.openPage();
    await new LoginPage(clerk).signIn('clerk', DEMO_PASSWORD);
    for (const u of [...Object.values(CLERK_OF), ...Object.values(APPROVERS_OF).flat()])
      api[u] = await apiSignIn(e2e.server.baseURL, u);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the applicant applies once online: one form (shared fields once), one set of materials', async () => {
    const page = applicant;
    await page.goto('/yjs');
    await chooseOption(page, 'bundle-definition', '开办餐饮店');
    // 一套材料: 营业执照 is needed by several items and is asked for once.
    const materials = page.getByTestId('bundle-materials');
    await materials.waitFor();
    expect(await materials.getByText('营业执照', { exact: false }).count()).toBe(1);
    await page.getByTestId('applicant-name').fill('周雨晴');
    await page.getByTestId('applicant-id').fill(idNumber);
    await page.getByTestId('applicant-phone').fill('13905991234');
    await page.getByTestId('field-applicantName').fill('雨晴小厨');
    await page.getByTestId('field-businessAddress').fill('云溪县溪畔大道 18 号');
    await page.getByTestId('field-seats').fill('36');
    await page.getByTestId('materials-all').click();
    await page.getByTestId('bundle-submit').click();
    await page.getByTestId('bundle-no').waitFor();
    bundleNo = (await page.getByTestId('bundle-no').innerText()).trim();
    queryCode = (await page.getByTestId('query-code').innerText()).trim();
    expect(await page.getByTestId('bundle-branch').count()).toBe(3);
    // The identity number appears nowhere on the page or in the URL (personal data).
    expect(await page.content()).not.toContain(idNumber);
    expect(page.url()).not.toContain(idNumber);
    await screenshot(page, 'bundles-applied');

    const list = await api.clerk!.get<{ items: { id: string; bundleNo: string }[] }>(
      '/api/bundles?limit=100',
    );
    bundleId = list.items.find((x) => x.bundleNo === bundleNo)!.id;
    const d = await detail();
    expect(d.branches.map((b) => b.departmentName).sort()).toEqual(Object.keys(CLERK_OF).sort());
  });

  it('three departments act at once; the supplement asked by one pauses only its branch', async () => {
    const d = await detail();
    const health = d.branches.find((b) => b.departmentName === '云溪县卫生健康局')!;
    await Promise.all(
      d.branches.map((b) =>
        b === health
          ? act('clerk2', b.caseId, 'request-supplement', {
              faulty: [{ name: '场所平面布局图', reason: '未标注面积和功能分区' }],
              note: '',
            })
          : act(CLERK_OF[b.departmentName]!, b.caseId, 'accept', { deferred: [] }),
      ),
    );
    const after = await detail();
    expect(after.branches.find((b) => b.caseId === health.caseId)!.paused).toBe(true);
    expect(after.branches.filter((b) => b.status === 'accepted')).toHaveLength(2);
    expect(after.status).toBe('open');
  });

  it('the applicant sees what is missing on the tracking page and hands it in there', async () => {
    const page = applicant;
    await page.goto(`/yjs/track?bundleNo=${encodeURIComponent(bundleNo)}`);
    await page.getByTestId('track-code').fill(queryCode);
    await page.getByTestId('track-search').click();
    await page.getByTestId('track-status').waitFor();
    const ask = page.locator('[data-testid^="supplement-"]');
    await ask.waitFor();
    expect(await ask.count()).toBe(1);
    expect(await page.getByTestId('track-branches').innerText()).toContain('场所平面布局图');
    await screenshot(page, 'bundles-track-supplement');
    await ask.click();
    await page.locator('[data-testid^="supplement-"]').waitFor({ state: 'detached' });
    const d = await detail();
    expect(d.branches.find((b) => b.departmentName === '云溪县卫生健康局')!.paused).toBe(false);
  });

  it('the departments decide in parallel; the bundle concludes exactly once', async () => {
    const d = await detail();
    const health = d.branches.find((b) => b.departmentName === '云溪县卫生健康局')!;
    await act('clerk2', health.caseId, 'accept', { deferred: [] });
    await Promise.all(d.branches.map((b) => reviewAndGrant(b)));
    const done = await detail();
    expect(done.status).toBe('concluded');
    expect(done.events.filter((e) => e.type === 'concluded')).toHaveLength(1);
  });

  it('the comprehensive window delivers once, with the 一业一证 license, publicly verifiable', async () => {
    const page = clerk;
    await page.goto(`/bundles/${bundleId}`);
    expect(await page.getByTestId('bundle-status').innerText()).toBe('已办结');
    await page.getByTestId('received-by').fill('周雨晴（本人）');
    await page.getByTestId('bundle-deliver').click();
    await page.getByTestId('bundle-license-id').waitFor();
    expect(await page.getByTestId('bundle-status').innerText()).toBe('已出件');
    await screenshot(page, 'bundles-delivered');

    const d = await detail();
    expect(d.status).toBe('delivered');
    expect(d.events.filter((e) => e.type === 'delivered')).toHaveLength(1);
    expect(d.license!.members).toHaveLength(3);
    // Once: a second delivery is refused and changes nothing.
    await expect(
      api.clerk!.post(`/api/bundles/${bundleId}/deliver`, {
        version: d.version,
        method: 'window',
        receivedBy: '周雨晴（本人）',
      }),
    ).rejects.toThrow(/409/);
    expect((await detail()).events.filter((e) => e.type === 'delivered')).toHaveLength(1);

    // Anyone verifies the comprehensive license with its token, without signing in.
    await applicant.goto(`/yjs/verify/${d.license!.verifyToken}`);
    await applicant.getByTestId('verify-found').waitFor();
    const text = await applicant.locator('body').innerText();
    expect(text).toContain('餐饮服务行业综合许可证');
    for (const item of ['食品经营许可', '公共场所卫生许可', '城镇污水排入排水管网许可'])
      expect(text).toContain(item);
    expect(text).not.toContain(idNumber);
    await screenshot(applicant, 'bundles-verified');
  });
});

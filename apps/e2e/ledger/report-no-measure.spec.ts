import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSignIn } from '../fixtures/api.fixture';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';

/**
 * Issue 14 point 14: a problem with no measure yet is not 正在推进, and the report closes with its
 * issuing unit and date (落款) in the preview and in the .docx alike (TRUTH-1: the numbers are the
 * server's).
 */
describe('the report of an inspection with a problem that has no measure yet', () => {
  let e2e: E2EContext;
  let leader: Page;
  let inspectionId = '';
  const unit = '云溪县政务服务中心（测试）';

  beforeAll(async () => {
    e2e = await setUpE2E();
    const api = await apiSignIn(e2e.server.baseURL, 'leader');
    inspectionId = (
      await api.post<{ id: string }>('/api/ledger/inspections', {
        kind: 'self_check',
        team: '局自查组',
        inspectedUnit: unit,
        feedbackDate: '2026-10-28',
      })
    ).id;
    await api.post(`/api/ledger/inspections/${inspectionId}/findings`, { title: '窗口午间无人值守' });
    leader = await e2e.openPage();
    await new LoginPage(leader).signIn('leader', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('counts it as 尚未制定整改措施 and signs the preview and the .docx with the unit and the date', async () => {
    await leader.goto(`/ledger/${inspectionId}/report`);
    await leader.getByTestId('report-document').waitFor();
    const number = (key: string) => leader.getByTestId(`report-number-${key}`).getAttribute('data-value');
    expect(await number('findingsTotal')).toBe('1');
    expect(await number('findingsWithoutMeasures')).toBe('1');
    expect(await number('findingsInProgress')).toBe('0');
    expect(await leader.getByTestId('report-summary').innerText()).toContain(
      '正在推进0个，需长期坚持0个，尚未制定整改措施1个',
    );
    expect(await leader.getByTestId('report-issuer').innerText()).toBe(unit);

    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByTestId('report-download').click(),
    ]);
    const { value: text } = await mammoth.extractRawText({
      buffer: await readFile((await download.path())!),
    });
    expect(text).toContain('尚未制定整改措施1个');
    expect(text.trimEnd()).toMatch(/云溪县政务服务中心（测试）\s+\d{4}年\d{1,2}月\d{1,2}日$/);
  });
});

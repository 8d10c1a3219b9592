import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary, InboxList } from '@tongban/contracts';
import { apiSignIn } from '../fixtures/api.fixture';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';
import { DEMO_PASSWORD } from '../fixtures/demo-accounts';

/**
 * Issue 14 point 10: 催办 promised "承办人将收到站内消息". The supervisor urges a case; its handler
 * sees the bell's count, finds the message on the home page and in 消息与待办, and it opens the case.
 */
describe('inbox: an urged case reaches its handler', () => {
  let e2e: E2EContext;
  beforeAll(async () => {
    e2e = await setUpE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the department approver gets the urge in the inbox and opens the case from it', async () => {
    const base = e2e.server.baseURL;
    // A case waiting in the approver's back-office queue, taken by nobody yet: the urge reaches the
    // department's approvers.
    const approver = await apiSignIn(base, 'approver');
    const queue = await approver.get<{ items: CaseSummary[] }>('/api/cases?queue=review');
    const target = queue.items.find((c) => !c.assigneeId);
    expect(target, "the demo has a case in the approver's queue").toBeDefined();
    const supervisor = await apiSignIn(base, 'supervisor');
    await supervisor.post(`/api/cases/${target!.id}/urge`, {
      version: target!.version,
      note: '请今日内办结',
    });

    // Delivered after commit by the outbox poller (every 200 ms in the test server).
    for (let i = 0; i < 100; i++) {
      const unread = await approver.get<InboxList>('/api/inbox?filter=unread');
      if (unread.items.some((x) => x.body.includes('请今日内办结'))) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const page = await e2e.openPage();
    await new LoginPage(page).signIn('approver', DEMO_PASSWORD);
    // The home page lists what waits; the bell counts it.
    await page.getByTestId('home-waiting-item').filter({ hasText: '催办' }).first().waitFor();
    await page.getByTestId('inbox-bell').click();
    await page.waitForURL('**/inbox');
    await page.getByTestId('inbox-filter').getByText('未读', { exact: false }).click();
    const item = page.getByTestId('inbox-item').filter({ hasText: '请今日内办结' });
    await item.first().waitFor();
    expect(await page.getByTestId('inbox-badge').innerText()).not.toBe('');
    await item.first().getByTestId('inbox-open').click();
    await page.waitForURL(`**/cases/${target!.id}`);

    // Opened means read: the unread filter no longer lists it.
    await page.goto(`${base}/`);
    await page.getByTestId('home-waiting').waitFor();
    await page.goto(`${base}/inbox`);
    await page.getByTestId('inbox-filter').getByText('未读', { exact: false }).click();
    await page.getByTestId('inbox-list').waitFor();
    expect(await page.getByTestId('inbox-item').filter({ hasText: '请今日内办结' }).count()).toBe(0);
  });
});

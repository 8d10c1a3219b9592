import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '@tongban/contracts';
import { DEMO_PASSWORD, DEMO_USERS } from '../fixtures/demo-accounts';
import { setUpE2E, type E2EContext } from '../fixtures/e2e-context';
import { LoginPage } from '../pages/login.page';
import { spinnersGone } from '../pages/antd';

/**
 * Issue 14, point 15: with English chosen, every staff screen (as each role that sees it) and every
 * public page shows its labels in English. Only labels are read (menu, titles, buttons, table headers,
 * form labels, tabs); Chinese inside brackets is the domain word officials expect next to the English.
 */
const LABELS = [
  '[data-testid="app-menu"] .ant-menu-title-content',
  '.ant-menu-item-group-title',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  '.ant-card-head-title',
  'button',
  '.ant-table-thead th',
  '.ant-form-item-label label',
  '.ant-tabs-tab',
  '.ant-descriptions-item-label',
  '.ant-statistic-title',
  '.ant-steps-item-title',
  '[data-testid="public-nav"] a',
].join(',');

/**
 * Demo data that reaches a label from the database and stays Chinese: people (the seeded accounts and
 * staff), the region's offices and document numbers, and, read from the public API when the suite
 * starts, the names of the published items and bundles. A label is checked with these taken out.
 */
const DEMO_PEOPLE = [
  '系统管理员',
  '县委第二巡察组',
  '陈一鸣',
  '黄思源',
  '郑可欣',
  '王嘉树',
  '方建国',
  '杨静怡',
  '刘振华',
  '李小满',
];
const DEMO_PATTERNS = [/云溪县\S*/g, /\S*便民服务(中心|站)/g, /\S*〔\d{4}〕\d+号/g];
const demoNames: string[] = [...DEMO_PEOPLE];
/** Menu entries whose screen has been read by an earlier role's test. */
const checkedScreens = new Set<string>();

/** Every `name` and `title` in a public list: the items and bundles the demo seeded. */
function namesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namesIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    (k === 'name' || k === 'title') && typeof v === 'string' ? [v] : namesIn(v),
  );
}

/** Labels that are not the screen's own words: the switch names the other language, and the guide
 * and the 整改通报 are documents in their own language. */
const NOT_LABELS =
  '[data-testid="language-switch"], [data-testid="guide-document"], [data-testid="report-document"]';

const HAN = /[\u4e00-\u9fff]/;
const ROLES: Role[] = [
  'admin',
  'clerk',
  'approver',
  'dept_head',
  'supervisor',
  'leader',
  'inspector',
  'applicant',
];

/** Text outside brackets and outside the demo data. */
function bare(text: string): string {
  let s = text;
  for (const name of [...demoNames].sort((a, b) => b.length - a.length)) s = s.split(name).join(' ');
  for (const re of DEMO_PATTERNS) s = s.replace(re, ' ');
  return s.replace(/（[^（）]*）|\([^()]*\)|【[^【】]*】|“[^“”]*”|"[^"]*"/g, ' ');
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await spinnersGone(page);
}

/** The visible labels of the page whose text has Han characters outside brackets and demo data. */
async function chineseLabels(page: Page): Promise<string[]> {
  await settle(page);
  const texts = await page.evaluate(
    ([selector, notLabels]) => {
      const seen = new Set<string>();
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector!))) {
        if (el.getClientRects().length === 0 || el.closest('[aria-hidden="true"]')) continue;
        if (el.closest(notLabels!)) continue;
        const text = el.innerText.trim();
        if (text) seen.add(text);
      }
      return [...seen];
    },
    [LABELS, NOT_LABELS],
  );
  return texts.filter((t) => HAN.test(bare(t)));
}

async function chooseEnglish(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('language-switch').click();
  await page.getByText('Sign in', { exact: true }).first().waitFor();
}

describe('English screens (issue 14, point 15)', () => {
  let e2e: E2EContext;
  beforeAll(async () => {
    e2e = await setUpE2E();
    for (const path of ['/api/public/catalog/items?pageSize=100', '/api/public/bundles/definitions']) {
      const res = await fetch(new URL(path, e2e.server.baseURL));
      demoNames.push(...namesIn(await res.json()));
    }
    expect(demoNames.length).toBeGreaterThan(DEMO_PEOPLE.length);
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('every public page is in English once English is chosen on it', async () => {
    const page = await e2e.openPage();
    await page.goto('/portal');
    await page.getByTestId('public-nav').waitFor();
    // The switch is on the public page itself, and the page follows it without a reload.
    await page.getByTestId('language-switch').click();
    await page.getByTestId('public-nav-track').getByText('Track', { exact: false }).waitFor();

    const found: Record<string, string[]> = {};
    const visit = async (path: string) => {
      await page.goto(path);
      const bad = await chineseLabels(page);
      if (bad.length) found[path] = bad;
    };
    for (const path of ['/login', '/portal', '/guide', '/apply', '/track', '/verify', '/yjs']) {
      await visit(path);
    }
    // A guide of a seeded item, and a license that does not exist (the page explains why).
    await page.goto('/guide');
    await settle(page);
    const guide = await page.locator('a[href^="/guide/"]').first().getAttribute('href');
    expect(guide).toBeTruthy();
    await visit(guide!);
    await visit('/verify/TBX0000000000000');
    // A published 整改通报, when the portal lists one.
    await page.goto('/portal');
    await settle(page);
    const report = await page
      .locator('a[href^="/reports/"]')
      .first()
      .getAttribute('href', { timeout: 1000 })
      .catch(() => null);
    if (report) await visit(report);

    expect(found).toEqual({});
  }, 240_000);

  for (const role of ROLES) {
    it(`every screen ${role} sees is in English, and the sidebar fits its labels`, async () => {
      const page = await e2e.openPage();
      await chooseEnglish(page);
      const login = new LoginPage(page);
      await login.submitCredentials(DEMO_USERS[role], DEMO_PASSWORD);
      await page.getByTestId('app-menu').waitFor();

      // No menu label is cut off.
      const cut = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-testid="app-menu"] .ant-menu-title-content'))
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.innerText),
      );
      expect(cut).toEqual([]);

      const keys = await page
        .locator('[data-testid="app-menu"] [data-testid^="menu-"]:not([data-testid^="menu-group-"])')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!));
      expect(keys.length).toBeGreaterThan(0);

      const found: Record<string, string[]> = {};
      const check = async (where: string) => {
        const bad = await chineseLabels(page);
        if (bad.length) found[where] = bad;
      };
      // A list screen another role has already been checked on is the same component with the same
      // labels, so each is read once per file (the run is CPU-bound on CI); the home screen and the
      // detail screens below, whose content depends on the role, are read for every role.
      for (const key of keys) {
        if (key !== 'menu-home' && checkedScreens.has(key)) continue;
        await page.getByTestId(key).click();
        await check(`${key} ${new URL(page.url()).pathname}`);
        checkedScreens.add(key);
      }
      // The detail screens behind the lists: a case, a catalog item.
      for (const [list, link] of [
        ['/cases', 'a[href^="/cases/"]'],
        ['/catalog', 'a[href^="/catalog/"]'],
      ] as const) {
        await page.goto(list);
        await settle(page);
        const href = await page
          .locator(`main ${link}`)
          .first()
          .getAttribute('href', { timeout: 2000 })
          .catch(() => null);
        if (!href) continue;
        await page.goto(href);
        await check(href);
      }
      expect(found).toEqual({});
    }, 240_000);
  }

  it('Chinese stays Chinese: switching back shows the Chinese menu and titles', async () => {
    const page = await e2e.openPage();
    await chooseEnglish(page);
    await new LoginPage(page).submitCredentials(DEMO_USERS.supervisor, DEMO_PASSWORD);
    await page.getByTestId('app-menu').waitFor();
    await page.goto('/ledger');
    await settle(page);
    expect(await page.getByTestId('menu-home').innerText()).toBe('Home');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('menu-home').getByText('首页').waitFor();
    await settle(page);
    const titles = await page.locator('h3, h4, .ant-card-head-title, .ant-table-thead th').allInnerTexts();
    expect(titles.some((t) => HAN.test(t))).toBe(true);
    expect(titles.filter((t) => /^[A-Za-z][A-Za-z ]{6,}$/.test(t.trim()))).toEqual([]);
  }, 120_000);
});

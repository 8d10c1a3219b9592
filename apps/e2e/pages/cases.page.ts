import type { Locator, Page, Request, Response } from 'playwright-core';
import { chooseOption, modalOpened, visibleModal } from './antd';

/** Helpers for the case screens (apps/web/src/modules/cases). */
export class CasesPage {
  constructor(private readonly page: Page) {}

  /** Picks an option of an antd Select by its test id, typing `search` first when given. */
  choose(selectTestId: string, optionText: string, search?: string): Promise<void> {
    return chooseOption(this.page, selectTestId, optionText, search);
  }

  /**
   * The options of an antd Select by its test id, as listed (text, and whether it can be chosen):
   * opens the list, waits for it to load, reads it and closes it again with Escape.
   */
  async options(selectTestId: string): Promise<{ text: string; disabled: boolean }[]> {
    await this.page.getByTestId(selectTestId).click();
    // Read in one go inside the page, once the open list shows its options (they load on opening).
    const read = await this.page.waitForFunction(() => {
      const open = Array.from(document.querySelectorAll('.ant-select-dropdown')).find(
        (d) => !/-hidden|-leave/.test(d.className),
      );
      const options = open ? Array.from(open.querySelectorAll('.ant-select-item-option')) : [];
      return options.length > 0
        ? options.map((o) => ({
            text: (o as HTMLElement).innerText.trim(),
            disabled: o.classList.contains('ant-select-item-option-disabled'),
          }))
        : null;
    });
    const listed = (await read.jsonValue())!;
    await this.page.keyboard.press('Escape');
    await this.page.waitForFunction(
      () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
    );
    return listed;
  }

  /** The visible dialog's OK button (the action dialogs share `action-ok`). */
  get ok(): Locator {
    return this.page.locator('[data-testid="action-ok"]:visible');
  }

  get dialog(): Locator {
    return visibleModal(this.page);
  }

  async openCase(caseId: string): Promise<void> {
    await this.page.goto(`/cases/${caseId}`);
    await this.page.getByTestId('case-detail-page').waitFor();
  }

  /** Presses an action button of the case and waits for its dialog. */
  async startAction(key: string): Promise<void> {
    await this.page.getByTestId(`action-${key}`).click();
    await this.dialog.waitFor();
  }

  /** Confirms the dialog and waits for it to close (the action succeeded). */
  async confirm(): Promise<void> {
    // What the dialog sent and got back, for the failure message: a dialog that stays open with
    // nothing shown was twice seen in CI and never locally, and the request tells which side it was.
    const seen: string[] = [];
    const isPost = (r: Request) => r.method() === 'POST' && r.url().includes('/api/');
    const onRequest = (r: Request) => isPost(r) && seen.push(`sent ${new URL(r.url()).pathname}`);
    const onResponse = (r: Response) =>
      isPost(r.request()) && seen.push(`answered ${r.status()} ${new URL(r.url()).pathname}`);
    const onFailed = (r: Request) => isPost(r) && seen.push(`failed ${r.failure()?.errorText ?? ''}`);
    this.page.on('request', onRequest);
    this.page.on('response', onResponse);
    this.page.on('requestfailed', onFailed);
    try {
      // As a person would: the dialog has finished opening before OK is pressed.
      await modalOpened(this.page);
      await this.ok.click();
      await this.dialog.waitFor({ state: 'hidden' });
    } catch (err) {
      // Say why: a refusal the dialog shows is the useful part of a failure.
      const shown = await this.page
        .getByTestId('action-error')
        .innerText({ timeout: 500 })
        .catch(() => '');
      const ok = await this.ok
        .evaluate((b) => `${b.className}${(b as HTMLButtonElement).disabled ? ' disabled' : ''}`)
        .catch(() => 'gone');
      throw new Error(
        `the dialog stayed open${shown ? `, showing: ${shown.trim()}` : ''}; ` +
          `requests: ${seen.join(', ') || 'none'}; OK button: ${ok}`,
        { cause: err },
      );
    } finally {
      this.page.off('request', onRequest);
      this.page.off('response', onResponse);
      this.page.off('requestfailed', onFailed);
    }
  }

  /** Confirms the dialog and returns the refusal shown inside it. */
  async confirmExpectingError(): Promise<string> {
    await this.ok.click();
    const error = this.page.getByTestId('action-error');
    await error.waitFor();
    return (await error.innerText()).trim();
  }

  async status(): Promise<string> {
    return (
      await this.page
        .locator('[data-testid="case-detail-page"] [data-testid="case-status"]')
        .first()
        .innerText()
    ).trim();
  }

  /** Fills an antd InputNumber (the test id sits on the wrapper or on the input, by antd version). */
  async fillNumber(testId: string, value: number): Promise<void> {
    await this.page
      .locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`)
      .first()
      .fill(String(value));
  }

  /**
   * 窗口受理: looks the natural person up by number and, when not yet registered, registers them (ID-1
   * is checked by the form).
   */
  async registerApplicant(idNumber: string, name: string, phone: string): Promise<void> {
    await this.page.getByTestId('applicant-id-number').fill(idNumber);
    await this.page.getByTestId('applicant-lookup').click();
    const chosen = this.page.getByTestId('applicant-chosen');
    await chosen.or(this.page.getByTestId('applicant-name')).waitFor();
    if (await chosen.isVisible()) return;
    await this.page.getByTestId('applicant-name').fill(name);
    await this.page.getByTestId('applicant-phone').fill(phone);
    await this.page.getByTestId('applicant-register').click();
    await this.page.getByTestId('applicant-chosen').waitFor();
  }

  /**
   * 窗口受理 from the menu: item by search, a new applicant, each listed material marked as given
   * (others keep the form's default), then 收件核对. Stops at the decision: nothing is filed until a
   * decision is confirmed (issue 14 point 7; `filed()` then reads the new case). Returns the item
   * line shown before 收件 (department, 办件类型, limits).
   */
  async receive(opts: {
    item: string;
    search: string;
    applicant: { idNumber: string; name: string; phone: string };
    materials?: Record<string, '已提交' | '缺少' | '不适用'>;
  }): Promise<{ itemInfo: string }> {
    await this.page.getByTestId('menu-cases-intake').click();
    await this.page.getByTestId('intake-page').waitFor();
    // The menu does not remount a page already shown: start a new 收件 explicitly.
    await this.page.getByTestId('intake-new').click();
    await this.choose('item-picker', opts.item, opts.search);
    const itemInfo = (await this.page.getByTestId('intake-item').innerText()).trim();
    const { idNumber, name, phone } = opts.applicant;
    await this.registerApplicant(idNumber, name, phone);
    await this.page.getByTestId('intake-materials').waitFor();
    for (const [material, given] of Object.entries(opts.materials ?? {}))
      await this.choose(`intake-material-${material}`, given);
    await this.page.getByTestId('intake-receive').click();
    await this.page.getByTestId('intake-decision').waitFor();
    return { itemInfo };
  }

  /** The case the intake's confirmed decision filed: its id and number. */
  async filed(): Promise<{ caseId: string; caseNo: string }> {
    const link = this.page.getByTestId('intake-case-no');
    await link.waitFor();
    return {
      caseNo: (await link.innerText()).trim(),
      caseId: (await link.getAttribute('href'))!.split('/').pop()!,
    };
  }

  /** The status tag shown inside the element with this test id (intake result or case page). */
  statusIn(scopeTestId: string): Locator {
    return this.page.locator(`[data-testid="${scopeTestId}"] [data-testid="case-status"]`).first();
  }

  /** A notice of the case by kind (accept, refuse, supplement, suspend, extend, decide). */
  notice(kind: string): Locator {
    return this.page.locator(`[data-testid="notice-item"][data-kind="${kind}"]`).first();
  }

  /** The notice number of the case's notice of this kind, once it is shown. */
  async noticeNumber(kind: string): Promise<string> {
    const n = this.notice(kind).getByTestId('notice-number');
    await n.waitFor();
    return (await n.innerText()).trim();
  }

  /** Opens the print view of the notice of this kind in a new tab; returns the tab (caller closes it). */
  async openNoticePrint(kind: string): Promise<Page> {
    const href = await this.notice(kind).getByTestId('notice-print').getAttribute('href');
    const print = await this.page.context().newPage();
    await print.goto(href!);
    await print.getByTestId('notice-document').waitFor();
    return print;
  }

  /** The case log entries of one event type (data-type on the timeline). */
  events(type: string): Locator {
    return this.page.locator(`[data-testid="case-event"][data-type="${type}"]`);
  }

  /** The 当前环节 field of the case page. */
  async currentStep(): Promise<string> {
    return (
      await this.page
        .locator('[data-testid="case-detail-page"] .ant-descriptions-item-label', { hasText: /^当前环节$/ })
        .locator('xpath=following-sibling::*[1]')
        .innerText()
    ).trim();
  }

  /** Waits for the status tag of the case page (or of the element with `scopeTestId`) to read `label`. */
  async waitForStatus(label: string, scopeTestId = 'case-detail-page'): Promise<void> {
    await this.page.waitForFunction(
      ([l, scope]) =>
        document
          .querySelector(`[data-testid="${scope}"] [data-testid="case-status"]`)
          ?.textContent?.trim() === l,
      [label, scopeTestId] as const,
    );
  }
}

import type { Locator, Page } from 'playwright-core';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.username = page.getByTestId('login-username');
    this.password = page.getByTestId('login-password');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.submit.waitFor();
  }

  /** Fills the form and submits; does not wait for the outcome. */
  async submitCredentials(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in and waits for the shell to appear. */
  async signIn(username: string, password: string): Promise<void> {
    await this.goto();
    await this.submitCredentials(username, password);
    await this.page.getByTestId('app-menu').waitFor();
  }

  /** Submits and waits for the error banner; returns its text. */
  async signInExpectingError(username: string, password: string): Promise<string> {
    await this.submitCredentials(username, password);
    await this.error.waitFor();
    await this.page.waitForFunction(
      () => !document.querySelector('[data-testid="login-submit"].ant-btn-loading'),
    );
    return (await this.error.innerText()).trim();
  }
}

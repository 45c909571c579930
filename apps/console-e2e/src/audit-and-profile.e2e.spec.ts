/** The audit log shows sign-ins to the platform admin; the profile page changes the display name. */
import type { BrowserContext, Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack';
import { login, newPage, pageTitle, screenshot, switchLanguage, waitForText } from './support/console';

describe('console: audit log and profile', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    ({ context, page } = await newPage(stack));
  });
  afterEach(async () => {
    await context?.close();
  });

  it('shows the admin its login events, with details', async () => {
    await login(page, 'admin@mop.local');
    await switchLanguage(page, 'en');
    await screenshot(page, 'admin-01-dashboard-en');
    await page.getByTestId('menu-AuditEvent').click();
    await page.waitForURL(/\/AuditEvent/);
    const loginEvent = page.locator('[data-action="auth.login"]').first();
    await loginEvent.waitFor();
    expect(await pageTitle(page)).toContain('Audit log');
    const row = page.locator('tr', { has: loginEvent }).first();
    expect(await row.textContent()).toContain('admin@mop.local');
    await screenshot(page, 'admin-02-audit-log-en');

    await row.click();
    await page.waitForURL(/\/AuditEvent\/[^/]+\/show/);
    await page.getByTestId('audit-changes').waitFor();
    await screenshot(page, 'admin-03-audit-event-en');

    await switchLanguage(page, 'zh-CN');
    await page.getByTestId('menu-AuditEvent').click();
    await page.locator('[data-action="auth.login"]').first().waitFor();
    expect(await pageTitle(page)).toContain('审计日志');
    await screenshot(page, 'admin-04-audit-log-zh');
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    await screenshot(page, 'admin-05-dashboard-zh');
  });

  it('changes the display name from the profile page', async () => {
    await login(page, 'owner@lumen.example');
    await switchLanguage(page, 'en');
    await page.goto('/#/profile');
    const name = page.getByTestId('profile-display-name');
    await name.waitFor();
    await screenshot(page, 'profile-01-en');
    const newName = `Lumen Owner ${Date.now().toString(36)}`;
    await name.fill(newName);
    await page.getByTestId('profile-save').click();
    await page.getByText('Your profile has been updated').waitFor();

    // The new name is what the server now returns: visible after a reload on the dashboard.
    await page.goto('/#/');
    await page.reload();
    await waitForText(page, 'dashboard-welcome', newName);
    await page.goto('/#/profile');
    expect(await page.getByTestId('profile-display-name').inputValue()).toBe(newName);

    await switchLanguage(page, 'zh-CN');
    await waitForText(page, 'profile-page', '修改密码');
    await screenshot(page, 'profile-02-zh');

    // Client-side validation of the password form, in the current language.
    await page.getByTestId('password-newPassword').fill('short');
    await page.getByTestId('password-submit').click();
    await waitForText(page, 'profile-page', '至少需要 10 个字符');
    await screenshot(page, 'profile-03-zh-validation');
  });

  it('shows a translated message on a wrong password and sends signed-out users to the login page', async () => {
    await page.goto('/#/');
    await page.getByTestId('login-email').waitFor();
    await switchLanguage(page, 'en');
    await screenshot(page, 'login-01-en');
    await switchLanguage(page, 'zh-CN');
    await waitForText(page, 'login-title', '登录');
    await screenshot(page, 'login-02-zh');
    await page.getByTestId('login-email').fill('admin@mop.local');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await waitForText(page, 'login-error', '邮箱或密码不正确');
  });
});

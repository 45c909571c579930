/**
 * Acceptance: in real Chromium, each role signs in, sees exactly its menu; a user with two
 * workspaces chooses one and switches to the other; the language switches to Chinese and back.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack';
import {
  ALL_MENU_RESOURCES,
  EXPECTED_MENUS,
  expectedMenu,
  login,
  newPage,
  pageTitle,
  screenshot,
  switchLanguage,
  visibleMenu,
  waitForText,
} from './support/console';

// Harbor Coffee has merchant coupons enabled in the demo data: its owner, manager and marketer see
// Coupons, and so does Nimbus Digital's staff, whom Harbor authorized with COUPONS_MANAGE.
const ACCOUNTS: { email: string; role: keyof typeof EXPECTED_MENUS; coupons?: boolean }[] = [
  { email: 'admin@mop.local', role: 'PLATFORM_ADMIN' },
  { email: 'reviewer@mop.local', role: 'PLATFORM_REVIEWER' },
  { email: 'owner@harbor.example', role: 'OWNER', coupons: true },
  { email: 'manager@harbor.example', role: 'MANAGER', coupons: true },
  { email: 'marketer@harbor.example', role: 'MARKETER', coupons: true },
  { email: 'clerk@harbor.example', role: 'CLERK', coupons: true },
  { email: 'owner@lumen.example', role: 'OWNER' },
  { email: 'admin@nimbus.example', role: 'PROVIDER_ADMIN', coupons: true },
  { email: 'operator@nimbus.example', role: 'PROVIDER_OPERATOR', coupons: true },
];

const sorted = (values: readonly string[]) => [...values].sort();

describe('console: roles, workspaces and languages', () => {
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

  it.each(ACCOUNTS)('$email ($role) sees exactly the $role menu', async ({ email, role, coupons }) => {
    await login(page, email);
    await page.getByTestId('dashboard').waitFor();
    const menu = await visibleMenu(page);
    await screenshot(page, `menu-${role}-${email.split('@')[0]}-${email.split('@')[1].split('.')[0]}`);
    const expected = expectedMenu(role, { coupons });
    expect(sorted(menu)).toEqual(sorted(expected));
    for (const hidden of ALL_MENU_RESOURCES.filter((r) => !expected.includes(r))) {
      expect(await page.getByTestId(`menu-${hidden}`).count()).toBe(0);
    }
    await switchLanguage(page, 'en');
    await waitForText(page, 'active-workspace-role', ROLE_LABELS[role]);
  });

  it('asks a user with two workspaces to choose, then switches from the AppBar', async () => {
    await login(page, 'consultant@mop.local');
    const chooser = page.getByTestId('workspace-chooser');
    await chooser.waitFor();
    await switchLanguage(page, 'en');
    await screenshot(page, 'consultant-01-chooser');

    await chooser.locator('[data-workspace-kind="MERCHANT"]').click();
    await page.getByTestId('dashboard').waitFor();
    await waitForText(page, 'active-workspace-name', 'Lumen');
    expect(sorted(await visibleMenu(page))).toEqual(sorted(EXPECTED_MENUS.MANAGER));
    await screenshot(page, 'consultant-02-merchant-manager');

    await page.getByTestId('workspace-switcher').click();
    await page.locator('[data-testid^="workspace-option-"]').filter({ hasText: 'Nimbus' }).click();
    await waitForText(page, 'active-workspace-name', 'Nimbus');
    await page.getByTestId('dashboard').waitFor();
    expect(sorted(await visibleMenu(page))).toEqual(sorted(expectedMenu('PROVIDER_OPERATOR', { coupons: true })));
    expect(await page.getByTestId('menu-Store').count()).toBe(0);
    await screenshot(page, 'consultant-03-provider-operator');

    // And back again: the menu follows the workspace every time.
    await page.getByTestId('workspace-switcher').click();
    await page.locator('[data-testid^="workspace-option-"]').filter({ hasText: 'Lumen' }).click();
    await waitForText(page, 'active-workspace-name', 'Lumen');
    expect(sorted(await visibleMenu(page))).toEqual(sorted(EXPECTED_MENUS.MANAGER));
  });

  it('switches the language to Chinese and back at any time', async () => {
    await login(page, 'owner@harbor.example');
    await switchLanguage(page, 'en');
    await waitForText(page, 'menu-Store', 'Stores');
    await page.getByTestId('menu-Store').click();
    await page.waitForURL(/\/Store$/);
    await page.locator('.RaList-main, [data-testid="empty-state"]').first().waitFor();
    expect(await pageTitle(page)).toContain('Stores');
    await screenshot(page, 'language-01-en-stores');

    await switchLanguage(page, 'zh-CN');
    await waitForText(page, 'menu-Store', '门店');
    await waitForText(page, 'menu-dashboard', '工作台');
    await waitForText(page, 'menu-Merchant', '我的商户');
    await waitForText(page, 'menu-Membership', '成员');
    await waitForText(page, 'menu-AuditEvent', '审计日志');
    expect(await pageTitle(page)).toContain('门店');
    await waitForText(page, 'active-workspace-role', '所有者');
    await screenshot(page, 'language-02-zh-stores');

    // The choice survives a reload.
    await page.reload();
    await waitForText(page, 'menu-Store', '门店');

    await switchLanguage(page, 'en');
    await waitForText(page, 'menu-Store', 'Stores');
    await waitForText(page, 'menu-dashboard', 'Dashboard');
    expect(await pageTitle(page)).toContain('Stores');
    await screenshot(page, 'language-03-en-again');
  });
});

const ROLE_LABELS: Record<keyof typeof EXPECTED_MENUS, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  PLATFORM_REVIEWER: 'Platform reviewer',
  OWNER: 'Owner',
  MANAGER: 'Manager',
  MARKETER: 'Marketer',
  CLERK: 'Clerk',
  PROVIDER_ADMIN: 'Provider admin',
  PROVIDER_OPERATOR: 'Provider operator',
};

/** Page helpers for the console e2e tests: sign in, read the menu, switch language, screenshots. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, type Stack } from './stack';

export const ARTIFACTS = join(__dirname, '../../artifacts');

/**
 * The resource menu entries (data-testid `menu-<Resource>`) each role is expected to see, in a
 * merchant without merchant coupons (Lumen Books in the demo data).
 */
export const EXPECTED_MENUS = {
  PLATFORM_ADMIN: ['Application', 'Merchant', 'ServiceProvider', 'User', 'Authorization', 'AuditEvent'],
  PLATFORM_REVIEWER: ['Application', 'Merchant', 'ServiceProvider', 'User', 'Authorization', 'AuditEvent'],
  OWNER: ['Merchant', 'Store', 'Product', 'Membership', 'Invitation', 'Authorization', 'WebhookEndpoint', 'AuditEvent'],
  MANAGER: ['Merchant', 'Store', 'Product', 'Membership', 'Authorization', 'WebhookEndpoint'],
  MARKETER: ['Merchant', 'Store', 'Product'],
  CLERK: ['Store'],
  PROVIDER_ADMIN: ['ServiceProvider', 'Membership', 'Invitation', 'Authorization', 'Merchant', 'ApiKey', 'AuditEvent'],
  PROVIDER_OPERATOR: ['ServiceProvider', 'Authorization', 'Merchant'],
} as const;

/**
 * What merchant coupons add to each role's menu: for merchant staff once the merchant has
 * MERCHANT_COUPONS (Harbor Coffee), for provider staff once a merchant with it authorized them with
 * COUPONS_MANAGE (Nimbus, which is not granted COUPONS_REDEEM: no counter). Stocks and issued coupons
 * for whoever reads them, the customer sandbox for whoever may claim, the counter for whoever may redeem.
 */
export const COUPON_MENUS: Record<keyof typeof EXPECTED_MENUS, readonly string[]> = {
  PLATFORM_ADMIN: [],
  PLATFORM_REVIEWER: [],
  OWNER: ['CouponStock', 'Coupon', 'Sandbox', 'Counter'],
  MANAGER: ['CouponStock', 'Coupon', 'Sandbox', 'Counter'],
  MARKETER: ['CouponStock', 'Coupon', 'Sandbox'],
  CLERK: ['Counter'],
  PROVIDER_ADMIN: ['CouponStock', 'Coupon', 'Sandbox'],
  PROVIDER_OPERATOR: ['CouponStock', 'Coupon', 'Sandbox'],
};

export function expectedMenu(role: keyof typeof EXPECTED_MENUS, { coupons = false } = {}): string[] {
  const menu: string[] = [...EXPECTED_MENUS[role]];
  return coupons ? [...menu, ...COUPON_MENUS[role]] : menu;
}

export const ALL_MENU_RESOURCES = [
  'Application',
  'Merchant',
  'ServiceProvider',
  'Store',
  'Product',
  'CouponStock',
  'Coupon',
  'Sandbox',
  'Counter',
  'Membership',
  'Invitation',
  'ApiKey',
  'WebhookEndpoint',
  'User',
  'Authorization',
  'AuditEvent',
];

export async function newPage(stack: Stack): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login page and waits for the dashboard or the workspace chooser. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/#/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="dashboard"], [data-testid="workspace-chooser"]').first().waitFor();
}

/** Sets the console language from the AppBar (or the login page) switcher. */
export async function switchLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  // react-admin's AppBar hides while the page is scrolled down: back to the top, it shows again.
  if (await page.evaluate(() => window.scrollY > 0)) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
  }
  await page.getByTestId('language-switcher').first().click();
  await page.getByTestId(`language-option-${locale}`).click();
  await page.getByTestId(`language-option-${locale}`).waitFor({ state: 'detached' });
}

/** The resource entries of the sidebar, once it has settled. */
export async function visibleMenu(page: Page): Promise<string[]> {
  await page.getByTestId('menu-dashboard').waitFor();
  let previous = '';
  let stableSince = Date.now();
  const deadline = Date.now() + 15_000;
  // canAccess answers asynchronously: wait until the entries stop changing.
  while (Date.now() < deadline) {
    const current = (await page.locator('[data-testid^="menu-"]').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-testid') ?? '').filter((id) => id !== 'menu-dashboard'),
    )) as string[];
    const key = current.join(',');
    if (key !== previous) {
      previous = key;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 750 && current.length > 0) {
      return current.map((id) => id.replace(/^menu-/, ''));
    }
    await page.waitForTimeout(100);
  }
  return previous ? previous.split(',').map((id) => id.replace(/^menu-/, '')) : [];
}

export async function waitForText(page: Page, testId: string, expected: RegExp | string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  const deadline = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.textContent().catch(() => '')) ?? '';
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`${testId} never showed ${expected}; last text: "${text}"`);
}

export async function pageTitle(page: Page): Promise<string> {
  return ((await page.locator('#react-admin-title').textContent()) ?? '').trim();
}

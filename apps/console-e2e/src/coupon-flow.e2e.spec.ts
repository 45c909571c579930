/**
 * Issue 4, acceptance: a coupon from stock to counter. A marketer of Harbor Coffee creates and
 * activates a ¥5-off stock through the form; in the customer sandbox a customer claims it and sees
 * its code; the stock's counters follow the claim. A clerk, on a phone-sized screen, types that code
 * in lowercase with dashes at the counter, is told an order of ¥20 is below the minimum spend,
 * redeems it on ¥42.50 and sees the result. The stock's chart and counters show the claim and the
 * redemption; the issued-coupons list finds the coupon by its grouped code, shows its redemption and
 * exports it as CSV. Then the clerk reverses the redemption (a refund), the chart shows the reversal,
 * and the marketer revokes a second customer's coupon.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { BrowserContext, Page } from 'playwright-core';
import { JobName, QueueName } from '@mop/queues';
import { ARTIFACTS, login, newPage, screenshot, switchLanguage, waitForText } from './support/console';
import { startStack, type Stack } from './support/stack';

const MARKETER = 'marketer@harbor.example';
const CLERK = 'clerk@harbor.example';
const RUN = Date.now().toString(36);
const STOCK_NAME = `Counter latte ¥5 off ${RUN}`;
const CUSTOMER = `wx-${RUN}`;
const SECOND_CUSTOMER = `wx-${RUN}-b`;
/** The iPhone 12–15 screen a clerk holds at the till. */
const PHONE = { width: 390, height: 844 };

let step = 0;
const shot = (page: Page, name: string) => screenshot(page, `coupon-flow-${String(++step).padStart(2, '0')}-${name}`);
/** A dialog covers the screen, not the page: its picture is of what the user sees. */
const dialogShot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `coupon-flow-${String(++step).padStart(2, '0')}-${name}.png`) });
const field = (page: Page, source: string) => page.locator(`input[name="${source}"], textarea[name="${source}"]`).first();
/** Lets a dialog finish its transition before a picture is taken. */
const settle = (page: Page) => page.waitForTimeout(400);
/** Waits for react-admin's notification to be gone (it would cover what a screenshot is for). */
const noNotification = (page: Page) => page.locator('.MuiSnackbar-root').first().waitFor({ state: 'detached', timeout: 15_000 });
const grouped = (code: string) => (code.match(/.{1,4}/g) ?? []).join('-');

/** "yyyy-MM-ddTHH:mm" in the browser's time zone, as a datetime-local input takes it. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Reloads until the element shows what is expected (the stock row's counters follow a moment
 * later), giving each load a couple of seconds to fetch what it shows.
 */
async function reloadUntil(page: Page, testId: string, expected: RegExp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    const settled = Date.now() + 2_000;
    while (Date.now() < settled) {
      text = ((await page.getByTestId(testId).first().textContent({ timeout: 10_000 }).catch(() => '')) ?? '').trim();
      if (expected.test(text)) return;
      await page.waitForTimeout(100);
    }
    if (Date.now() > deadline) throw new Error(`${testId} never showed ${expected}; last text: "${text}"`);
    await page.reload();
    await page.getByTestId(testId).first().waitFor();
  }
}

async function dataValue(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).first().getAttribute('data-value');
}

describe('console: a coupon from stock to counter', () => {
  let stack: Stack;
  let coupons: Queue;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const unexpectedErrors: string[] = [];
  let marketer: Page;
  let clerk: Page;

  const watch = (name: string, page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const body = await response.text().catch(() => '');
      if (body.includes('"errors"')) unexpectedErrors.push(`${name}: ${response.request().postData()?.slice(0, 300)} → ${body.slice(0, 500)}`);
    });
  };

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    const redis = new URL(stack.redisUrl);
    coupons = new Queue(QueueName.Coupons, { prefix: stack.redisPrefix, connection: { host: redis.hostname, port: Number(redis.port || 6379) } });
    const desk = await newPage(stack);
    contexts.push(desk.context);
    await desk.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    marketer = desk.page;
    watch('marketer', marketer);
    const phone = await stack.browser.newContext({ baseURL: stack.baseUrl, viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US' });
    contexts.push(phone);
    clerk = await phone.newPage();
    clerk.setDefaultTimeout(20_000);
    watch('clerk', clerk);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await coupons?.close();
    await stack?.stop();
  });

  it('a marketer activates a stock, a customer claims in the sandbox, a clerk redeems at the counter, the stock shows both', async () => {
    try {
      await walkThrough();
    } catch (error) {
      await Promise.all([screenshot(marketer, 'coupon-flow-failed-marketer'), screenshot(clerk, 'coupon-flow-failed-clerk')]).catch(() => undefined);
      const errors = [...pageErrors, ...unexpectedErrors];
      if (errors.length) (error as Error).message += `\nIn the browsers:\n${errors.join('\n').slice(0, 4000)}`;
      throw error;
    }
    expect(pageErrors).toEqual([]);
    expect(unexpectedErrors).toEqual([]);
  }, 420_000);

  async function walkThrough() {
    // 1. The marketer creates a ¥5-off stock from ¥30, claimable now for a week, valid 30 days, 100 coupons, 1 per customer.
    await login(marketer, MARKETER);
    await switchLanguage(marketer, 'en');
    await marketer.getByTestId('menu-CouponStock').click();
    await marketer.getByTestId('coupon-create').click();
    await marketer.getByTestId('section-basics').waitFor();
    await field(marketer, 'name').fill(STOCK_NAME);
    await field(marketer, 'faceValue').fill('5');
    await field(marketer, 'minSpend').fill('30');
    const now = new Date();
    await field(marketer, 'claimStartsAt').fill(localInputValue(now));
    await field(marketer, 'claimEndsAt').fill(localInputValue(new Date(now.getTime() + 7 * 24 * 3600_000)));
    await field(marketer, 'validDays').fill('30');
    await field(marketer, 'totalQuantity').fill('100');
    await field(marketer, 'perCustomerLimit').fill('1');
    await marketer.getByRole('button', { name: 'Save' }).click();
    await marketer.getByTestId('coupon-stock-show').waitFor();
    const stockUrl = marketer.url();
    await marketer.getByTestId('coupon-activate').click();
    await marketer.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
    await marketer.getByTestId('status-ACTIVE').waitFor();
    await waitForText(marketer, 'remaining-bar', '100 / 100');
    // Nothing has happened yet: an empty chart, no coupons.
    await waitForText(marketer, 'activity-totals', /0.*0.*0/s);
    await marketer.getByTestId('stock-coupons-empty').waitFor();
    await noNotification(marketer);
    await shot(marketer, 'stock-active');

    // 2. In the customer sandbox, a new customer sees the stock with its terms and claims it.
    await marketer.getByTestId('menu-Sandbox').click();
    await marketer.getByTestId('sandbox-page').waitFor();
    await marketer.getByTestId('sandbox-customer-input').fill(CUSTOMER);
    await marketer.getByTestId('sandbox-customer-open').click();
    const card = marketer.locator(`[data-testid="sandbox-stock"][data-stock-name="${STOCK_NAME}"]`);
    await card.waitFor();
    expect(await card.getByTestId('sandbox-stock-value').textContent()).toBe('¥5.00 off');
    expect(await card.getByTestId('sandbox-stock-held').textContent()).toContain('holds 0 of 1');
    await marketer.getByTestId('sandbox-wallet-empty').waitFor();
    await shot(marketer, 'sandbox-before-claim');
    await card.getByTestId('sandbox-claim').click();
    const ticket = marketer.getByTestId('sandbox-coupon').first();
    await ticket.waitFor();
    const code = (await ticket.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    // The code reads in groups of four; copying takes the raw code.
    expect(await ticket.getByTestId('sandbox-coupon-code').textContent()).toBe(grouped(code));
    await ticket.getByTestId('sandbox-coupon-code-copy').click();
    expect(await marketer.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // Holding one of one, the customer is told why another claim would be refused.
    await card.locator('[data-testid="sandbox-stock-refusal"][data-refusal="CUSTOMER_LIMIT"]').waitFor();
    expect(await card.getByTestId('sandbox-claim').isDisabled()).toBe(true);
    await noNotification(marketer);
    await shot(marketer, 'sandbox-claimed');

    // The same page in Chinese: terms, refusal and wallet translated.
    await switchLanguage(marketer, 'zh-CN');
    await waitForText(marketer, 'sandbox-stock-value', '立减 ¥5.00');
    await waitForText(marketer, 'sandbox-stock-refusal', '已持有 1 张');
    await shot(marketer, 'sandbox-zh');
    await switchLanguage(marketer, 'en');

    // 3. The stock's counters follow the claim (within ~250 ms; a reload shows them).
    await marketer.goto(stockUrl);
    await reloadUntil(marketer, 'remaining-bar', /^99 \/ 100$/);
    await waitForText(marketer, 'redemption-rate', '0 of 1 redeemed · 0%');
    expect(await dataValue(marketer, 'activity-total-claimed')).toBe('1');

    // 4. The clerk, on a phone, opens the counter from the menu: its one store is already chosen.
    await login(clerk, CLERK);
    await switchLanguage(clerk, 'en');
    await clerk.getByRole('button', { name: 'Open menu' }).click();
    await clerk.getByTestId('menu-Counter').waitFor();
    // A clerk finds coupons by their code at the counter, not in the list of issued coupons.
    expect(await clerk.getByTestId('menu-Coupon').count()).toBe(0);
    await settle(clerk);
    await dialogShot(clerk, 'phone-menu');
    await clerk.getByTestId('menu-Counter').click();
    await clerk.getByTestId('counter-page').waitFor();
    await waitForText(clerk, 'counter-store', 'Harbor Coffee · Bund');

    // 5. The code as a clerk might type it: lowercase, with dashes. It is found, usable here and now.
    await clerk.getByTestId('counter-code').fill(grouped(code).toLowerCase());
    await clerk.getByTestId('counter-lookup').click();
    await clerk.getByTestId('counter-usable').waitFor();
    expect(await clerk.getByTestId('counter-coupon-code').getAttribute('data-code')).toBe(code);
    await waitForText(clerk, 'counter-coupon-value', '¥5.00 off');
    await shot(clerk, 'phone-lookup');

    // 6. ¥20 is below the minimum spend of ¥30: said in plain words, confirming is not offered.
    await clerk.getByTestId('counter-amount').fill('20');
    await waitForText(clerk, 'counter-quote-refused', 'below the minimum spend of ¥30.00');
    expect(await clerk.getByTestId('counter-confirm').isDisabled()).toBe(true);
    await shot(clerk, 'phone-below-min-spend');

    // 7. On ¥42.50 the discount is ¥5.00, ¥37.50 to pay; one confirmation redeems it.
    await clerk.getByTestId('counter-amount').fill('42.50');
    await waitForText(clerk, 'counter-discount', '¥5.00');
    await waitForText(clerk, 'counter-to-pay', '¥37.50');
    await waitForText(clerk, 'counter-confirm', 'Confirm: ¥5.00 off');
    await shot(clerk, 'phone-amount');
    await clerk.getByTestId('counter-confirm').click();
    await waitForText(clerk, 'counter-result-title', 'Coupon redeemed');
    await waitForText(clerk, 'counter-result-discount', '¥5.00');
    await waitForText(clerk, 'counter-result-to-pay', 'Customer pays ¥37.50');
    await clerk.getByTestId('counter-reverse').waitFor();
    await shot(clerk, 'phone-result');

    // 8. The stock's chart shows the claim and the redemption at once (it counts the rows); the row's
    //    redeemed counter follows with the worker's reconciliation, brought forward here.
    await marketer.goto(stockUrl);
    await marketer.getByTestId('coupon-stock-show').waitFor();
    await reloadUntil(marketer, 'activity-totals', /^1.*1.*0/s);
    expect(await dataValue(marketer, 'activity-total-claimed')).toBe('1');
    expect(await dataValue(marketer, 'activity-total-redeemed')).toBe('1');
    expect(await dataValue(marketer, 'activity-total-reversed')).toBe('0');
    await coupons.add(JobName.ReconcileCouponCounters, {});
    await reloadUntil(marketer, 'redemption-rate', /1 of 1 redeemed · 100%/, 30_000);
    await waitForText(marketer, 'remaining-bar', '99 / 100');
    const stockRow = marketer.getByTestId('stock-coupon-list').locator('tbody tr').first();
    await stockRow.getByTestId('status-REDEEMED').waitFor();
    expect(await stockRow.getByTestId('coupon-code').getAttribute('data-code')).toBe(code);
    await settle(marketer);
    await shot(marketer, 'stock-claimed-and-redeemed');

    // 9. The issued-coupons list finds the coupon by its grouped code; its page shows the redemption.
    await marketer.getByTestId('menu-Coupon').click();
    await marketer.getByTestId('coupon-list').waitFor();
    await marketer.locator('input[name="q"]').fill(grouped(code));
    const row = marketer.getByTestId('coupon-list').locator('tbody tr', { hasText: CUSTOMER });
    await row.waitFor();
    expect(await marketer.getByTestId('coupon-list').locator('tbody tr').count()).toBe(1);
    await row.getByTestId('status-REDEEMED').waitFor();
    await shot(marketer, 'issued-list');
    const download = marketer.waitForEvent('download');
    await marketer.getByTestId('coupon-export').click();
    const csv = readFileSync((await (await download).path()) as string, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Code,Code \(as shown\),Customer,Stock,Status,Value,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${code},${grouped(code)},${CUSTOMER},${STOCK_NAME},Redeemed,¥5.00 off`);
    await row.click();
    await marketer.getByTestId('coupon-show').waitFor();
    await waitForText(marketer, 'redemption-discount', '¥5.00');
    await waitForText(marketer, 'redemption-order-amount', '¥42.50');
    // A marketer neither reverses redemptions nor revokes a redeemed coupon.
    expect(await marketer.getByTestId('coupon-reverse').count()).toBe(0);
    expect(await marketer.getByTestId('coupon-revoke').count()).toBe(0);
    await shot(marketer, 'coupon-show');

    // 10. The order is refunded: the clerk looks the coupon up again and reverses its redemption.
    await clerk.getByTestId('counter-next').click();
    await clerk.getByTestId('counter-code').fill(code);
    await clerk.getByTestId('counter-lookup').click();
    await clerk.locator('[data-testid="counter-reasons"] [data-reason="ALREADY_REDEEMED"]').waitFor();
    await clerk.getByTestId('counter-last-redemption').waitFor();
    await shot(clerk, 'phone-already-redeemed');
    await clerk.getByTestId('counter-reverse-last').click();
    await clerk.getByTestId('reverse-reason').fill('order refunded');
    await settle(clerk);
    await dialogShot(clerk, 'phone-reverse-dialog');
    await clerk.getByTestId('reverse-confirm').click();
    await clerk.getByTestId('counter-notice').waitFor();
    await clerk.getByTestId('counter-usable').waitFor();
    await noNotification(clerk);
    await shot(clerk, 'phone-reversed');

    // The counter in Chinese, on the phone.
    await switchLanguage(clerk, 'zh-CN');
    await clerk.getByTestId('counter-code').fill(code);
    await clerk.getByTestId('counter-lookup').click();
    await waitForText(clerk, 'counter-usable', '此时此地可用');
    await clerk.getByTestId('counter-amount').fill('30');
    await waitForText(clerk, 'counter-to-pay', '¥25.00');
    await shot(clerk, 'phone-zh');
    await switchLanguage(clerk, 'en');

    // 11. The chart shows the reversal.
    await marketer.goto(stockUrl);
    await reloadUntil(marketer, 'activity-totals', /^1.*1.*1/s);
    expect(await dataValue(marketer, 'activity-total-reversed')).toBe('1');
    await settle(marketer);
    await shot(marketer, 'stock-reversed');

    // 12. A second customer claims; the marketer revokes that coupon, with a reason, after confirming.
    await marketer.getByTestId('menu-Sandbox').click();
    await marketer.getByTestId('sandbox-customer-input').fill(SECOND_CUSTOMER);
    await marketer.getByTestId('sandbox-customer-open').click();
    await marketer.locator(`[data-testid="sandbox-stock"][data-stock-name="${STOCK_NAME}"]`).getByTestId('sandbox-claim').click();
    await marketer.getByTestId('sandbox-coupon').first().waitFor();
    // Both customers are remembered for the next visit.
    await waitForText(marketer, 'sandbox-recent', CUSTOMER);
    await marketer.getByTestId('menu-Coupon').click();
    await marketer.locator('input[name="q"]').fill(SECOND_CUSTOMER);
    const second = marketer.getByTestId('coupon-list').locator('tbody tr', { hasText: SECOND_CUSTOMER });
    await second.getByTestId('status-AVAILABLE').waitFor();
    await second.click();
    await marketer.getByTestId('coupon-not-redeemed').waitFor();
    await marketer.getByTestId('coupon-revoke').click();
    await marketer.getByTestId('revoke-reason').fill('issued by mistake');
    await settle(marketer);
    await dialogShot(marketer, 'revoke-dialog');
    await marketer.getByTestId('revoke-confirm').click();
    await marketer.getByTestId('revoke-dialog').waitFor({ state: 'detached' });
    await marketer.getByTestId('status-REVOKED').waitFor();
    expect(await marketer.getByTestId('coupon-revoke').count()).toBe(0);
    await noNotification(marketer);
    await shot(marketer, 'revoked');
  }
});

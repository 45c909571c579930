/**
 * Issue 4, console (first part): a marketer of Harbor Coffee opens Coupons, fills in a ¥5-off stock,
 * is told by the server that the per-customer limit cannot exceed the total, corrects it, saves and
 * activates the stock; the owner raises its quantity through the compare-and-set budget dialog, which
 * the marketer is not offered.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack';
import { login, newPage, screenshot, switchLanguage, waitForText } from './support/console';

const MARKETER = 'marketer@harbor.example';
const OWNER = 'owner@harbor.example';
const STOCK_NAME = `Autumn latte ¥5 off ${Date.now().toString(36)}`;

let step = 0;
const shot = (page: Page, name: string) => screenshot(page, `coupons-${String(++step).padStart(2, '0')}-${name}`);

/** A react-admin input by its source (react-hook-form's field name). */
const field = (page: Page, source: string): Locator => page.locator(`input[name="${source}"], textarea[name="${source}"]`).first();

/** The helper text (or error) under an input. */
const helperOf = (page: Page, source: string): Locator =>
  page.locator(`.MuiFormControl-root:has(input[name="${source}"]) .MuiFormHelperText-root`).first();

/** "yyyy-MM-ddTHH:mm" in the browser's time zone, as a datetime-local input takes it. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function barPercent(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).first().getAttribute('data-percent'));
}

describe('console: coupon stocks', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const unexpectedErrors: string[] = [];
  let marketer: Page;
  let owner: Page;

  beforeAll(async () => {
    stack = await startStack();
    for (const name of ['marketer', 'owner'] as const) {
      const { context, page } = await newPage(stack);
      contexts.push(context);
      page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
      page.on('response', async (response) => {
        if (!response.url().endsWith('/graphql')) return;
        const body = await response.text().catch(() => '');
        // The one refusal this test provokes on purpose.
        if (body.includes('"errors"') && !body.includes('perCustomerLimit')) {
          unexpectedErrors.push(`${name}: ${response.request().postData()?.slice(0, 300)} → ${body.slice(0, 500)}`);
        }
      });
      if (name === 'marketer') marketer = page;
      else owner = page;
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await stack?.stop();
  });

  it('a marketer creates and activates a stock; the owner adjusts its budget', async () => {
    try {
      await walkThrough();
    } catch (error) {
      await Promise.all([screenshot(marketer, 'coupons-failed-marketer'), screenshot(owner, 'coupons-failed-owner')]).catch(() => undefined);
      const errors = [...pageErrors, ...unexpectedErrors];
      if (errors.length) (error as Error).message += `\nIn the browsers:\n${errors.join('\n').slice(0, 4000)}`;
      throw error;
    }
    expect(pageErrors).toEqual([]);
    expect(unexpectedErrors).toEqual([]);
  });

  async function walkThrough() {
    // 1. The marketer opens Coupons and starts a new stock.
    await login(marketer, MARKETER);
    await marketer.getByTestId('menu-CouponStock').click();
    await marketer.locator('[data-testid="coupon-stock-list"], [data-testid="empty-state"]').first().waitFor();
    await shot(marketer, 'list-before');
    await marketer.getByTestId('coupon-create').click();
    await marketer.getByTestId('section-basics').waitFor();

    // 2. Fixed ¥5 off from ¥30, claimable now → +7 days, valid 30 days after the claim, 100 coupons.
    await field(marketer, 'name').fill(STOCK_NAME);
    await field(marketer, 'faceValue').fill('5');
    await field(marketer, 'minSpend').fill('30');
    const now = new Date();
    await field(marketer, 'claimStartsAt').fill(localInputValue(now));
    await field(marketer, 'claimEndsAt').fill(localInputValue(new Date(now.getTime() + 7 * 24 * 3600_000)));
    expect(await marketer.locator('input[name="validityKind"][value="RELATIVE"]').isChecked()).toBe(true);
    await field(marketer, 'validDays').fill('30');
    await field(marketer, 'totalQuantity').fill('100');
    // Mini-program is the default channel; the public channel is offered but disabled (it needs a review).
    const channels = marketer.getByTestId('section-channels');
    expect(await channels.getByRole('checkbox', { name: 'Mini-program' }).isChecked()).toBe(true);
    // the public channel needs a review of its own: it is not offered on the form
    expect(await channels.getByRole('checkbox', { name: /Public channel/ }).count()).toBe(0);

    // 3. A per-customer limit above the total: the server refuses it, and says so under that field.
    await field(marketer, 'perCustomerLimit').fill('500');
    await shot(marketer, 'form-filled');
    await marketer.getByRole('button', { name: 'Save' }).click();
    await waitForText(marketer, 'section-limits', /cannot claim more than the total quantity/i);
    expect(await helperOf(marketer, 'perCustomerLimit').textContent()).toMatch(/total quantity \(100\)/);
    expect(marketer.url()).toMatch(/\/CouponStock\/create/);
    await shot(marketer, 'server-validation');

    // 4. Corrected to 1 per customer, it saves as a draft.
    await field(marketer, 'perCustomerLimit').fill('1');
    await marketer.getByRole('button', { name: 'Save' }).click();
    await marketer.getByTestId('coupon-stock-show').waitFor();
    await marketer.getByTestId('status-DRAFT').waitFor();
    await waitForText(marketer, 'coupon-value', '¥5.00 off');
    await waitForText(marketer, 'coupon-value', 'Minimum spend ¥30.00');
    const stockUrl = marketer.url();
    expect(stockUrl).toMatch(/#\/CouponStock\/[0-9a-f-]{36}\/show$/);
    await shot(marketer, 'draft');

    // 5. Activate, after confirming.
    await marketer.getByTestId('coupon-activate').click();
    await marketer.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
    await marketer.getByTestId('status-ACTIVE').waitFor();
    await waitForText(marketer, 'remaining-bar', '100 / 100');
    expect(await barPercent(marketer, 'remaining-bar')).toBe(100);
    // Running now: pause and end are offered, the budget is the owner's and managers' to change.
    await marketer.getByTestId('coupon-pause').waitFor();
    await marketer.getByTestId('coupon-end').waitFor();
    expect(await marketer.getByTestId('coupon-adjust-budget').count()).toBe(0);
    await shot(marketer, 'active');

    // 6. The list shows it with its value, status and a full remaining bar.
    await marketer.getByTestId('menu-CouponStock').click();
    const row = marketer.locator('tbody tr', { hasText: STOCK_NAME }).first();
    await row.waitFor();
    expect(await row.getByTestId('coupon-value').textContent()).toContain('¥5.00 off');
    await row.getByTestId('status-ACTIVE').waitFor();
    expect(await row.getByTestId('remaining-bar').getAttribute('data-percent')).toBe('100');
    await shot(marketer, 'list-active');

    // 7. The running stock's edit form keeps everything but name, description and claim end read-only.
    await marketer.goto(stockUrl.replace(/\/show$/, ''));
    await marketer.getByTestId('coupon-live-note').waitFor();
    expect(await field(marketer, 'totalQuantity').getAttribute('readonly')).not.toBeNull();
    expect(await field(marketer, 'name').getAttribute('readonly')).toBeNull();
    await shot(marketer, 'edit-active');

    // 8. The owner raises the total to 150 through the budget dialog.
    await login(owner, OWNER);
    await owner.goto(stockUrl);
    await owner.getByTestId('coupon-stock-show').waitFor();
    await owner.getByTestId('coupon-adjust-budget').click();
    const dialog = owner.getByTestId('budget-dialog');
    await dialog.getByTestId('budget-total').fill('150');
    await shot(owner, 'budget-dialog');
    await dialog.getByTestId('budget-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForText(owner, 'remaining-bar', '150 / 150');
    await shot(owner, 'budget-adjusted');

    // 9. The same page in Chinese.
    await switchLanguage(owner, 'zh-CN');
    await waitForText(owner, 'coupon-value', '立减 ¥5.00');
    await shot(owner, 'show-zh');
    await switchLanguage(owner, 'en');
  }
});

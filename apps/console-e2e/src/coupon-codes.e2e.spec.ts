/**
 * Uploaded codes and the public channel, in the console: a marketer of Harbor Coffee creates a stock
 * that hands out the merchant's own codes, is told at activation that its codes are missing, uploads
 * a CSV of 2,506 lines in chunks of 1,000 (watching the progress, then reading which duplicates were
 * skipped), activates it and submits it to the public channel; a platform reviewer reads the submitted
 * terms (in English and Chinese) and approves; the marketer sees the stock approved.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack';
import { login, newPage, screenshot, switchLanguage, waitForText } from './support/console';

const MARKETER = 'marketer@harbor.example';
const REVIEWER = 'reviewer@mop.local';
const RUN = Date.now().toString(36).toUpperCase();
const STOCK_NAME = `Own codes ¥5 off ${RUN}`;
/** 2,500 distinct codes, then six of them again: the server reports those six as duplicates. */
const CODES = Array.from({ length: 2500 }, (_, i) => `HC${RUN}-${String(i + 1).padStart(5, '0')}`);
const REPEATED = CODES.slice(0, 6);
const CSV = ['code,batch', ...CODES.map((c) => `${c},autumn`), ...REPEATED.map((c) => `${c},autumn`)].join('\r\n') + '\r\n';

let step = 0;
const shot = (page: Page, name: string) => screenshot(page, `coupon-codes-${String(++step).padStart(2, '0')}-${name}`);
const field = (page: Page, source: string): Locator => page.locator(`input[name="${source}"], textarea[name="${source}"]`).first();

/** A react-admin SelectInput: open it, pick the option by its label. */
async function choose(page: Page, source: string, option: string) {
  await page.locator(`input[name="${source}"]`).locator('xpath=..').getByRole('combobox').click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.locator('.MuiMenu-root').waitFor({ state: 'detached' });
}

/** Waits for react-admin's notification to be gone (it would cover what a screenshot is for). */
async function notificationGone(page: Page) {
  await page.locator('.MuiSnackbar-root').first().waitFor({ state: 'detached', timeout: 15_000 });
}

describe('console: uploaded codes and the public channel', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const unexpectedErrors: string[] = [];
  let marketer: Page;
  let reviewer: Page;

  beforeAll(async () => {
    stack = await startStack();
    for (const name of ['marketer', 'reviewer'] as const) {
      const { context, page } = await newPage(stack);
      contexts.push(context);
      page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
      page.on('response', async (response) => {
        if (!response.url().endsWith('/graphql')) return;
        const body = await response.text().catch(() => '');
        // The one refusal this test provokes on purpose: activating before the codes are uploaded.
        if (body.includes('"errors"') && !body.includes('CODES_NOT_UPLOADED')) {
          unexpectedErrors.push(`${name}: ${response.request().postData()?.slice(0, 300)} → ${body.slice(0, 500)}`);
        }
      });
      if (name === 'marketer') marketer = page;
      else reviewer = page;
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await stack?.stop();
  });

  it('a marketer uploads codes and submits the stock; a reviewer approves it', async () => {
    try {
      await walkThrough();
    } catch (error) {
      await Promise.all([screenshot(marketer, 'coupon-codes-failed-marketer'), screenshot(reviewer, 'coupon-codes-failed-reviewer')]).catch(() => undefined);
      const errors = [...pageErrors, ...unexpectedErrors];
      if (errors.length) (error as Error).message += `\nIn the browsers:\n${errors.join('\n').slice(0, 4000)}`;
      throw error;
    }
    expect(pageErrors).toEqual([]);
    expect(unexpectedErrors).toEqual([]);
  });

  async function walkThrough() {
    // 1. The marketer creates a ¥5-off stock of 2,500 coupons whose codes the merchant uploads.
    await login(marketer, MARKETER);
    await marketer.getByTestId('menu-CouponStock').click();
    await marketer.locator('[data-testid="coupon-stock-list"], [data-testid="empty-state"]').first().waitFor();
    await marketer.getByTestId('coupon-create').click();
    await marketer.getByTestId('section-basics').waitFor();
    await field(marketer, 'name').fill(STOCK_NAME);
    await field(marketer, 'faceValue').fill('5');
    await field(marketer, 'totalQuantity').fill('2500');
    await choose(marketer, 'codeMode', 'Uploaded code list');
    await waitForText(marketer, 'section-channels', 'upload them as a CSV file');
    // Back to the top, and the app bar (hidden while scrolling) slid back in.
    await marketer.evaluate(() => window.scrollTo(0, 0));
    await marketer.waitForTimeout(500);
    await shot(marketer, 'form-uploaded-codes');
    await marketer.getByRole('button', { name: 'Save' }).click();
    await marketer.getByTestId('coupon-stock-show').waitFor();
    await marketer.getByTestId('status-DRAFT').waitFor();
    await waitForText(marketer, 'uploaded-codes', '0 codes · 0 unused');
    await marketer.getByTestId('public-channel-NONE').waitFor();
    const stockUrl = marketer.url();

    // 2. Activating now is refused: the message says to upload the codes first.
    await marketer.getByTestId('coupon-activate').click();
    await marketer.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
    await marketer.getByText(/Not done: This stock hands out the codes you upload, and none are uploaded yet: upload 2500 codes/).waitFor();
    await marketer.getByRole('dialog').waitFor({ state: 'detached' });
    await shot(marketer, 'activation-refused');
    // The refusal stays until dismissed.
    await marketer.keyboard.press('Escape');
    await notificationGone(marketer);
    await marketer.getByTestId('status-DRAFT').waitFor();

    // 3. The CSV is read in the browser: 2,506 codes, three chunks.
    await marketer.getByTestId('coupon-upload-codes').click();
    const dialog = marketer.getByTestId('codes-dialog');
    await dialog.getByTestId('codes-file').setInputFiles({ name: 'autumn-codes.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitForText(marketer, 'codes-found', '2,506 codes found, sent in 3 chunks');
    await waitForText(marketer, 'codes-file-name', 'autumn-codes.csv');
    await shot(marketer, 'codes-chosen');

    // 4. The chunks go one after another (slowed down here, so that the progress can be seen between them).
    const sent: number[] = [];
    await marketer.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('UploadCouponCodes')) return route.continue();
      sent.push((JSON.parse(body) as { variables: { codes: string[] } }).variables.codes.length);
      await new Promise((r) => setTimeout(r, 1500));
      return route.continue();
    });
    await dialog.getByTestId('codes-submit').click();
    await marketer.locator('[data-testid="codes-progress"][data-sent="1000"]').waitFor();
    await waitForText(marketer, 'codes-progress', '1,000 of 2,506 codes sent');
    expect(await marketer.getByTestId('codes-progress').getAttribute('data-percent')).toBe('40');
    await shot(marketer, 'codes-progress');

    // 5. The summary: 2,500 added, the 6 repeated codes reported as duplicates and named.
    await dialog.getByTestId('codes-summary').waitFor({ timeout: 30_000 });
    await marketer.unroute('**/graphql');
    expect(sent).toEqual([1000, 1000, 506]);
    await waitForText(marketer, 'codes-accepted', '2,500 codes added');
    await waitForText(marketer, 'codes-duplicates', '6 duplicates not added');
    for (const code of REPEATED) await dialog.getByTestId('codes-duplicates').getByText(code, { exact: true }).waitFor();
    await waitForText(marketer, 'codes-totals', 'The stock now has 2,500 uploaded codes, 2,500 of them unused.');
    expect(await marketer.getByTestId('codes-progress').getAttribute('data-percent')).toBe('100');
    await marketer.waitForTimeout(600); // the bar's own transition to full
    await shot(marketer, 'codes-summary');
    await dialog.getByTestId('codes-close').click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForText(marketer, 'uploaded-codes', '2,500 codes · 2,500 unused');

    // 6. With a code for every coupon, the stock activates.
    await marketer.getByTestId('coupon-activate').click();
    await marketer.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
    await marketer.getByTestId('status-ACTIVE').waitFor();

    // 7. Submitted to the public channel, it waits for review.
    await marketer.getByTestId('coupon-submit-public').click();
    await marketer.getByRole('dialog').getByRole('button', { name: 'Submit to public channel' }).click();
    await marketer.getByTestId('public-channel-SUBMITTED').waitFor();
    expect(await marketer.getByTestId('coupon-submit-public').count()).toBe(0);
    await notificationGone(marketer);
    await shot(marketer, 'submitted');

    // 8. The reviewer reads the submitted terms as on the stock's page, in both languages, and approves.
    await login(reviewer, REVIEWER);
    await reviewer.goto('/#/Application');
    await reviewer.reload();
    const row = reviewer.locator('tbody tr', { hasText: STOCK_NAME }).first();
    await row.waitFor();
    await row.click();
    await reviewer.getByTestId('application-show').waitFor();
    const payload = reviewer.getByTestId('application-payload');
    await waitForText(reviewer, 'application-payload', '¥5.00 off');
    for (const text of ['Harbor Coffee', 'Uploaded code list', '2,500', '30 days after claiming', 'Mini-program', 'All stores']) await payload.getByText(text).first().waitFor();
    expect(await payload.locator('[data-field="claimWindow"]').textContent()).toMatch(/\d{4}.*–.*\d{4}/);
    await shot(reviewer, 'review-payload');
    await switchLanguage(reviewer, 'zh-CN');
    await waitForText(reviewer, 'application-payload', '立减 ¥5.00');
    await waitForText(reviewer, 'application-payload', '上传券码');
    await shot(reviewer, 'review-payload-zh');
    await switchLanguage(reviewer, 'en');
    await reviewer.getByTestId('application-approve').click();
    await reviewer.getByTestId('decision-confirm').click();
    await reviewer.getByTestId('application-decision').waitFor();
    await shot(reviewer, 'review-approved');

    // 9. The marketer's page shows it approved, on the public channel.
    await marketer.goto(stockUrl);
    await marketer.reload();
    await marketer.getByTestId('public-channel-APPROVED').waitFor();
    await waitForText(marketer, 'panel-channels', 'Public channel');
    await shot(marketer, 'approved');
  }
});

/**
 * Bulk issue, in the console: a marketer of Harbor Coffee opens a running stock handed out by bulk
 * issue, is told which line of a first file is not a customer reference, uploads a CSV of 6,000
 * customers (some listed twice, two already holding a coupon, more customers than coupons left),
 * watches the worker's progress climb to the end and reads the report: who was skipped and why,
 * the list of customers without a coupon, the full report as a CSV download, in English and Chinese.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, login, newPage, screenshot, switchLanguage, waitForText } from './support/console';
import { startStack, type Stack } from './support/stack';

const MARKETER = 'marketer@harbor.example';
const HARBOR = '20000000-0000-4000-8000-000000000001';
const HOUR = 3_600_000;
const RUN = Date.now().toString(36).toUpperCase();
const STOCK_NAME = `Members' welcome ¥5 ${RUN}`;
/** What the stock may still hand out: fewer coupons than customers, so the end of the list is sold out. */
const QUANTITY = 5_000;
const CUSTOMERS = Array.from({ length: 6_000 }, (_, i) => `member-${String(i + 1).padStart(5, '0')}`);
/** Two customers who already hold this stock's one coupon each. */
const HOLDERS = [CUSTOMERS[2], CUSTOMERS[6]];
/** A table with a customerRef column; 120 customers appear twice. */
const CSV = ['name,customerRef,city', ...CUSTOMERS.map((ref, i) => `"Member ${i + 1}",${ref},Shanghai`), ...CUSTOMERS.slice(0, 120).map((ref) => `Again,${ref},Shanghai`)].join('\r\n') + '\r\n';
const BAD_CSV = 'customerRef\nmember-a\nmember-b\nmember c\nmember-d\n';

let step = 0;
const shotName = (name: string) => `bulk-issue-${String(++step).padStart(2, '0')}-${name}`;
/** The whole page, from the top (the app bar slides back in once scrolled up). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  await screenshot(page, shotName(name));
}
/** What the window shows: a dialog over the page, or the part of the page scrolled to. */
async function view(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${shotName(name)}.png`) });
}
/** Lets a dialog finish fading in (or a bar its transition) before its picture is taken. */
const settle = (page: Page) => page.waitForTimeout(500);

describe('console: bulk issue', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let stockId: string;
  const pageErrors: string[] = [];
  const unexpectedErrors: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    const db = stack.database.db;
    const now = Date.now();
    const stock = await db.couponStock.create({
      data: {
        merchantId: HARBOR, status: 'ACTIVE', name: STOCK_NAME, description: 'One coupon for each member of the loyalty list.', type: 'FIXED_AMOUNT', faceValue: 500, minSpend: 2000,
        currency: 'CNY', claimStartsAt: new Date(now - HOUR), claimEndsAt: new Date(now + 14 * 24 * HOUR), validityKind: 'RELATIVE', validDays: 30,
        totalQuantity: QUANTITY, remaining: QUANTITY - HOLDERS.length, claimedCount: HOLDERS.length, claimedAmount: 500 * HOLDERS.length,
        perCustomerLimit: 1, channels: ['BULK_ISSUE', 'MINI_PROGRAM'], codeMode: 'GENERATED',
      },
    });
    stockId = stock.id;
    for (const customerRef of HOLDERS) {
      await db.coupon.create({
        data: {
          stockId, merchantId: HARBOR, code: `E2E${randomBytes(8).toString('hex').toUpperCase()}`, customerRef, claimRequestId: `claim-${randomUUID()}`,
          claimedVia: 'MINI_PROGRAM', claimedAt: new Date(now - HOUR), validFrom: new Date(now - HOUR), validUntil: new Date(now + 29 * 24 * HOUR),
        },
      });
    }
    ({ context, page } = await newPage(stack));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const body = await response.text().catch(() => '');
      if (body.includes('"errors"')) unexpectedErrors.push(`${response.request().postData()?.slice(0, 300)} → ${body.slice(0, 500)}`);
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('a marketer uploads a list, watches the progress reach the end and reads the report', async () => {
    try {
      await walkThrough();
    } catch (error) {
      await screenshot(page, 'bulk-issue-failed').catch(() => undefined);
      const errors = [...pageErrors, ...unexpectedErrors];
      if (errors.length) (error as Error).message += `\nIn the browser:\n${errors.join('\n').slice(0, 4000)}`;
      throw error;
    }
    expect(pageErrors).toEqual([]);
    expect(unexpectedErrors).toEqual([]);
  });

  async function walkThrough() {
    // 1. The stock page has a bulk issue block: nothing issued yet.
    await login(page, MARKETER);
    await page.goto(`/#/CouponStock/${stockId}/show`);
    await page.getByTestId('coupon-stock-show').waitFor();
    const section = page.getByTestId('bulk-issue-section');
    await section.getByTestId('bulk-no-runs').waitFor();
    await shot(page, 'page');
    await section.scrollIntoViewIfNeeded();
    await view(page, 'section-empty');

    // 2. A file with a line that is not a customer reference is refused before anything is sent.
    await section.getByTestId('bulk-issue-start').click();
    const dialog = page.getByTestId('bulk-issue-dialog');
    await dialog.getByTestId('bulk-file').setInputFiles({ name: 'members-draft.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await waitForText(page, 'bulk-file-error', 'Line 4 is not a customer reference: "member c"');
    expect(await dialog.getByTestId('bulk-submit').isDisabled()).toBe(true);
    await settle(page);
    await view(page, 'file-refused');

    // 3. The real list: 6,000 customers once each (120 lines repeat one), more than the coupons left.
    await dialog.getByTestId('bulk-file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await waitForText(page, 'bulk-file-name', 'members.csv');
    await waitForText(page, 'bulk-found', '6,000 customers will each receive one coupon. 120 repeated lines are counted once.');
    await waitForText(page, 'bulk-short-stock', 'Only 4,998 coupons are left');
    await settle(page);
    await view(page, 'file-chosen');

    // 4. Started: the worker issues, the dialog polls every second and the bar climbs.
    await dialog.getByTestId('bulk-submit').click();
    await dialog.getByTestId('bulk-run').waitFor();
    const progress = dialog.getByTestId('bulk-progress');
    const seen: number[] = [];
    let midway = false;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const status = (await dialog.getByTestId('bulk-run').getAttribute('data-status')) ?? '';
      const done = Number(await progress.getAttribute('data-done'));
      if (seen[seen.length - 1] !== done) seen.push(done);
      if (!midway && done > 0 && done < CUSTOMERS.length) {
        midway = true;
        await view(page, 'progress');
      }
      if (status === 'COMPLETED') break;
      if (Date.now() > deadline) throw new Error(`the run is still ${status} at ${done} of ${CUSTOMERS.length}`);
      await page.waitForTimeout(150);
    }
    // The bar went up in steps (never back) and ended with every customer done.
    expect(seen[seen.length - 1]).toBe(CUSTOMERS.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(midway).toBe(true);
    expect(await progress.getAttribute('data-total')).toBe(String(CUSTOMERS.length));

    // 5. The report: 4,998 issued; the two holders skipped for their limit, the last 1,000 for the stock running out.
    await waitForText(page, 'bulk-summary', 'Done: 4,998 coupons issued, 1,002 customers skipped.');
    await waitForText(page, 'bulk-count-issued', '4,998');
    await waitForText(page, 'bulk-count-skipped', '1,002');
    await waitForText(page, 'bulk-count-failed', '0');
    const reasons = dialog.getByTestId('bulk-reason');
    expect(await reasons.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-reason'), r.textContent]))).toEqual([
      ['SOLD_OUT', 'SkippedThe stock ran out1,000'],
      ['CUSTOMER_LIMIT', 'SkippedAlready holds the most allowed2'],
    ]);
    const notIssued = dialog.getByTestId('bulk-not-issued-item');
    await notIssued.first().waitFor();
    expect(await notIssued.count()).toBe(50);
    // In list order: the two holders (lines 3 and 7), then the customers the stock ran out before.
    expect(await notIssued.evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-ref')))).toEqual(HOLDERS);
    await waitForText(page, 'bulk-not-issued', 'Already holds the most allowed');
    await settle(page);
    await view(page, 'report');

    // 6. The full report downloads as CSV: a line per customer, in list order.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('bulk-download').click()]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true); // Excel reads it as UTF-8
    const report = text.slice(1).trim().split('\r\n');
    expect(report).toHaveLength(CUSTOMERS.length + 1);
    expect(report[0]).toBe('line,customerRef,status,couponCode,reason,detail');
    expect(report[1]).toMatch(/^1,member-00001,ISSUED,[0-9A-Z]{16},,$/);
    expect(report[3]).toBe('3,member-00003,SKIPPED,,CUSTOMER_LIMIT,"This customer already holds 1 coupon(s) of this stock, the most allowed."');
    expect(report[CUSTOMERS.length]).toMatch(/^6000,member-06000,SKIPPED,,SOLD_OUT,/);
    expect(download.suggestedFilename()).toMatch(/^bulk-issue-Members-welcome-5-[0-9A-Z]+-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);

    // 7. Closed: the run is listed as completed, and the stock's figures followed.
    await dialog.getByTestId('bulk-close').click();
    await dialog.waitFor({ state: 'detached' });
    const row = section.getByTestId('bulk-run-row');
    await row.getByTestId('bulk-run-status-COMPLETED').waitFor();
    expect(await row.locator('td').evaluateAll((cells) => cells.slice(3, 7).map((c) => c.textContent))).toEqual(['4,998', '1,002', '0', 'Maya Marketer']);
    // Every coupon it may hand out is claimed now: the stock says so.
    await page.getByTestId('coupon-stock-show').getByTestId('status-EXHAUSTED').first().waitFor();
    await waitForText(page, 'bulk-not-issuing', 'Every coupon of this stock has been handed out');
    await page.mouse.move(0, 0);
    await shot(page, 'page-after');
    await section.scrollIntoViewIfNeeded();
    await view(page, 'section-after');

    // 8. The same report in Chinese.
    await switchLanguage(page, 'zh-CN');
    await section.getByTestId('bulk-run-view').click();
    await waitForText(page, 'bulk-summary', '已完成：发放 4,998 张，跳过 1,002 位客户。');
    await waitForText(page, 'bulk-reasons', '批次已发完');
    await settle(page);
    await view(page, 'report-zh');
    await page.getByTestId('bulk-close').click();

    // The ledger: one coupon per customer of the run, none for the two holders.
    const coupons = await stack.database.db.coupon.groupBy({ by: ['customerRef'], where: { stockId, claimedVia: 'BULK_ISSUE' }, _count: { _all: true } });
    expect(coupons).toHaveLength(4_998);
    expect(coupons.every((c) => c._count._all === 1)).toBe(true);
    expect(coupons.some((c) => HOLDERS.includes(c.customerRef))).toBe(false);
  }
});

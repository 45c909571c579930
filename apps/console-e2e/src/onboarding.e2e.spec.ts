/**
 * Acceptance (issue 3): a new user signs up and applies as a merchant; a reviewer rejects it with a
 * reason; the applicant corrects and resubmits; the reviewer approves; the new owner opens its
 * merchant, invites a clerk who signs up on the accept page, and applies for merchant coupons; once
 * approved, Coupons appears in the owner's menu.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack';
import { expectedMenu, login, newPage, screenshot, switchLanguage, visibleMenu, waitForText } from './support/console';

const suffix = Date.now().toString(36);
const OWNER = { name: `Olivia ${suffix}`, email: `olivia-${suffix}@tidewater.example`, password: 'Tidewater#2026' };
const CLERK = { name: `Carl ${suffix}`, email: `carl-${suffix}@tidewater.example`, password: 'Counter#2026x' };
const MERCHANT = {
  legalName: `Tidewater Trading ${suffix} Ltd`,
  displayName: `Tidewater ${suffix}`,
  wrongLicence: 'SH-000',
  licence: `91310000${suffix.toUpperCase()}`,
  store: `Tidewater ${suffix} · Harbourfront`,
};
const REJECTION = 'The business licence number does not match the legal name.';

const sorted = (values: readonly string[]) => [...values].sort();
let step = 0;
const shot = (page: Page, name: string) => screenshot(page, `onboarding-${String(++step).padStart(2, '0')}-${name}`);

/** A react-admin input by its source (react-hook-form's field name). */
const field = (page: Page, source: string): Locator => page.locator(`input[name="${source}"], textarea[name="${source}"]`).first();

/** A react-admin SelectInput: open it, pick the option by its label. */
async function choose(page: Page, source: string, option: string) {
  await page.locator(`input[name="${source}"]`).locator('xpath=..').getByRole('combobox').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * The review queue, loaded afresh: a list shown from cache first would offer rows that have just
 * been decided, and a click on one of them lands on the wrong application.
 */
async function openQueue(page: Page) {
  await page.goto('/#/Application');
  await page.reload();
  await page.locator('tbody tr, [data-testid="empty-state"]').first().waitFor();
}

/** The reviewer opens the submitted application whose row mentions `text`. */
async function openSubmittedApplication(page: Page, text: string) {
  await openQueue(page);
  const row = page.locator('tbody tr', { hasText: text }).first();
  await row.waitFor();
  await row.click();
  await page.getByTestId('application-show').waitFor();
}

describe('console: onboarding and review', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  let owner: Page;
  let reviewer: Page;
  let clerk: Page;

  beforeAll(async () => {
    stack = await startStack();
    for (const name of ['owner', 'reviewer', 'clerk'] as const) {
      const { context, page } = await newPage(stack);
      contexts.push(context);
      page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
      page.on('response', async (response) => {
        if (!response.url().endsWith('/graphql')) return;
        const body = await response.text().catch(() => '');
        if (body.includes('"errors"')) consoleErrors.push(`${name}: ${response.request().postData()?.slice(0, 300)} → ${body.slice(0, 500)}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${name}: ${message.text()}`);
      });
      if (name === 'owner') owner = page;
      if (name === 'reviewer') reviewer = page;
      if (name === 'clerk') clerk = page;
    }
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await stack?.stop();
  });

  it('takes a new merchant from sign-up through review to staff and products', async () => {
    try {
      await walkThrough();
    } catch (error) {
      // What each browser showed when it went wrong, and what the pages threw.
      await Promise.all([
        screenshot(owner, 'onboarding-failed-owner'),
        screenshot(reviewer, 'onboarding-failed-reviewer'),
        screenshot(clerk, 'onboarding-failed-clerk'),
      ]).catch(() => undefined);
      const errors = [...pageErrors, ...consoleErrors];
      if (errors.length) (error as Error).message += `\nIn the browsers:\n${errors.join('\n').slice(0, 4000)}`;
      throw error;
    }
    expect(pageErrors).toEqual([]);
  });

  async function walkThrough() {
    // 1. Sign up from the login page.
    await owner.goto('/#/login');
    await switchLanguage(owner, 'en');
    await owner.getByTestId('sign-up-link').click();
    await owner.getByTestId('signup-page').waitFor();
    await owner.getByTestId('signup-displayName').fill(OWNER.name);
    await owner.getByTestId('signup-email').fill(OWNER.email);
    await owner.getByTestId('signup-password').fill(OWNER.password);
    await owner.getByTestId('signup-confirmPassword').fill(OWNER.password);
    await shot(owner, 'signup');
    await owner.getByTestId('signup-submit').click();

    // 2. No workspace yet: the onboarding page.
    await owner.getByTestId('onboarding-page').waitFor();
    await owner.getByTestId('no-applications').waitFor();
    await shot(owner, 'onboarding-empty');

    // 3. Apply as a merchant (with a wrong licence number the reviewer will catch).
    await owner.getByTestId('apply-merchant').click();
    await field(owner, 'legalName').fill(MERCHANT.legalName);
    await field(owner, 'displayName').fill(MERCHANT.displayName);
    await field(owner, 'licenceNumber').fill(MERCHANT.wrongLicence);
    await choose(owner, 'category', 'Food & beverage');
    await field(owner, 'contactName').fill(OWNER.name);
    await field(owner, 'contactEmail').fill(OWNER.email);
    await field(owner, 'contactPhone').fill('+86 21 5555 0101');
    await field(owner, 'firstStore.code').fill('HF');
    await field(owner, 'firstStore.name').fill(MERCHANT.store);
    await field(owner, 'firstStore.address').fill('88 Harbour Rd, Shanghai');
    await owner.locator('.button-add').first().click();
    await choose(owner, 'firstStore.openingHours.0.weekday', 'Monday');
    await field(owner, 'firstStore.openingHours.0.opens').fill('08:00');
    await field(owner, 'firstStore.openingHours.0.closes').fill('18:00');
    await shot(owner, 'merchant-form');
    await owner.getByTestId('application-submit').click();
    await owner.locator('[data-testid^="my-application-"][data-status="SUBMITTED"]').waitFor();
    await shot(owner, 'submitted');

    // 4. The reviewer rejects it with a reason.
    await login(reviewer, 'reviewer@mop.local');
    await switchLanguage(reviewer, 'en');
    await openSubmittedApplication(reviewer, MERCHANT.displayName);
    await waitForText(reviewer, 'application-payload', MERCHANT.wrongLicence);
    await shot(reviewer, 'review-show');
    await reviewer.getByTestId('application-reject').click();
    await reviewer.getByTestId('decision-text').fill(REJECTION);
    await reviewer.getByTestId('decision-confirm').click();
    await waitForText(reviewer, 'application-decision', REJECTION);
    await shot(reviewer, 'review-rejected');

    // 5. The applicant sees the reason, corrects and resubmits (the form comes prefilled).
    await owner.getByTestId('onboarding-refresh').click();
    await waitForText(owner, 'application-reason', REJECTION);
    await shot(owner, 'rejection-seen');
    await owner.getByTestId('application-resubmit').click();
    await waitForText(owner, 'resubmit-reason', REJECTION);
    expect(await field(owner, 'legalName').inputValue()).toBe(MERCHANT.legalName);
    expect(await field(owner, 'firstStore.name').inputValue()).toBe(MERCHANT.store);
    await field(owner, 'licenceNumber').fill(MERCHANT.licence);
    await shot(owner, 'resubmit-form');
    await owner.getByTestId('application-submit').click();
    await owner.locator('[data-testid^="my-application-"][data-status="SUBMITTED"]').waitFor();
    await owner.locator('[data-testid^="my-application-"][data-status="REJECTED"]').waitFor();
    await shot(owner, 'resubmitted');

    // 6. The reviewer sees the earlier rejection and approves.
    await openSubmittedApplication(reviewer, MERCHANT.displayName);
    await waitForText(reviewer, 'application-payload', MERCHANT.licence);
    await waitForText(reviewer, 'earlier-applications', REJECTION);
    await shot(reviewer, 'review-earlier');
    await reviewer.getByTestId('application-approve').click();
    await reviewer.getByTestId('decision-confirm').click();
    await reviewer.getByTestId('application-decision').waitFor();
    await shot(reviewer, 'review-approved');

    // 7. The owner opens its new merchant workspace.
    await owner.getByTestId('onboarding-refresh').click();
    const open = owner.locator(`[data-testid^="open-workspace-"][data-workspace-name="${MERCHANT.displayName}"]`);
    await open.waitFor();
    await shot(owner, 'approved');
    await open.click();
    await owner.getByTestId('dashboard').waitFor();
    await waitForText(owner, 'active-workspace-name', MERCHANT.displayName);
    await waitForText(owner, 'active-workspace-role', 'Owner');
    expect(sorted(await visibleMenu(owner))).toEqual(sorted(expectedMenu('OWNER')));
    await shot(owner, 'owner-dashboard');

    // 8. The owner invites a clerk for its first store and reads the accept link once.
    await owner.getByTestId('menu-Invitation').click();
    await owner.waitForURL(/\/Invitation/);
    await owner.getByTestId('invite-member').click();
    await field(owner, 'email').fill(CLERK.email);
    await choose(owner, 'role', 'Clerk');
    await owner.getByLabel(MERCHANT.store).check();
    await shot(owner, 'invite-form');
    await owner.getByRole('button', { name: 'Save' }).click();
    const link = owner.getByTestId('invitation-accept-url');
    await link.waitFor();
    const acceptUrl = await link.inputValue();
    expect(acceptUrl).toContain('/#/invitations/accept?token=');
    await waitForText(owner, 'invitation-created', 'queued');
    await shot(owner, 'invitation-link');
    await owner.getByTestId('invitation-done').click();
    await owner.locator('tbody tr', { hasText: CLERK.email }).waitFor();
    await shot(owner, 'invitations');

    // 9. The clerk signs up with the invited email on the accept page and lands in the merchant.
    await clerk.goto(acceptUrl);
    await clerk.getByTestId('accept-invitation-page').waitFor();
    await switchLanguage(clerk, 'en');
    await waitForText(clerk, 'invitation-preview', MERCHANT.displayName);
    expect(await clerk.getByTestId('signup-email').inputValue()).toBe(CLERK.email);
    await clerk.getByTestId('signup-displayName').fill(CLERK.name);
    await clerk.getByTestId('signup-password').fill(CLERK.password);
    await clerk.getByTestId('signup-confirmPassword').fill(CLERK.password);
    await shot(clerk, 'accept-page');
    await clerk.getByTestId('signup-submit').click();
    await clerk.getByTestId('dashboard').waitFor();
    await waitForText(clerk, 'active-workspace-name', MERCHANT.displayName);
    await waitForText(clerk, 'active-workspace-role', 'Clerk');
    expect(sorted(await visibleMenu(clerk))).toEqual(sorted(expectedMenu('CLERK')));
    await clerk.getByTestId('menu-Store').click();
    await clerk.locator('tbody tr', { hasText: MERCHANT.store }).waitFor();
    await shot(clerk, 'clerk-stores');

    // 10. The owner applies for merchant coupons.
    await owner.getByTestId('menu-Product').click();
    await owner.getByTestId('product-MERCHANT_COUPONS').waitFor();
    await owner.getByTestId('product-apply-MERCHANT_COUPONS').click();
    await owner.locator('[data-testid="product-MERCHANT_COUPONS"][data-state="APPLIED"]').waitFor();
    await shot(owner, 'product-applied');

    // 11. The reviewer approves it from the queue (bulk action).
    await openQueue(reviewer);
    const row = reviewer.locator('tbody tr', { hasText: OWNER.name }).filter({ hasText: 'Product sign-up' }).first();
    await row.waitFor();
    await row.locator('input[type="checkbox"]').check();
    await reviewer.getByTestId('bulk-approve').click();
    await reviewer.getByText('1 application approved').waitFor();
    await shot(reviewer, 'bulk-approved');

    // 12. Coupons appears in the owner's menu.
    await owner.reload();
    await owner.getByTestId('menu-CouponStock').waitFor();
    expect(sorted(await visibleMenu(owner))).toEqual(sorted(expectedMenu('OWNER', { coupons: true })));
    await owner.locator('[data-testid="product-MERCHANT_COUPONS"][data-state="ACTIVE"]').waitFor();
    await owner.getByTestId('menu-CouponStock').click();
    await waitForText(owner, 'empty-state', 'No coupon stocks yet');
    await shot(owner, 'coupons');
  }
});

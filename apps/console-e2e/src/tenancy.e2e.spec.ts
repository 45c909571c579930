/**
 * Issue 3, the tenancy flows the onboarding walk-through does not cover, in real Chromium against
 * the real stack: stores (hours, a duplicate code, edit, close and reopen, a stale edit), staff (role
 * changes, a revoked invitation, removing a signed-in member), suspension, provider onboarding with
 * the seeded Maple Bakery application, and one pass through these pages in Chinese.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack';
import { ARTIFACTS, expectedMenu, login, newPage, screenshot, switchLanguage, visibleMenu, waitForText } from './support/console';

const suffix = Date.now().toString(36);
const STORE = {
  code: `RIV${suffix.slice(-5).toUpperCase()}`,
  name: `Harbor Coffee · Riverside ${suffix}`,
  address: '9 Riverside Ave, Xuhui, Shanghai',
  newAddress: '11 Riverside Ave, Xuhui, Shanghai',
};
const INVITEE = `temp-${suffix}@harbor.example`;
const SUSPENSION = `Unpaid platform fees (${suffix})`;
const APPLICANT = { name: `Pia ${suffix}`, email: `pia-${suffix}@northwind.example`, password: 'Northwind#2026' };
const PROVIDER = { name: `Northwind Ops ${suffix}`, legalName: `Northwind Operations ${suffix} Ltd`, licence: `91310115${suffix.toUpperCase()}` };

const sorted = (values: readonly string[]) => [...values].sort();
let step = 0;
const shot = (page: Page, name: string) => screenshot(page, `tenancy-${String(++step).padStart(2, '0')}-${name}`);

/** A react-admin input by its source (react-hook-form's field name). */
const field = (page: Page, source: string): Locator => page.locator(`input[name="${source}"], textarea[name="${source}"]`).first();

/** A react-admin SelectInput: open it, pick the option by its label. */
async function choose(page: Page, source: string, option: string) {
  await page.locator(`input[name="${source}"]`).locator('xpath=..').getByRole('combobox').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Adds one opening-hours line at `index` of the form's iterator. */
async function addHours(page: Page, index: number, weekday: string, opens: string, closes: string, source = 'openingHours') {
  await page.locator('.button-add').first().click();
  await choose(page, `${source}.${index}.weekday`, weekday);
  await field(page, `${source}.${index}.opens`).fill(opens);
  await field(page, `${source}.${index}.closes`).fill(closes);
}

/** A list loaded afresh (a list shown from cache first offers rows that have since changed). */
async function openList(page: Page, resource: string) {
  await page.goto(`/#/${resource}`);
  await page.reload();
  await page.locator('tbody tr, [data-testid="empty-state"]').first().waitFor();
}

async function openRow(page: Page, resource: string, text: string) {
  await openList(page, resource);
  const row = page.locator('tbody tr', { hasText: text }).first();
  await row.waitFor();
  await row.click();
  await page.waitForURL(new RegExp(`/${resource}/[^/]+/show`));
}

/** The visible text of the page: what a reader sees, labels and data together. */
const visibleText = (page: Page) => page.locator('body').innerText();

/** Fails with the English labels found in the page's text. */
async function expectNoEnglish(page: Page, labels: readonly string[]) {
  const text = await visibleText(page);
  const leaked = labels.filter((label) => new RegExp(`(^|[^A-Za-z])${label}([^A-Za-z]|$)`).test(text));
  expect(leaked).toEqual([]);
}

describe('console: stores, staff, suspension and provider onboarding', () => {
  let stack: Stack;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const pages: Record<string, Page> = {};
  let storeId = '';
  let mapleUrl = '';

  async function open(name: string): Promise<Page> {
    const { context, page } = await newPage(stack);
    contexts.push(context);
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    pages[name] = page;
    return page;
  }

  /** On failure: what every browser showed, and what the pages threw. */
  async function explained(work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      await Promise.all(Object.entries(pages).map(([name, page]) => screenshot(page, `tenancy-failed-${name}`))).catch(() => undefined);
      if (pageErrors.length) (error as Error).message += `\nIn the browsers:\n${pageErrors.join('\n').slice(0, 4000)}`;
      throw error;
    }
  }

  beforeAll(async () => {
    // Screenshots of an earlier run would mix with this one's.
    for (const file of existsSync(ARTIFACTS) ? readdirSync(ARTIFACTS, { withFileTypes: true }) : []) {
      if (file.isFile() && file.name.startsWith('tenancy-')) rmSync(join(ARTIFACTS, file.name));
    }
    stack = await startStack();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await stack?.stop();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('stores: create with hours after a duplicate code, edit, close and reopen, and a stale edit', () =>
    explained(async () => {
      const owner = await open('owner');
      await login(owner, 'owner@harbor.example');
      await switchLanguage(owner, 'en');

      await owner.goto('/#/Store/create');
      await field(owner, 'code').fill('HQ');
      await field(owner, 'name').fill(STORE.name);
      await field(owner, 'address').fill(STORE.address);
      await addHours(owner, 0, 'Tuesday', '08:00', '20:00');
      await addHours(owner, 1, 'Saturday', '10:00', '22:00');
      await owner.getByRole('button', { name: 'Save' }).click();
      // The server refuses the duplicate code; the form says so next to the field.
      await owner.getByText('This merchant already has a store with this code').waitFor();
      expect(owner.url()).toContain('/Store/create');
      await shot(owner, 'store-duplicate-code');

      await field(owner, 'code').fill(STORE.code);
      await owner.getByRole('button', { name: 'Save' }).click();
      await owner.waitForURL(/\/Store\/[^/]+\/show/);
      storeId = decodeURIComponent(/\/Store\/([^/]+)\/show/.exec(owner.url())?.[1] ?? '');
      await waitForText(owner, 'store-hours', 'Tuesday');
      await waitForText(owner, 'store-hours', /Saturday\s*10:00 – 22:00/);
      await owner.getByText(STORE.code, { exact: true }).waitFor();
      await shot(owner, 'store-created');

      // Edit the address and the hours: Saturday closes later, Sunday opens.
      await owner.getByRole('link', { name: 'Edit' }).click();
      await owner.waitForURL(/\/Store\/[^/]+$/);
      await field(owner, 'address').fill(STORE.newAddress);
      await field(owner, 'openingHours.1.closes').fill('23:30');
      await addHours(owner, 2, 'Sunday', '11:00', '17:00');
      await shot(owner, 'store-edit');
      await owner.getByRole('button', { name: 'Save' }).click();
      await owner.waitForURL(/\/Store\/[^/]+\/show/);
      await owner.getByText(STORE.newAddress).waitFor();
      await waitForText(owner, 'store-hours', /Saturday\s*10:00 – 23:30/);
      await waitForText(owner, 'store-hours', /Sunday\s*11:00 – 17:00/);
      await shot(owner, 'store-edited');

      // Close (after confirming) and reopen.
      await owner.getByTestId('store-close').click();
      await owner.getByTestId('store-close-confirm').click();
      await owner.getByTestId('status-CLOSED').waitFor();
      await shot(owner, 'store-closed');
      await owner.getByTestId('store-reopen').click();
      await owner.getByTestId('status-OPEN').waitFor();
      await owner.getByTestId('store-close').waitFor();

      // A stale edit: the store changes under an open form; saving it says to reload.
      await owner.getByRole('link', { name: 'Edit' }).click();
      await field(owner, 'address').waitFor();
      await stack.database.db.store.update({ where: { id: storeId }, data: { name: `${STORE.name} (renamed)`, version: { increment: 1 } } });
      await field(owner, 'address').fill('13 Riverside Ave, Xuhui, Shanghai');
      await owner.getByRole('button', { name: 'Save' }).click();
      await owner.getByText('Someone else changed this store in the meantime').waitFor();
      await owner.waitForTimeout(500); // the notification stays (no auto-hide): let it finish appearing
      expect(owner.url()).toMatch(/\/Store\/[^/]+$/);
      await shot(owner, 'store-conflict');
      const saved = await stack.database.db.store.findUniqueOrThrow({ where: { id: storeId } });
      expect(saved.address).toBe(STORE.newAddress);
    }));

  it('staff: role changes, a revoked invitation, and removing a signed-in member', () =>
    explained(async () => {
      const owner = pages['owner'];
      // Marketer → clerk at Pier 7 → marketer.
      await openRow(owner, 'Membership', 'marketer@harbor.example');
      await owner.getByTestId('member-edit').click();
      await choose(owner, 'role', 'Clerk');
      await owner.getByLabel('Harbor Coffee · Pier 7 (PIER)').check();
      await shot(owner, 'member-to-clerk');
      await owner.getByRole('button', { name: 'Save' }).click();
      await owner.waitForURL(/\/Membership\/[^/]+\/show/);
      await owner.locator('.MuiChip-root', { hasText: 'Clerk' }).waitFor();
      await owner.locator('.MuiChip-root', { hasText: 'Harbor Coffee · Pier 7' }).waitFor();
      await shot(owner, 'member-clerk');
      await owner.getByTestId('member-edit').click();
      await choose(owner, 'role', 'Marketer');
      await owner.getByRole('button', { name: 'Save' }).click();
      await owner.waitForURL(/\/Membership\/[^/]+\/show/);
      await owner.locator('.MuiChip-root', { hasText: 'Marketer' }).waitFor();
      expect(await owner.locator('.MuiChip-root', { hasText: 'Pier 7' }).count()).toBe(0);

      // Invite, then revoke: the link stops working.
      await openList(owner, 'Invitation');
      await owner.getByTestId('invite-member').click();
      await field(owner, 'email').fill(INVITEE);
      await choose(owner, 'role', 'Clerk');
      await owner.getByLabel('Harbor Coffee · Bund (HQ)').check();
      // The store picker says what it picks (it read "Store" before).
      await owner.locator('#main-content').getByText('Stores', { exact: true }).waitFor();
      await shot(owner, 'invite-form');
      await owner.getByRole('button', { name: 'Save' }).click();
      const acceptUrl = await owner.getByTestId('invitation-accept-url').inputValue();
      await owner.getByTestId('invitation-done').click();
      const row = owner.locator('tbody tr', { hasText: INVITEE });
      await row.getByTestId('invitation-revoke').click();
      await owner.getByTestId('invitation-revoke-confirm').click();
      await owner.getByText('The invitation has been revoked').waitFor();
      await row.waitFor({ state: 'detached' });
      await shot(owner, 'invitation-revoked');

      const invitee = await open('invitee');
      await invitee.goto(acceptUrl);
      await invitee.getByTestId('accept-invitation-page').waitFor();
      await switchLanguage(invitee, 'en');
      await waitForText(invitee, 'invitation-not-pending', 'Revoked');
      expect(await invitee.getByTestId('signup-submit').count()).toBe(0);
      await shot(invitee, 'accept-revoked');

      // The marketer is signed in elsewhere when the owner removes it.
      const marketer = await open('marketer');
      await login(marketer, 'marketer@harbor.example');
      await switchLanguage(marketer, 'en');
      await waitForText(marketer, 'active-workspace-name', 'Harbor');
      await openRow(owner, 'Membership', 'marketer@harbor.example');
      await owner.getByTestId('member-remove').click();
      await owner.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await owner.getByText('The member has been removed').waitFor();
      await shot(owner, 'member-removed');
      // Its next request finds no workspace: the console sends it to onboarding.
      await marketer.getByTestId('menu-Store').click();
      await marketer.getByTestId('onboarding-page').waitFor();
      await marketer.getByTestId('no-applications').waitFor();
      await shot(marketer, 'removed-member-onboarding');
    }));

  it('suspension: the admin suspends Lumen Books with a reason, its owner can only look, then reactivation', () =>
    explained(async () => {
      const admin = await open('admin');
      await login(admin, 'admin@mop.local');
      await switchLanguage(admin, 'en');
      await openRow(admin, 'Merchant', 'Lumen Books');
      await admin.getByTestId('tenant-suspend').click();
      await admin.getByTestId('tenant-suspend-reason').fill(SUSPENSION);
      await admin.getByTestId('tenant-suspend-confirm').click();
      await admin.getByTestId('status-SUSPENDED').waitFor();
      await admin.getByText(SUSPENSION).first().waitFor();
      await shot(admin, 'merchant-suspended');

      const lumen = await open('lumen');
      await login(lumen, 'owner@lumen.example');
      await switchLanguage(lumen, 'en');
      await waitForText(lumen, 'suspended-banner', 'Lumen Books is suspended');
      await waitForText(lumen, 'suspended-banner', SUSPENSION);
      await openList(lumen, 'Store');
      await lumen.getByTestId('suspended-banner').waitFor();
      await lumen.locator('tbody tr', { hasText: 'Lumen Books · Central' }).waitFor();
      expect(await lumen.getByRole('link', { name: 'Create' }).count()).toBe(0);
      await shot(lumen, 'suspended-stores');
      await lumen.locator('tbody tr', { hasText: 'Lumen Books · Central' }).click();
      await lumen.waitForURL(/\/Store\/[^/]+\/show/);
      await lumen.getByTestId('store-hours').or(lumen.getByText('No opening hours set')).first().waitFor();
      expect(await lumen.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await lumen.getByTestId('store-close').count()).toBe(0);
      await openList(lumen, 'Invitation');
      expect(await lumen.getByTestId('invite-member').count()).toBe(0);

      await admin.getByTestId('tenant-reactivate').click();
      await admin.getByTestId('status-ACTIVE').waitFor();
      await shot(admin, 'merchant-reactivated');

      await openList(lumen, 'Store');
      await lumen.getByRole('link', { name: 'Create' }).waitFor();
      expect(await lumen.getByTestId('suspended-banner').count()).toBe(0);
      await shot(lumen, 'reactivated-stores');
    }));

  it('provider onboarding: sign-up, application, approval with Maple Bakery, the provider workspace', () =>
    explained(async () => {
      const applicant = await open('applicant');
      await applicant.goto('/#/sign-up');
      await applicant.getByTestId('signup-page').waitFor();
      await switchLanguage(applicant, 'en');
      await applicant.getByTestId('signup-displayName').fill(APPLICANT.name);
      await applicant.getByTestId('signup-email').fill(APPLICANT.email);
      await applicant.getByTestId('signup-password').fill(APPLICANT.password);
      await applicant.getByTestId('signup-confirmPassword').fill(APPLICANT.password);
      await applicant.getByTestId('signup-submit').click();
      await applicant.getByTestId('onboarding-page').waitFor();
      await applicant.getByTestId('no-applications').waitFor();
      // The two "Apply as…" cards keep their icons level.
      const merchantIcon = await applicant.getByTestId('apply-merchant-icon').boundingBox();
      const providerIcon = await applicant.getByTestId('apply-provider-icon').boundingBox();
      expect(Math.abs((merchantIcon?.y ?? 0) - (providerIcon?.y ?? -100))).toBeLessThan(1);
      await shot(applicant, 'onboarding-cards');

      await applicant.getByTestId('apply-provider').click();
      await field(applicant, 'name').fill(PROVIDER.name);
      await field(applicant, 'legalName').fill(PROVIDER.legalName);
      await field(applicant, 'licenceNumber').fill(PROVIDER.licence);
      await field(applicant, 'website').fill('https://northwind.example');
      await field(applicant, 'description').fill('Runs coupon campaigns and customer messages for cafés.');
      await field(applicant, 'contactName').fill(APPLICANT.name);
      await field(applicant, 'contactEmail').fill(APPLICANT.email);
      await shot(applicant, 'provider-form');
      await applicant.getByTestId('application-submit').click();
      await applicant.locator('[data-testid^="my-application-"][data-status="SUBMITTED"][data-kind="PROVIDER_ONBOARDING"]').waitFor();

      // The reviewer approves the seeded Maple Bakery application: it leaves the SUBMITTED queue.
      const reviewer = await open('reviewer');
      await login(reviewer, 'reviewer@mop.local');
      await switchLanguage(reviewer, 'en');
      await openList(reviewer, 'Application');
      await reviewer.locator('tbody tr', { hasText: PROVIDER.name }).waitFor();
      await shot(reviewer, 'queue');
      await openRow(reviewer, 'Application', 'Maple Bakery');
      mapleUrl = reviewer.url();
      await waitForText(reviewer, 'application-payload', 'Maple Bakery');
      await reviewer.getByTestId('application-approve').click();
      await reviewer.getByTestId('decision-confirm').click();
      await reviewer.getByTestId('application-decision').waitFor();
      await openList(reviewer, 'Application');
      await reviewer.locator('tbody tr', { hasText: PROVIDER.name }).waitFor();
      expect(await reviewer.locator('tbody tr', { hasText: 'Maple Bakery' }).count()).toBe(0);
      await shot(reviewer, 'queue-without-maple');

      await openRow(reviewer, 'Application', PROVIDER.name);
      await waitForText(reviewer, 'application-payload', PROVIDER.licence);
      await reviewer.getByTestId('application-approve').click();
      await reviewer.getByTestId('decision-confirm').click();
      await reviewer.getByTestId('application-decision').waitFor();

      // The new provider admin opens its workspace.
      await applicant.getByTestId('onboarding-refresh').click();
      const openWorkspace = applicant.locator(`[data-testid^="open-workspace-"][data-workspace-name="${PROVIDER.name}"]`);
      await openWorkspace.waitFor();
      await openWorkspace.click();
      await applicant.getByTestId('dashboard').waitFor();
      await waitForText(applicant, 'active-workspace-name', PROVIDER.name);
      await waitForText(applicant, 'active-workspace-role', 'Provider admin');
      expect(sorted(await visibleMenu(applicant))).toEqual(sorted(expectedMenu('PROVIDER_ADMIN')));
      await shot(applicant, 'provider-dashboard');
    }));

  it('in Chinese: the review queue, an application, the store form and the invitation dialog', () =>
    explained(async () => {
      const reviewer = pages['reviewer'];
      await switchLanguage(reviewer, 'zh-CN');
      await openList(reviewer, 'Application');
      await waitForText(reviewer, 'menu-Application', '审核队列');
      // Everything has been decided by now: the approved ones fill the list.
      await choose(reviewer, 'status', '已通过');
      await reviewer.locator('tbody tr', { hasText: 'Maple Bakery' }).waitFor();
      await reviewer.getByText('申请对象', { exact: true }).first().waitFor();
      await reviewer.getByText('等待时长', { exact: true }).first().waitFor();
      // ("Mei Applicant", the seeded applicant's name, is data: "Applicant" is not checked here.)
      await expectNoEnglish(reviewer, ['Review queue', 'Status', 'Kind', 'Subject', 'Submitted', 'Age', 'Search', 'Provider onboarding', 'Dashboard', 'Platform reviewer']);
      await shot(reviewer, 'zh-queue');

      await reviewer.goto(mapleUrl);
      await reviewer.getByTestId('application-show').waitFor();
      await reviewer.getByText('提交的资料').first().waitFor();
      await expectNoEnglish(reviewer, ['Approved', 'Overview', 'Timeline', 'Submitted details', 'Earlier applications', 'First store', 'Legal name', 'Merchant onboarding', 'Monday', 'Opening hours', 'Food & beverage']);
      await reviewer.getByText('餐饮', { exact: false }).first().waitFor();
      await shot(reviewer, 'zh-application');

      const owner = pages['owner'];
      await switchLanguage(owner, 'zh-CN');
      await owner.goto('/#/Store/create');
      await field(owner, 'code').waitFor();
      await owner.locator('.button-add').first().click();
      await owner.getByText('营业时间').first().waitFor();
      await owner.getByText('编号').first().waitFor();
      await expectNoEnglish(owner, ['Code', 'Name', 'Address', 'Opening hours', 'Day', 'Opens', 'Closes', 'Save', 'Add', 'Remove', 'Create Store', 'Stores']);
      await shot(owner, 'zh-store-form');

      await openList(owner, 'Invitation');
      await owner.getByTestId('invite-member').click();
      await field(owner, 'email').fill(`zh-${INVITEE}`);
      await choose(owner, 'role', '店员');
      await owner.getByLabel('Harbor Coffee · Bund (HQ)').check();
      await owner.getByText('门店', { exact: true }).first().waitFor();
      await expectNoEnglish(owner, ['Email', 'Role', 'Stores', 'Clerk', 'Invite staff', 'Save', 'Pick at least one store']);
      await shot(owner, 'zh-invite-form');
      await owner.getByRole('button', { name: '保存' }).click();
      await owner.getByTestId('invitation-accept-url').waitFor();
      await owner.getByText('邀请已创建').waitFor();
      await owner.waitForTimeout(400); // the dialog's fade-in
      await expectNoEnglish(owner, ['Invitation created', 'Accept link', 'Copy link', 'Done', 'queued']);
      await shot(owner, 'zh-invitation-dialog');
      await owner.getByTestId('invitation-done').click();
    }));
});

import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, one per test file; each test opens its own context (its own cookies). */
export function useBrowser() {
  let browser: Browser;
  beforeAll(async () => {
    // Playwright gives every launch a fresh, empty profile of its own.
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: flags });
  });
  afterAll(async () => browser?.close());
  return {
    /** A page of the shared server, or of `baseURL` (a file's own server). */
    async page(baseURL = inject('baseUrl')): Promise<Page> {
      const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
      return context.newPage();
    },
  };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const screenshotDir = path.resolve(import.meta.dirname, '../../test-results/screenshots');

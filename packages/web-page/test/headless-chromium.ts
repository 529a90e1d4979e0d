/** The tools' pages in a real headless Chromium: Debian's, driven by puppeteer-core (which downloads no
 * browser). Exported as `@toolchain/web-page/testing` for the page tests of kogine and loopai. */
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Starts headless Chromium. Never skipped: without the browser a page is untested, and that is a failure. */
export async function launchChromium(): Promise<Browser> {
  assert.ok(
    existsSync(CHROMIUM),
    `${CHROMIUM} is missing: the pages' tests need Debian's chromium; run \`npm run setup\``,
  );
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
}

/** Collects what would be a problem on the page: console errors and warnings, page errors, failed requests
 * and error answers. A test ends with `assert.deepEqual(problems, [])`. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warn")
      problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** A full-page screenshot to `<dir>/<name>.png`, for a person to look at (the tests' artifacts folder). */
export async function saveScreenshot(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) as `${string}.png`, fullPage: true });
}

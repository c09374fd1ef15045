// Browser-test helpers: a Parley server serving webapp/dist (the tests/e2e harness, on a port of
// 18400-18499 so a restart keeps the address), Debian's headless Chromium driven by
// playwright-core (never a downloaded browser), one fresh profile per person, and screenshots
// kept under test-artifacts/ (printed at the start).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../../tests/e2e/lib/harness.mjs';

const DIST = path.resolve(import.meta.dirname, '../../dist');
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
console.log(`# screenshots: ${ARTIFACTS}`);

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Starts the server on the first free port of 18400-18499.
export async function startWebServer(env = {}) {
  const first = 18400 + (process.pid % 100);
  let lastErr;
  for (let i = 0; i < 20; i++) {
    const port = 18400 + ((first - 18400 + i * 7) % 100);
    try {
      return await startServer({
        env: {
          MM_SERVICESETTINGS_LISTENADDRESS: `127.0.0.1:${port}`,
          MM_SERVICESETTINGS_SITEURL: `http://127.0.0.1:${port}`,
          MM_PARLEYSETTINGS_WEBCLIENTDIRECTORY: DIST,
          ...env,
        },
      });
    } catch (e) {
      lastErr = e;
    }
  }
  throw lastErr;
}

// One person: a browser with its own fresh profile. Returns {page, context, close}.
export async function openBrowser(server, { viewport = { width: 1280, height: 800 }, permissions = [] } = {}) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    baseURL: server.url,
  });
  if (permissions.length) await context.grantPermissions(permissions, { origin: server.url });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  // Requests that failed or were refused, for a failing test's message.
  const failedRequests = [];
  page.on('requestfailed', (r) => failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.request().method()} ${r.url()}: ${r.status()}`);
  });
  return {
    page,
    context,
    errors,
    failedRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

// Signs up through the UI; the page is then on the team picker (or in a team).
export async function signUp(page, username, password = 'Passw0rd!x') {
  await page.goto('/');
  await page.getByRole('link', { name: 'Create one' }).click();
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export function messages(page) {
  return page.getByRole('log', { name: 'Messages' });
}

export async function post(page, text) {
  const box = page.getByRole('textbox', { name: 'Write a message' });
  await box.fill(text);
  await box.press('Enter');
}

// A user that signs up and joins (or creates) the team "Parley Test", landing in Town Square.
export async function joinTestTeam(page, username, { create = false } = {}) {
  await signUp(page, username);
  if (create) {
    await page.getByLabel('Team name').fill('Parley Test');
    await page.getByRole('button', { name: 'Create team' }).click();
  } else {
    await page.getByRole('button', { name: 'Join Parley Test' }).click();
  }
  await page.getByRole('heading', { name: '# Town Square' }).waitFor();
}

// Replaces window.Notification with a recorder (granted), so tests can see desktop notifications.
export async function recordNotifications(context) {
  await context.addInitScript(() => {
    window.__notes = [];
    window.Notification = class {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title, options = {}) {
        window.__notes.push({ title, body: options.body ?? '' });
      }
    };
  });
}

// A solid-colour PNG of the given size, for uploads.
export function png(width, height, [r, g, b] = [40, 120, 220]) {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// The post (article) in a list whose text contains `text`, by `author` when given.
export function postWith(scope, text, author) {
  const sel = author ? `article.post[aria-label="Message from ${author}"]` : 'article.post';
  return scope.locator(sel, { hasText: text });
}

// Clicks one of a post's hover actions (Reply, Add reaction, Edit, Delete).
export async function postAction(post, action) {
  await post.hover();
  await post.getByRole('button', { name: action, exact: true }).click();
}

// Hooks for one server and two people, Alice and Bob, each in a browser of their own. With
// `join`, both sign up and sit in Town Square of "Parley Test" (Alice created it, so she is the
// admin). `env` configures the server. Returns the object the hooks fill: {server, alice, bob}.
export function twoPeople({ join = true, notifications = false, env = {} } = {}) {
  const t = {};
  before(async () => {
    t.server = await startWebServer(env);
    t.alice = await openBrowser(t.server);
    t.bob = await openBrowser(t.server);
    if (notifications) {
      await recordNotifications(t.alice.context);
      await recordNotifications(t.bob.context);
    }
    if (join) {
      await joinTestTeam(t.alice.page, 'alice', { create: true });
      await joinTestTeam(t.bob.page, 'bob');
    }
  });
  after(async () => {
    await t.alice?.close();
    await t.bob?.close();
    await t.server?.stop();
  });
  return t;
}

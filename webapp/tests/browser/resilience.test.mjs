// Nothing typed is lost: drafts survive reloads and reach another browser through the server's
// /drafts, and a post sent while the server is down is delivered once it is back, with the
// WebSocket reconnecting and resyncing on its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { client, until } from '../../../tests/e2e/lib/harness.mjs';
import { messages, openBrowser, post, postWith, shot, twoPeople } from './lib.mjs';

const t = twoPeople();

const composer = (page) => page.getByRole('textbox', { name: 'Write a message' });

test('a draft survives a reload and follows the user to another browser', async () => {
  await composer(t.alice.page).pressSequentially('half-written thought');
  await t.alice.page.reload();
  await t.alice.page.getByRole('heading', { name: '# Town Square' }).waitFor();
  assert.equal(await composer(t.alice.page).inputValue(), 'half-written thought');

  // The server copy (/drafts) is saved after a pause in typing; a fresh profile logs in and finds it.
  await until(
    'the server copy of the draft',
    () => t.alice.page.evaluate(async () => {
      const me = await fetch('/api/v4/users/me').then((r) => r.json());
      const teams = await fetch('/api/v4/users/me/teams').then((r) => r.json());
      const drafts = await fetch(`/api/v4/users/${me.id}/teams/${teams[0].id}/drafts`).then((r) => r.json());
      return drafts.some((d) => d.message === 'half-written thought');
    }),
    30_000,
  );
  const other = await openBrowser(t.server);
  const otherComposer = () => other.page.evaluate(() => document.querySelector('textarea[aria-label="Write a message"]')?.value);
  try {
    await other.page.goto('/login');
    await other.page.getByLabel('Email or username').fill('alice');
    await other.page.getByLabel('Password').fill('Passw0rd!x');
    await other.page.getByRole('button', { name: 'Log in' }).click();
    await other.page.getByRole('heading', { name: '# Town Square' }).waitFor();
    await other.page.waitForFunction(() => document.querySelector('textarea[aria-label="Write a message"]')?.value === 'half-written thought')
      .catch(async (e) => {
        const seen = await other.page.evaluate(async () => {
          const me = await fetch('/api/v4/users/me').then((r) => r.json());
          const teams = await fetch('/api/v4/users/me/teams').then((r) => r.json());
          const drafts = await fetch(`/api/v4/users/${me.id}/teams/${teams[0].id}/drafts`).then((r) => r.json());
          return { composer: document.querySelector('textarea[aria-label="Write a message"]')?.value, drafts: drafts.map((d) => d.message) };
        });
        throw new Error(`${e.message}\nseen: ${JSON.stringify(seen)}\nfailed requests: ${JSON.stringify(other.failedRequests)}`);
      });

    // Both open: more typed in the first browser reaches the second (draft_created) ...
    await composer(t.alice.page).press('End');
    await composer(t.alice.page).pressSequentially(', continued');
    await other.page.waitForFunction(() => document.querySelector('textarea[aria-label="Write a message"]')?.value === 'half-written thought, continued');
    // ... and sending it empties the second one's box (draft_deleted).
    await composer(t.alice.page).press('Enter');
    await postWith(messages(t.bob.page), 'half-written thought, continued').waitFor();
    assert.equal(await composer(t.alice.page).inputValue(), '');
    await other.page.waitForFunction(() => document.querySelector('textarea[aria-label="Write a message"]')?.value === '');
    assert.equal(await otherComposer(), '');
  } finally {
    await other.close();
  }
});

test('a post sent while the server is down is delivered once after it restarts', async () => {
  await t.server.kill();
  await t.alice.page.getByText('offline', { exact: true }).waitFor();
  await post(t.alice.page, 'sent while the server was down');
  const pending = messages(t.alice.page).getByRole('article', { name: 'Unsent message' });
  await pending.getByText('sending…').waitFor();
  await shot(t.alice.page, '20-offline-pending');

  await t.server.restart();
  await pending.waitFor({ state: 'detached' });
  await postWith(messages(t.alice.page), 'sent while the server was down', 'alice').waitFor();
  await postWith(messages(t.bob.page), 'sent while the server was down', 'alice').waitFor();
  await t.alice.page.getByText('offline', { exact: true }).waitFor({ state: 'detached' });

  // Real time works again both ways after the reconnect.
  await post(t.bob.page, 'welcome back');
  await postWith(messages(t.alice.page), 'welcome back').waitFor();
  await shot(t.alice.page, '21-after-restart');

  const count = await t.alice.page.evaluate(async () => {
    const me = await fetch('/api/v4/users/me').then((r) => r.json());
    const teams = await fetch('/api/v4/users/me/teams').then((r) => r.json());
    const ch = await fetch(`/api/v4/teams/${teams[0].id}/channels/name/town-square`).then((r) => r.json());
    const list = await fetch(`/api/v4/channels/${ch.id}/posts?per_page=100`).then((r) => r.json());
    return Object.values(list.posts).filter((p) => p.user_id === me.id && p.message === 'sent while the server was down').length;
  });
  assert.equal(count, 1, 'delivered exactly once');
  assert.equal(await t.alice.page.evaluate(() => localStorage.getItem('parley.outbox')), null);
});

test('an ended session brings the login screen back', async () => {
  const api = client(t.server);
  const bob = await api.login('bob', 'Passw0rd!x');
  await api.revokeAllSessionsForUser(bob.id);
  await t.bob.page.getByRole('link', { name: 'Off-Topic' }).click();
  await t.bob.page.getByRole('form', { name: 'Log in' }).waitFor();
  await t.bob.page.getByText('Your session has ended').waitFor();
  await t.bob.page.getByLabel('Email or username').fill('bob');
  await t.bob.page.getByLabel('Password').fill('Passw0rd!x');
  await t.bob.page.getByRole('button', { name: 'Log in' }).click();
  // Back where he was going.
  await t.bob.page.getByRole('heading', { name: '# Off-Topic' }).waitFor();
  await t.bob.page.getByRole('link', { name: 'Town Square' }).click();
  await postWith(messages(t.bob.page), 'welcome back').waitFor();
});


// Nothing typed is lost: drafts survive reloads and reach another browser through the server's
// /drafts, and a post sent while the server is down is delivered once it is back, with the
// WebSocket reconnecting and resyncing on its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { joinTestTeam, messages, openBrowser, post, postWith, shot, startWebServer } from './lib.mjs';

let server;
let alice;
let bob;

before(async () => {
  server = await startWebServer();
  alice = await openBrowser(server);
  bob = await openBrowser(server);
  await joinTestTeam(alice.page, 'alice', { create: true });
  await joinTestTeam(bob.page, 'bob');
});

after(async () => {
  await alice?.close();
  await bob?.close();
  await server?.stop();
});

const composer = (page) => page.getByRole('textbox', { name: 'Write a message' });

test('a draft survives a reload and follows the user to another browser', async () => {
  await composer(alice.page).pressSequentially('half-written thought');
  await alice.page.reload();
  await alice.page.getByRole('heading', { name: '# Town Square' }).waitFor();
  assert.equal(await composer(alice.page).inputValue(), 'half-written thought');

  // The server copy (/drafts) is saved after a pause in typing; a fresh profile logs in and finds it.
  await alice.page.waitForFunction(async () => {
    const me = await fetch('/api/v4/users/me').then((r) => r.json());
    const teams = await fetch('/api/v4/users/me/teams').then((r) => r.json());
    const drafts = await fetch(`/api/v4/users/${me.id}/teams/${teams[0].id}/drafts`).then((r) => r.json());
    return drafts.some((d) => d.message === 'half-written thought');
  }, null, { polling: 250 });
  const other = await openBrowser(server);
  try {
    await other.page.goto('/login');
    await other.page.getByLabel('Email or username').fill('alice');
    await other.page.getByLabel('Password').fill('Passw0rd!x');
    await other.page.getByRole('button', { name: 'Log in' }).click();
    await other.page.getByRole('heading', { name: '# Town Square' }).waitFor();
    await other.page.waitForFunction(() => document.querySelector('textarea[aria-label="Write a message"]')?.value === 'half-written thought');
  } finally {
    await other.close();
  }
  await composer(alice.page).press('Enter');
  await postWith(messages(bob.page), 'half-written thought').waitFor();
  assert.equal(await composer(alice.page).inputValue(), '');
});

test('a post sent while the server is down is delivered once after it restarts', async () => {
  await server.kill();
  await alice.page.getByText('offline', { exact: true }).waitFor();
  await post(alice.page, 'sent while the server was down');
  const pending = messages(alice.page).getByRole('article', { name: 'Unsent message' });
  await pending.getByText('sending…').waitFor();
  await shot(alice.page, '20-offline-pending');

  await server.restart();
  await pending.waitFor({ state: 'detached' });
  await postWith(messages(alice.page), 'sent while the server was down', 'alice').waitFor();
  await postWith(messages(bob.page), 'sent while the server was down', 'alice').waitFor();
  await alice.page.getByText('offline', { exact: true }).waitFor({ state: 'detached' });

  // Real time works again both ways after the reconnect.
  await post(bob.page, 'welcome back');
  await postWith(messages(alice.page), 'welcome back').waitFor();
  await shot(alice.page, '21-after-restart');

  const count = await alice.page.evaluate(async () => {
    const me = await fetch('/api/v4/users/me').then((r) => r.json());
    const teams = await fetch('/api/v4/users/me/teams').then((r) => r.json());
    const ch = await fetch(`/api/v4/teams/${teams[0].id}/channels/name/town-square`).then((r) => r.json());
    const list = await fetch(`/api/v4/channels/${ch.id}/posts?per_page=100`).then((r) => r.json());
    return Object.values(list.posts).filter((p) => p.user_id === me.id && p.message === 'sent while the server was down').length;
  });
  assert.equal(count, 1, 'delivered exactly once');
  assert.equal(await alice.page.evaluate(() => localStorage.getItem('parley.outbox')), null);
});

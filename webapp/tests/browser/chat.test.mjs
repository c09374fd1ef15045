// Two people chatting in the built web client: sign-up (first user is admin), team creation and
// joining, posting markdown, and real-time delivery over the WebSocket.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { joinTestTeam, messages, openBrowser, post, shot, startWebServer } from './lib.mjs';

let server;
let alice;
let bob;

before(async () => {
  server = await startWebServer();
  alice = await openBrowser(server);
  bob = await openBrowser(server);
});

after(async () => {
  await alice?.close();
  await bob?.close();
  await server?.stop();
});

test('the server serves the built client on any path', async () => {
  const res = await fetch(`${server.url}/someteam/channels/town-square`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<script type="module" crossorigin src="\/static\/assets\/[^"]+\.js">/);
  const js = html.match(/src="(\/static\/assets\/[^"]+\.js)"/)[1];
  const asset = await fetch(server.url + js);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('content-type'), /javascript/);
});

test('sign-up, team creation, posting and real-time receive', async () => {
  await alice.page.goto('/');
  await alice.page.getByRole('form', { name: 'Log in' }).waitFor();
  await shot(alice.page, '01-login');
  await joinTestTeam(alice.page, 'alice', { create: true });
  const me = await alice.page.evaluate(() => fetch('/api/v4/users/me').then((r) => r.json()));
  assert.match(me.roles, /system_admin/, 'the first user becomes admin');

  await post(alice.page, 'hello **world** from alice');
  const first = messages(alice.page).getByText('from alice');
  await first.waitFor();
  assert.equal(await messages(alice.page).locator('strong', { hasText: 'world' }).count(), 1);

  await joinTestTeam(bob.page, 'bob');
  await messages(bob.page).getByText('hello world from alice').waitFor();
  const me2 = await bob.page.evaluate(() => fetch('/api/v4/users/me').then((r) => r.json()));
  assert.doesNotMatch(me2.roles, /system_admin/);

  // Bob's reply arrives in Alice's open channel over the WebSocket, the mention highlighted.
  await post(bob.page, 'hi @alice, <b>not bold</b>');
  const got = messages(alice.page).locator('.post', { hasText: 'hi @alice' });
  await got.waitFor();
  assert.equal(await got.locator('.mention-me').innerText(), '@alice');
  assert.equal(await got.locator('b').count(), 0, 'raw HTML is shown as text');
  assert.match(await got.innerText(), /<b>not bold<\/b>/);
  await shot(alice.page, '02-chat-alice');
  await shot(bob.page, '02-chat-bob');

  // A reload keeps the session (cookie) and the channel (URL).
  await bob.page.reload();
  await messages(bob.page).getByText('hi @alice').waitFor();
  assert.match(bob.page.url(), /\/parley-test\/channels\/town-square$/);
  assert.deepEqual(alice.errors, []);
  assert.deepEqual(bob.errors, []);
});

// Two people chatting in the built web client: sign-up (first user is admin), team creation and
// joining, posting markdown, and real-time delivery over the WebSocket.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinTestTeam, messages, post, postWith, shot, twoPeople } from './lib.mjs';

const t = twoPeople({ join: false });

test('the server serves the built client on any path', async () => {
  const res = await fetch(`${t.server.url}/someteam/channels/town-square`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<script type="module" crossorigin src="\/static\/assets\/[^"]+\.js">/);
  const js = html.match(/src="(\/static\/assets\/[^"]+\.js)"/)[1];
  const asset = await fetch(t.server.url + js);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('content-type'), /javascript/);
  assert.equal(asset.headers.get('content-encoding'), 'gzip', 'the precompressed copy is sent');
  assert.match(await asset.text(), /Client4|WebSocket/);
  const plain = await fetch(t.server.url + js, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(plain.headers.get('vary'), 'Accept-Encoding');
});

test('sign-up, team creation, posting and real-time receive', async () => {
  await t.alice.page.goto('/');
  await t.alice.page.getByRole('form', { name: 'Log in' }).waitFor();
  await shot(t.alice.page, '01-login');
  await joinTestTeam(t.alice.page, 'alice', { create: true });
  const me = await t.alice.page.evaluate(() => fetch('/api/v4/users/me').then((r) => r.json()));
  assert.match(me.roles, /system_admin/, 'the first user becomes admin');

  await post(t.alice.page, 'hello **world** from alice');
  // The accepted post (the unsent copy shown while sending is plain text).
  await postWith(messages(t.alice.page), 'from alice', 'alice').waitFor();
  assert.equal(await messages(t.alice.page).locator('strong', { hasText: 'world' }).count(), 1);

  await joinTestTeam(t.bob.page, 'bob');
  await messages(t.bob.page).getByText('hello world from alice').waitFor();
  const me2 = await t.bob.page.evaluate(() => fetch('/api/v4/users/me').then((r) => r.json()));
  assert.doesNotMatch(me2.roles, /system_admin/);

  // Bob's reply arrives in Alice's open channel over the WebSocket, the mention highlighted.
  await post(t.bob.page, 'hi @alice, <b>not bold</b>');
  const got = messages(t.alice.page).locator('.post', { hasText: 'hi @alice' });
  await got.waitFor();
  assert.equal(await got.locator('.mention-me').innerText(), '@alice');
  assert.equal(await got.locator('b').count(), 0, 'raw HTML is shown as text');
  assert.match(await got.innerText(), /<b>not bold<\/b>/);
  await shot(t.alice.page, '02-chat-alice');
  await shot(t.bob.page, '02-chat-bob');

  // A reload keeps the session (cookie) and the channel (URL).
  await t.bob.page.reload();
  await messages(t.bob.page).getByText('hi @alice').waitFor();
  assert.match(t.bob.page.url(), /\/parley-test\/channels\/town-square$/);
  assert.deepEqual(t.alice.errors, []);
  assert.deepEqual(t.bob.errors, []);
});

// Custom emoji through the official Client4: create (multipart), list, get, image, search,
// autocomplete, by names, delete, reactions with custom names, the emoji_added event, and the
// errors for bad names, duplicates, oversized or non-image files and disabled custom emoji.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startServer, newUser, raw, assertAppError, rejects, socket, unique } from './lib/harness.mjs';
import { png, imageSize, tinyGif } from './lib/images.mjs';

let server;
let admin;
let alice;
let bob;
let team;
let channel;
const sockets = [];

before(async () => {
  server = await startServer({ env: { MM_SERVICESETTINGS_ENABLECUSTOMEMOJI: 'true' } });
  admin = await newUser(server);
  alice = await newUser(server);
  bob = await newUser(server);
  team = await admin.client.createTeam({ name: unique('team'), display_name: 'Emoji', type: 'O' });
  for (const u of [alice, bob]) await admin.client.addToTeam(team.id, u.user.id);
  channel = await admin.client.createChannel({ team_id: team.id, name: unique('ch'), display_name: 'Emoji', type: 'O' });
  for (const u of [alice, bob]) await admin.client.addToChannel(u.user.id, channel.id);
});

after(async () => {
  for (const s of sockets) s.close();
  await server.stop();
});

const blob = (buf, type = 'image/png') => new Blob([buf], { type });
const emojiName = () => unique('e').toLowerCase().slice(0, 30);

async function imageOf(who, id) {
  const res = await fetch(who.client.getCustomEmojiImageUrl(id), {
    headers: { Authorization: `Bearer ${who.client.getToken()}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), body: Buffer.from(await res.arrayBuffer()) };
}

test('create a custom emoji: response, stored image in the file store, emoji_added to everyone', async () => {
  const ws = await socket(server, bob.client);
  sockets.push(ws);
  const name = emojiName();
  const small = png(20, 10);
  const emoji = await alice.client.createCustomEmoji({ creator_id: alice.user.id, name }, blob(small));
  assert.match(emoji.id, /^[a-z0-9]{26}$/);
  assert.equal(emoji.name, name);
  assert.equal(emoji.creator_id, alice.user.id);
  assert.equal(emoji.delete_at, 0);
  assert.ok(emoji.create_at > 0 && emoji.update_at === emoji.create_at);
  assert.ok(existsSync(path.join(server.dir, 'files', 'emoji', emoji.id, 'image')));

  const ev = await ws.waitFor('emoji_added', (m) => JSON.parse(m.data.emoji).id === emoji.id);
  assert.deepEqual(JSON.parse(ev.data.emoji), emoji);

  const img = await imageOf(bob, emoji.id);
  assert.equal(img.status, 200);
  assert.equal(img.type, 'image/png');
  assert.equal(img.cache, 'max-age=2592000, private');
  assert.ok(img.body.equals(small), 'small images are stored unchanged');

  assert.deepEqual(await bob.client.getCustomEmoji(emoji.id), emoji);
  assert.deepEqual(await bob.client.getCustomEmojiByName(name), emoji);
});

test('large images are scaled to fit 128x128; GIFs keep their type', async () => {
  const big = await alice.client.createCustomEmoji({ creator_id: alice.user.id, name: emojiName() }, blob(png(300, 200)));
  const img = await imageOf(alice, big.id);
  assert.equal(img.type, 'image/png');
  assert.deepEqual(imageSize(img.body), { width: 128, height: 85 });

  const tall = await alice.client.createCustomEmoji({ creator_id: alice.user.id, name: emojiName() }, blob(png(50, 400)));
  assert.deepEqual(imageSize((await imageOf(alice, tall.id)).body), { width: 16, height: 128 });

  const gif = await alice.client.createCustomEmoji({ creator_id: alice.user.id, name: emojiName() }, blob(tinyGif, 'image/gif'));
  const gifImg = await imageOf(alice, gif.id);
  assert.equal(gifImg.type, 'image/gif');
  assert.ok(gifImg.body.equals(tinyGif));
});

test('list (sorted by name, paged), search, autocomplete and by names', async () => {
  const prefix = `zz${unique('').toLowerCase().slice(-6)}`;
  const created = [];
  for (const suffix of ['c', 'a', 'b']) {
    created.push(await bob.client.createCustomEmoji({ creator_id: bob.user.id, name: `${prefix}_${suffix}` }, blob(png(8, 8))));
  }
  const all = await alice.client.getCustomEmojis(0, 200, 'name');
  const names = all.map((e) => e.name);
  assert.deepEqual(names, [...names].sort());
  for (const e of created) assert.ok(names.includes(e.name));
  const firstTwo = await alice.client.getCustomEmojis(0, 2, 'name');
  const nextTwo = await alice.client.getCustomEmojis(1, 2, 'name');
  assert.deepEqual([...firstTwo, ...nextTwo].map((e) => e.name), names.slice(0, 4));
  const unsorted = await alice.client.getCustomEmojis(0, 200);
  assert.equal(unsorted.length, all.length);

  const found = await alice.client.searchCustomEmoji(prefix, { prefix_only: true });
  assert.deepEqual(found.map((e) => e.name), [`${prefix}_a`, `${prefix}_b`, `${prefix}_c`]);
  const inner = await alice.client.searchCustomEmoji(prefix.slice(2) + '_b');
  assert.deepEqual(inner.map((e) => e.name), [`${prefix}_b`]);
  assert.deepEqual(await alice.client.searchCustomEmoji(prefix.slice(2) + '_b', { prefix_only: true }), []);
  const auto = await alice.client.autocompleteCustomEmoji(`${prefix}_`);
  assert.equal(auto.length, 3);
  const byNames = await alice.client.getCustomEmojisByNames([`${prefix}_a`, `${prefix}_c`, 'nope_not_there', 'Bad Name']);
  assert.deepEqual(byNames.map((e) => e.name).sort(), [`${prefix}_a`, `${prefix}_c`]);

  const token = alice.client.getToken();
  assertAppError(assert, await raw(server, 'GET', '/api/v4/emoji?sort=created', { token }), 400, 'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/emoji/search', { token, body: '{"term":""}' }), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/emoji/search', { token, body: 'nope' }), 400);
  assertAppError(assert, await raw(server, 'GET', '/api/v4/emoji/autocomplete', { token }), 400, 'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/emoji/names', { token, body: '[]' }), 400);
  const tooMany = JSON.stringify(Array.from({ length: 201 }, (_, i) => `n${i}`));
  assertAppError(assert, await raw(server, 'POST', '/api/v4/emoji/names', { token, body: tooMany }), 400, 'api.emoji.get_multiple_by_name_too_many.request_error');
});

test('bad input: names, duplicates, other creator, size, dimensions, not an image, no image', async () => {
  const c = alice.client;
  const me = alice.user.id;
  for (const name of ['Bad', 'has space', 'a'.repeat(65), '', 'dot.name']) {
    await rejects(assert, c.createCustomEmoji({ creator_id: me, name }, blob(png(4, 4))), 400, 'model.emoji.name.app_error');
  }
  await rejects(assert, c.createCustomEmoji({ creator_id: me, name: 'smile' }, blob(png(4, 4))), 400, 'model.emoji.system_emoji_name.app_error');
  const name = emojiName();
  await c.createCustomEmoji({ creator_id: me, name }, blob(png(4, 4)));
  await rejects(assert, bob.client.createCustomEmoji({ creator_id: bob.user.id, name }, blob(png(4, 4))), 400, 'api.emoji.create.duplicate.app_error');
  await rejects(assert, c.createCustomEmoji({ creator_id: bob.user.id, name: emojiName() }, blob(png(4, 4))), 403, 'api.emoji.create.other_user.app_error');
  await rejects(assert, c.createCustomEmoji({ creator_id: me, name: emojiName() }, blob(Buffer.alloc(600 * 1024, 7))), 413, 'api.emoji.create.too_large.app_error');
  await rejects(assert, c.createCustomEmoji({ creator_id: me, name: emojiName() }, blob(png(1100, 4))), 400, 'api.emoji.upload.large_image.too_large.app_error');
  await rejects(assert, c.createCustomEmoji({ creator_id: me, name: emojiName() }, blob(Buffer.from('hello, not an image'), 'text/plain')), 400, 'api.emoji.upload.image.app_error');
  const truncated = png(4, 4).subarray(0, 30);
  await rejects(assert, c.createCustomEmoji({ creator_id: me, name: emojiName() }, blob(truncated)), 400);

  const token = c.getToken();
  const form = new FormData();
  form.append('emoji', JSON.stringify({ creator_id: me, name: emojiName() }));
  let res = await raw(server, 'POST', '/api/v4/emoji', { token, body: form });
  assertAppError(assert, res, 400, 'api.context.invalid_body_param.app_error');
  const noEmoji = new FormData();
  noEmoji.append('image', blob(png(4, 4)));
  assertAppError(assert, await raw(server, 'POST', '/api/v4/emoji', { token, body: noEmoji }), 400, 'api.context.invalid_param.app_error');
  const badJson = new FormData();
  badJson.append('image', blob(png(4, 4)));
  badJson.append('emoji', '{not json');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/emoji', { token, body: badJson }), 400, 'api.context.invalid_param.app_error');
  res = await raw(server, 'POST', '/api/v4/emoji', { token, body: '{}', headers: { 'Content-Type': 'application/json' } });
  assertAppError(assert, res, 400, 'api.emoji.create.parse.app_error');

  assertAppError(assert, await raw(server, 'GET', '/api/v4/emoji/notanid', { token }), 400, 'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/emoji/${'a'.repeat(26)}`, { token }), 404, 'app.emoji.get.no_result');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/emoji/${'a'.repeat(26)}/image`, { token }), 404, 'app.emoji.get.no_result');
  assertAppError(assert, await raw(server, 'GET', '/api/v4/emoji/name/not_there_at_all', { token }), 404, 'app.emoji.get_by_name.no_result');
  assertAppError(assert, await raw(server, 'GET', '/api/v4/emoji/name/bad%20name', { token }), 400, 'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', '/api/v4/emoji'), 401);
});

test('reactions with custom emoji, metadata.emojis, and delete (permissions, reactions removed)', async () => {
  const name = emojiName();
  const emoji = await alice.client.createCustomEmoji({ creator_id: alice.user.id, name }, blob(png(16, 16)));
  const post = await bob.client.createPost({ channel_id: channel.id, message: `hello :${name}: :smile:` });
  assert.deepEqual(post.metadata.emojis, [emoji]);
  await bob.client.addReaction(bob.user.id, post.id, name);
  const read = await bob.client.getPost(post.id);
  assert.equal(read.metadata.reactions[0].emoji_name, name);
  assert.deepEqual(read.metadata.emojis, [emoji]);
  await rejects(assert, bob.client.addReaction(bob.user.id, post.id, 'not_a_custom_emoji'), 404, 'app.emoji.get_by_name.no_result');

  // bob (system_user) may not delete alice's emoji; alice and admins may.
  await rejects(assert, bob.client.deleteCustomEmoji(emoji.id), 403);
  await alice.client.deleteCustomEmoji(emoji.id);
  await rejects(assert, alice.client.getCustomEmoji(emoji.id), 404, 'app.emoji.get.no_result');
  await rejects(assert, alice.client.deleteCustomEmoji(emoji.id), 404);
  const reactions = await raw(server, 'GET', `/api/v4/posts/${post.id}/reactions`, { token: bob.client.getToken() });
  assert.equal(reactions.status, 200);
  assert.deepEqual(reactions.body, []);
  const after = await bob.client.getPost(post.id);
  assert.equal(after.has_reactions, undefined);
  assert.equal(after.metadata.emojis, undefined);
  await rejects(assert, bob.client.addReaction(bob.user.id, post.id, name), 404);
  assert.ok(existsSync(path.join(server.dir, 'files', 'emoji', emoji.id, 'image_deleted')));
  assert.ok(!existsSync(path.join(server.dir, 'files', 'emoji', emoji.id, 'image')));

  const other = await bob.client.createCustomEmoji({ creator_id: bob.user.id, name: emojiName() }, blob(png(4, 4)));
  assert.deepEqual(await admin.client.deleteCustomEmoji(other.id), { status: 'OK' });
  // The name can be used again once deleted.
  await alice.client.createCustomEmoji({ creator_id: alice.user.id, name }, blob(png(4, 4)));
});

test('EnableCustomEmoji=false: 501 on create, list, get and image; 403 elsewhere, reactions refused', async () => {
  const off = await startServer({ env: { MM_SERVICESETTINGS_ENABLECUSTOMEMOJI: 'false' } });
  try {
    const u = await newUser(off);
    const token = u.client.getToken();
    await rejects(assert, u.client.createCustomEmoji({ creator_id: u.user.id, name: 'x1' }, blob(png(4, 4))), 501, 'api.emoji.disabled.app_error');
    await rejects(assert, u.client.getCustomEmojis(), 501, 'api.emoji.disabled.app_error');
    assertAppError(assert, await raw(off, 'GET', `/api/v4/emoji/${'a'.repeat(26)}`, { token }), 501, 'api.emoji.disabled.app_error');
    assertAppError(assert, await raw(off, 'GET', `/api/v4/emoji/${'a'.repeat(26)}/image`, { token }), 501, 'api.emoji.disabled.app_error');
    await rejects(assert, u.client.getCustomEmojiByName('x1'), 403, 'api.emoji.disabled.app_error');
    await rejects(assert, u.client.searchCustomEmoji('x'), 403, 'api.emoji.disabled.app_error');
    await rejects(assert, u.client.autocompleteCustomEmoji('x'), 403, 'api.emoji.disabled.app_error');
  } finally {
    await off.stop();
  }
});

// Group messages through the official Client4: member counts Mattermost allows (the creator
// included, duplicates counted once), display names, and POST /users/group_channels
// (getProfilesInGroupChannels) returning the members of the caller's group channels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects } from './lib/harness.mjs';

let server;
const users = [];

before(async () => {
  server = await startServer();
  for (let i = 0; i < 9; i++) users.push(await newUser(server));
});

after(async () => {
  await server.stop();
});

test('3 to 8 distinct users including the creator; display name is the sorted usernames', async () => {
  const [a, b, c] = users;
  // Duplicates and the creator's own id count once: two distinct others are too few.
  await rejects(assert, a.client.createGroupChannel([b.user.id, b.user.id, a.user.id]), 400,
    'api.channel.create_group.bad_size.app_error');
  const eight = users.slice(1, 8).map((u) => u.user.id);
  const big = await a.client.createGroupChannel(eight);
  assert.equal(big.type, 'G');
  // Mattermost cuts the joined names at 64 characters (ChannelNameMaxLength).
  assert.equal(big.display_name, users.slice(0, 8).map((u) => u.user.username).sort().join(', ').slice(0, 64));
  assert.equal((await a.client.getChannelMembers(big.id)).length, 8);
  await rejects(assert, a.client.createGroupChannel(users.slice(1, 9).map((u) => u.user.id)), 400,
    'api.channel.create_group.bad_size.app_error');
  const gm = await a.client.createGroupChannel([b.user.id, c.user.id, c.user.id]);
  assert.equal(gm.display_name, [a, b, c].map((u) => u.user.username).sort().join(', '));
  assert.equal(gm.team_id, '');
});

test('getProfilesInGroupChannels: members of the caller\'s group channels only', async () => {
  const [a, b, c, d, e] = users;
  const mine = await a.client.createGroupChannel([b.user.id, c.user.id]);
  const notMine = await d.client.createGroupChannel([e.user.id, b.user.id]);
  const dm = await a.client.createDirectChannel([a.user.id, b.user.id]);
  const result = await a.client.getProfilesInGroupChannels([mine.id, notMine.id, dm.id, 'x'.repeat(26)]);
  assert.deepEqual(Object.keys(result), [mine.id]);
  assert.deepEqual(result[mine.id].map((u) => u.id).sort(), [a.user.id, b.user.id, c.user.id].sort());
  for (const u of result[mine.id]) {
    assert.ok(u.username);
    assert.ok(!('password' in u));
  }
  const seenByB = await b.client.getProfilesInGroupChannels([mine.id, notMine.id]);
  assert.deepEqual(Object.keys(seenByB).sort(), [mine.id, notMine.id].sort());

  const token = a.client.getToken();
  const post = (body) => raw(server, 'POST', '/api/v4/users/group_channels', { token, body });
  assertAppError(assert, await post('[]'), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await post('{"a":1}'), 400, 'api.context.invalid_param.app_error');
  const none = await post(JSON.stringify([dm.id]));
  assert.equal(none.status, 200);
  assert.equal(none.headers.get('content-type'), 'application/json');
  assert.deepEqual(none.body, {});
  assertAppError(assert, await raw(server, 'POST', '/api/v4/users/group_channels', { body: JSON.stringify([mine.id]) }), 401);
});

// Permanent deletion of posts, channels and teams (ServiceSettings.EnableAPI*Deletion), and the
// errors when it is disabled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket } from './lib/harness.mjs';
import { teamWith, slug } from './lib/teams.mjs';

let enabled;
let disabled;
before(async () => {
  enabled = await startServer({
    env: {
      MM_SERVICESETTINGS_ENABLEAPIPOSTDELETION: 'true',
      MM_SERVICESETTINGS_ENABLEAPICHANNELDELETION: 'true',
      MM_SERVICESETTINGS_ENABLEAPITEAMDELETION: 'true',
    },
  });
  disabled = await startServer();
});
after(async () => {
  await enabled.stop();
  await disabled.stop();
});

test('permanent post deletion is refused when disabled', async () => {
  const admin = await newUser(disabled);
  const team = await teamWith(admin);
  const channel = await admin.client.getChannelByName(team.id, 'town-square');
  const post = await admin.client.createPost({ channel_id: channel.id, message: 'keep me' });
  const res = await raw(disabled, 'DELETE', `/api/v4/posts/${post.id}?permanent=true`, { token: admin.client.getToken() });
  assertAppError(assert, res, 501, 'api.post.delete_post.not_enabled.app_error');
  assert.equal((await admin.client.getPost(post.id)).message, 'keep me');
});

test('only system admins delete posts permanently; replies and reactions go too', async () => {
  const admin = await newUser(enabled);
  const user = await newUser(enabled);
  const team = await teamWith(admin, user);
  const channel = await admin.client.getChannelByName(team.id, 'town-square');
  const root = await user.client.createPost({ channel_id: channel.id, message: 'root' });
  const reply = await admin.client.createPost({ channel_id: channel.id, message: 'reply', root_id: root.id });
  await admin.client.addReaction(admin.user.id, reply.id, 'smile');
  const byUser = await raw(enabled, 'DELETE', `/api/v4/posts/${root.id}?permanent=true`, { token: user.client.getToken() });
  assertAppError(assert, byUser, 403, 'api.context.permissions.app_error');
  const ws = await socket(enabled, user.client);
  const res = await raw(enabled, 'DELETE', `/api/v4/posts/${root.id}?permanent=true`, { token: admin.client.getToken() });
  assert.equal(res.status, 200, res.text);
  const deleted = await ws.waitFor('post_deleted', (m) => JSON.parse(m.data.post).id === root.id);
  assert.ok(deleted);
  ws.close();
  const gone = await raw(enabled, 'GET', `/api/v4/posts/${root.id}?include_deleted=true`, { token: admin.client.getToken() });
  assertAppError(assert, gone, 404);
  assertAppError(assert, await raw(enabled, 'GET', `/api/v4/posts/${reply.id}?include_deleted=true`, { token: admin.client.getToken() }), 404);
  const posts = await admin.client.getPosts(channel.id, 0, 60);
  assert.ok(!posts.order.includes(root.id) && !posts.order.includes(reply.id));
});

test('permanent channel deletion removes the channel and tells its members', async () => {
  const admin = await newUser(enabled);
  const user = await newUser(enabled);
  const team = await teamWith(admin, user);
  const channel = await admin.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Doomed', type: 'P' });
  await admin.client.addToChannel(user.user.id, channel.id);
  await admin.client.createPost({ channel_id: channel.id, message: 'soon gone' });
  const ws = await socket(enabled, user.client);
  const res = await raw(enabled, 'DELETE', `/api/v4/channels/${channel.id}?permanent=true`, { token: admin.client.getToken() });
  assert.equal(res.status, 200, res.text);
  await ws.waitFor('channel_deleted', (m) => m.data.channel_id === channel.id);
  ws.close();
  await rejects(assert, admin.client.getChannel(channel.id), 404);
  const mine = await user.client.getMyChannels(team.id);
  assert.ok(!mine.some((c) => c.id === channel.id));
});

test('permanent team deletion removes the team, its channels and memberships', async () => {
  const admin = await newUser(enabled);
  const user = await newUser(enabled);
  const team = await teamWith(admin, user);
  const town = await admin.client.getChannelByName(team.id, 'town-square');
  await user.client.createPost({ channel_id: town.id, message: 'hello' });
  const ws = await socket(enabled, user.client);
  const res = await raw(enabled, 'DELETE', `/api/v4/teams/${team.id}?permanent=true`, { token: admin.client.getToken() });
  assert.equal(res.status, 200, res.text);
  await ws.waitFor('delete_team', (m) => JSON.parse(m.data.team).id === team.id);
  ws.close();
  await rejects(assert, admin.client.getTeam(team.id), 404);
  await rejects(assert, admin.client.getChannel(town.id), 404);
  const teams = await user.client.getMyTeams();
  assert.ok(!teams.some((t) => t.id === team.id));
});

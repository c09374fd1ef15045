// Nobody reads or writes a DM or GM they are not in, through REST or the WebSocket; anonymous
// requests get 401.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, client, rejects, socket } from './lib/harness.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('direct and group messages are closed to everyone else', async () => {
  await newUser(server); // the admin is someone else
  const a = await newUser(server);
  const b = await newUser(server);
  const c = await newUser(server);
  const outsider = await newUser(server);
  const dm = await a.client.createDirectChannel([a.user.id, b.user.id]);
  const gm = await a.client.createGroupChannel([a.user.id, b.user.id, c.user.id]);
  const spy = await socket(server, outsider.client);
  for (const ch of [dm, gm]) {
    const post = await a.client.createPost({ channel_id: ch.id, message: `secret in ${ch.type}` });
    await rejects(assert, outsider.client.getPosts(ch.id), 403, 'api.context.permissions.app_error');
    await rejects(assert, outsider.client.getPost(post.id), 403, 'api.context.permissions.app_error');
    await rejects(assert, outsider.client.getPostThread(post.id), 403, 'api.context.permissions.app_error');
    await rejects(assert, outsider.client.createPost({ channel_id: ch.id, message: 'let me in' }), 403, 'api.context.permissions.app_error');
    await rejects(assert, outsider.client.addReaction(outsider.user.id, post.id, 'smile'), 403, 'api.context.permissions.app_error');
    await rejects(assert, outsider.client.getChannelMembers(ch.id), 403);
    await rejects(assert, outsider.client.addToChannel(outsider.user.id, ch.id), 400);
    await rejects(assert, client(server).getPost(post.id), 401, 'api.context.session_expired.app_error');
    // By ids, posts the caller cannot read are left out (Mattermost's getPostsByIds).
    assert.deepEqual(await outsider.client.getPostsByIds([post.id]), []);
  }
  // Members do see them; the outsider's socket saw nothing from either channel.
  const listing = await b.client.getPosts(gm.id);
  assert.ok(listing.order.length >= 1);
  assert.ok(await spy.none('posted', (m) => [dm.id, gm.id].includes(m.broadcast.channel_id), 300));
  spy.close();
});

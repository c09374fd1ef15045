// Saved (flagged) posts through the official Client4: flags are flagged_post preferences, and
// GET /users/{user_id}/posts/flagged lists the readable ones with team/channel filters and
// Mattermost's paging; a deleted post loses its flags.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, unique } from './lib/harness.mjs';

let server;
let admin;
let alice;
let bob;
let team;
let other;

before(async () => {
  server = await startServer();
  admin = await newUser(server);
  alice = await newUser(server);
  bob = await newUser(server);
  team = await admin.client.createTeam({ name: unique('team'), display_name: 'Flags', type: 'O' });
  other = await admin.client.createTeam({ name: unique('team'), display_name: 'Other', type: 'O' });
  for (const t of [team, other]) {
    for (const u of [alice, bob]) await admin.client.addToTeam(t.id, u.user.id);
  }
});

after(async () => {
  await server.stop();
});

const flag = (u, ...posts) =>
  u.client.savePreferences(u.user.id, posts.map((p) => ({ user_id: u.user.id, category: 'flagged_post', name: p.id, value: 'true' })));

async function channelIn(t, members = [bob]) {
  const ch = await alice.client.createChannel({ team_id: t.id, name: unique('c'), display_name: 'C', type: 'O' });
  for (const m of members) await alice.client.addToChannel(m.user.id, ch.id);
  return ch;
}

test('flagged posts: readable ones only, newest first, team and channel filters, paging', async () => {
  const a = await channelIn(team);
  const b = await channelIn(other);
  const leftLater = await channelIn(team);
  const dm = await bob.client.createDirectChannel([alice.user.id, bob.user.id]);
  const p1 = await alice.client.createPost({ channel_id: a.id, message: 'one' });
  const p2 = await alice.client.createPost({ channel_id: b.id, message: 'two' });
  const p3 = await alice.client.createPost({ channel_id: dm.id, message: 'three' });
  const p4 = await alice.client.createPost({ channel_id: leftLater.id, message: 'four' });
  const p5 = await alice.client.createPost({ channel_id: a.id, message: 'five' });
  const reply = await alice.client.createPost({ channel_id: a.id, root_id: p1.id, message: 'six' });
  await flag(bob, p1, p2, p3, p4, p5, reply);

  let all = await bob.client.getFlaggedPosts(bob.user.id);
  assert.deepEqual(all.order, [reply.id, p5.id, p4.id, p3.id, p2.id, p1.id]);
  assert.equal(all.posts[p1.id].message, 'one');
  assert.equal(all.posts[p1.id].reply_count, 1);
  assert.equal(all.posts[reply.id].root_id, p1.id);

  // A channel bob left and a deleted post are no longer listed.
  await bob.client.removeFromChannel(bob.user.id, leftLater.id);
  await alice.client.deletePost(p5.id);
  all = await bob.client.getFlaggedPosts(bob.user.id);
  assert.deepEqual(all.order, [reply.id, p3.id, p2.id, p1.id]);
  assert.ok(!(p4.id in all.posts));
  // The deleted post's flag preference is gone; the left channel's is kept.
  const prefs = (await bob.client.getMyPreferences()).filter((p) => p.category === 'flagged_post').map((p) => p.name);
  assert.ok(!prefs.includes(p5.id));
  assert.ok(prefs.includes(p4.id));

  // team_id keeps that team's channels plus direct and group channels.
  const inTeam = await bob.client.getFlaggedPosts(bob.user.id, '', team.id);
  assert.deepEqual(inTeam.order, [reply.id, p3.id, p1.id]);
  const inOther = await bob.client.getFlaggedPosts(bob.user.id, '', other.id);
  assert.deepEqual(inOther.order, [p3.id, p2.id]);
  // channel_id wins over team_id.
  const inChannel = await bob.client.getFlaggedPosts(bob.user.id, a.id, other.id);
  assert.deepEqual(inChannel.order, [reply.id, p1.id]);

  // Mattermost hands the page number to the store as the offset: page=1 skips one post.
  const paged = await bob.client.getFlaggedPosts(bob.user.id, '', '', 1, 2);
  assert.deepEqual(paged.order, [p3.id, p2.id]);
  assert.deepEqual((await bob.client.getFlaggedPosts(bob.user.id, '', '', 0, 2)).order, [reply.id, p3.id]);

  // Unflagging removes it from the list.
  await bob.client.deletePreferences(bob.user.id, [{ user_id: bob.user.id, category: 'flagged_post', name: p2.id, value: 'true' }]);
  assert.deepEqual((await bob.client.getFlaggedPosts(bob.user.id)).order, [reply.id, p3.id, p1.id]);
  // Another user has no flags of their own here.
  assert.deepEqual((await alice.client.getFlaggedPosts('me')).order, []);
});

test("another user's flagged posts are 403; a system admin may read them", async () => {
  const ch = await channelIn(team, [bob]);
  const p = await alice.client.createPost({ channel_id: ch.id, message: 'for bob' });
  await flag(bob, p);
  await rejects(assert, alice.client.getFlaggedPosts(bob.user.id), 403, 'api.context.permissions.app_error');
  const seen = await admin.client.getFlaggedPosts(bob.user.id);
  assert.ok(seen.order.includes(p.id));
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/nope/posts/flagged', { token: bob.client.getToken() }), 400,
    'api.context.invalid_url_param.app_error');
  const anon = await raw(server, 'GET', `/api/v4/users/${bob.user.id}/posts/flagged`);
  assertAppError(assert, anon, 401);
});

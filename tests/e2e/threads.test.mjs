// Collapsed reply threads through the official client: the thread list with totals and
// cursors, one thread, following, marking read and unread, is_following on posts, team unreads,
// the thread_updated / thread_follow_changed / thread_read_changed events, permissions and bad
// input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket } from './lib/harness.mjs';
import { teamWith } from './lib/teams.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

async function channelOf(team, owner) {
  return owner.client.getChannelByName(team.id, 'town-square');
}

test('replies make the root author, the replier and mentioned users follow; list, totals and one thread', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const carol = await newUser(server);
  const dave = await newUser(server);
  const team = await teamWith(alice, bob, carol, dave);
  const town = await channelOf(team, alice);
  const root = await alice.client.createPost({ channel_id: town.id, message: 'root' });

  // No reply yet: no thread.
  let list = await alice.client.getUserThreads('me', team.id, {});
  assert.equal(list.total, 0);
  assert.deepEqual(list.threads, []);

  const aliceWs = await socket(server, alice.client);
  const bobWs = await socket(server, bob.client);
  const reply = await bob.client.createPost({
    channel_id: town.id, root_id: root.id, message: `reply for @${carol.user.username}`,
  });

  // posted carries followers per recipient; thread_updated goes to each follower.
  const posted = await aliceWs.waitFor('posted', (m) => JSON.parse(m.data.post).id === reply.id);
  assert.deepEqual(JSON.parse(posted.data.followers), [alice.user.id]);
  const updated = await aliceWs.waitFor('thread_updated');
  const thread = JSON.parse(updated.data.thread);
  assert.equal(thread.id, root.id);
  assert.equal(thread.reply_count, 1);
  assert.equal(thread.unread_replies, 1);
  assert.equal(updated.data.previous_unread_replies, 0);
  assert.equal(updated.broadcast.user_id, alice.user.id);
  const bobUpdated = await bobWs.waitFor('thread_updated');
  assert.equal(JSON.parse(bobUpdated.data.thread).unread_replies, 0);

  list = await alice.client.getUserThreads('me', team.id, {});
  assert.equal(list.total, 1);
  assert.equal(list.total_unread_threads, 1);
  assert.equal(list.total_unread_mentions, 0);
  assert.equal(list.total_unread_urgent_mentions, 0);
  const t = list.threads[0];
  assert.equal(t.id, root.id);
  assert.equal(t.post.id, root.id);
  assert.equal(t.reply_count, 1);
  assert.equal(t.last_reply_at, reply.create_at);
  assert.deepEqual(t.participants.map((p) => p.id), [bob.user.id]);
  assert.equal(t.unread_replies, 1);
  assert.equal(t.delete_at, 0);

  // Carol was mentioned: she follows with one unread mention.
  const carolList = await carol.client.getUserThreads('me', team.id, {});
  assert.equal(carolList.total, 1);
  assert.equal(carolList.total_unread_mentions, 1);
  assert.equal(carolList.threads[0].unread_mentions, 1);
  // Bob replied: he follows and has read it.
  const bobThread = await bob.client.getUserThread('me', team.id, root.id, true);
  assert.equal(bobThread.unread_replies, 0);
  assert.equal(bobThread.participants[0].username, bob.user.username);
  // Dave is in the channel but follows nothing.
  assert.equal((await dave.client.getUserThreads('me', team.id, {})).total, 0);
  await rejects(assert, dave.client.getUserThread('me', team.id, root.id), 404);

  // totalsOnly / threadsOnly.
  const totals = await alice.client.getUserThreads('me', team.id, { totalsOnly: true });
  assert.equal(totals.total, 1);
  assert.deepEqual(totals.threads, []);
  const only = await alice.client.getUserThreads('me', team.id, { threadsOnly: true });
  assert.equal(only.threads.length, 1);
  aliceWs.close();
  bobWs.close();
});

test('cursors, unread filter and deleted threads', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(alice, bob);
  const town = await channelOf(team, alice);
  const roots = [];
  for (let i = 0; i < 3; i++) {
    const r = await alice.client.createPost({ channel_id: town.id, message: `root ${i}` });
    await bob.client.createPost({ channel_id: town.id, root_id: r.id, message: `reply ${i}` });
    roots.push(r);
  }
  const all = await alice.client.getUserThreads('me', team.id, {});
  assert.deepEqual(all.threads.map((t) => t.id), [roots[2].id, roots[1].id, roots[0].id]);
  const page = await alice.client.getUserThreads('me', team.id, { perPage: 2 });
  assert.deepEqual(page.threads.map((t) => t.id), [roots[2].id, roots[1].id]);
  const older = await alice.client.getUserThreads('me', team.id, { before: roots[1].id });
  assert.deepEqual(older.threads.map((t) => t.id), [roots[0].id]);
  const newer = await alice.client.getUserThreads('me', team.id, { after: roots[0].id });
  assert.deepEqual(newer.threads.map((t) => t.id), [roots[2].id, roots[1].id]);

  await alice.client.updateThreadReadForUser(alice.user.id, team.id, roots[0].id, Date.now());
  const unread = await alice.client.getUserThreads('me', team.id, { unread: true });
  assert.deepEqual(unread.threads.map((t) => t.id), [roots[2].id, roots[1].id]);
  assert.equal(unread.total, 2);

  await alice.client.deletePost(roots[2].id);
  const afterDelete = await alice.client.getUserThreads('me', team.id, {});
  assert.deepEqual(afterDelete.threads.map((t) => t.id), [roots[1].id, roots[0].id]);
  const withDeleted = await alice.client.getUserThreads('me', team.id, { deleted: true });
  assert.equal(withDeleted.threads[0].id, roots[2].id);
  assert.ok(withDeleted.threads[0].delete_at > 0);

  // Deleting a reply lowers the count.
  const r1 = await alice.client.getPostThread(roots[1].id);
  const replyId = r1.order.find((id) => id !== roots[1].id);
  await bob.client.deletePost(replyId);
  const one = await alice.client.getUserThread('me', team.id, roots[1].id);
  assert.equal(one.reply_count, 0);
});

test('follow, unfollow, read, unread and read all with their events', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(alice, bob);
  const town = await channelOf(team, alice);
  const root = await alice.client.createPost({ channel_id: town.id, message: 'root' });
  const r1 = await bob.client.createPost({ channel_id: town.id, root_id: root.id, message: 'one' });
  const r2 = await bob.client.createPost({
    channel_id: town.id, root_id: root.id, message: `two @${alice.user.username}`,
  });
  const ws = await socket(server, alice.client);

  let t = await alice.client.getUserThread('me', team.id, root.id);
  assert.equal(t.unread_replies, 2);
  assert.equal(t.unread_mentions, 1);

  await alice.client.updateThreadFollowForUser(alice.user.id, team.id, root.id, false);
  const unfollowed = await ws.waitFor('thread_follow_changed', (m) => m.data.state === false);
  assert.equal(unfollowed.data.thread_id, root.id);
  assert.equal(unfollowed.data.reply_count, 2);
  assert.equal((await alice.client.getUserThreads('me', team.id, {})).total, 0);
  // An unfollowed root author is not made to follow again by a plain reply.
  await bob.client.createPost({ channel_id: town.id, root_id: root.id, message: 'three' });
  assert.equal((await alice.client.getUserThreads('me', team.id, {})).total, 0);

  // Collapsed-threads post lists carry is_following for threads the user has a membership of.
  const lone = await alice.client.createPost({ channel_id: town.id, message: 'no thread' });
  let page = await alice.client.getPosts(town.id, 0, 60, true, true);
  assert.equal(page.posts[root.id].is_following, false);
  assert.equal(page.posts[lone.id].is_following, undefined);
  assert.equal((await alice.client.getPosts(town.id, 0, 60, true, false)).posts[root.id].is_following,
    undefined);

  await alice.client.updateThreadFollowForUser(alice.user.id, team.id, root.id, true);
  await ws.waitFor('thread_follow_changed', (m) => m.data.state === true);
  page = await alice.client.getPosts(town.id, 0, 60, true, true);
  assert.equal(page.posts[root.id].is_following, true);
  const threadList = await alice.client.getPostThread(root.id, true, true);
  assert.equal(threadList.posts[root.id].is_following, true);
  t = await alice.client.getUserThread('me', team.id, root.id);
  assert.equal(t.unread_replies, 0);

  const unread = await alice.client.markThreadAsUnreadForUser(alice.user.id, team.id, root.id, r1.id);
  assert.equal(unread.unread_replies, 3);
  assert.equal(unread.unread_mentions, 1);
  assert.equal(unread.last_viewed_at, r1.create_at - 1);
  const readEvent = await ws.waitFor('thread_read_changed', (m) => m.data.thread_id === root.id);
  assert.equal(readEvent.data.unread_replies, 3);
  assert.equal(readEvent.data.unread_mentions, 1);
  assert.equal(readEvent.data.channel_id, town.id);
  assert.equal(readEvent.data.timestamp, r1.create_at - 1);

  const read = await alice.client.updateThreadReadForUser(alice.user.id, team.id, root.id, r2.create_at);
  assert.equal(read.unread_replies, 1);
  assert.equal(read.unread_mentions, 0);

  const res = await alice.client.updateThreadsReadForUser(alice.user.id, team.id);
  assert.equal(res.status, 'OK');
  await ws.waitFor('thread_read_changed', (m) => !m.data.thread_id);
  const list = await alice.client.getUserThreads('me', team.id, {});
  assert.equal(list.total_unread_threads, 0);
  assert.equal(list.total_unread_mentions, 0);
  ws.close();
});

test('permissions and bad input', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const eve = await newUser(server);
  const team = await teamWith(alice, bob);
  const town = await channelOf(team, alice);
  const root = await alice.client.createPost({ channel_id: town.id, message: 'root' });
  await bob.client.createPost({ channel_id: town.id, root_id: root.id, message: 'reply' });
  const other = await alice.client.createPost({ channel_id: town.id, message: 'elsewhere' });

  // Someone else's threads.
  await rejects(assert, bob.client.getUserThreads(alice.user.id, team.id, {}), 403,
    'api.context.permissions.app_error');
  await rejects(assert, bob.client.updateThreadFollowForUser(alice.user.id, team.id, root.id, false),
    403, 'api.context.permissions.app_error');
  // A thread in a channel one cannot read.
  await rejects(assert, eve.client.getUserThread('me', team.id, root.id), 403);
  await rejects(assert, eve.client.updateThreadFollowForUser(eve.user.id, team.id, root.id, true), 403);
  await rejects(assert, eve.client.getUserThreads('me', team.id, {}), 403);

  // Bad input.
  const token = alice.client.getToken();
  const base = `/api/v4/users/me/teams/${team.id}/threads`;
  assertAppError(assert, await raw(server, 'GET', `${base}?before=nope`, { token }), 400);
  assertAppError(assert, await raw(server, 'GET', `${base}?before=${root.id}&after=${root.id}`, { token }),
    400, 'api.getThreadsForUser.bad_params');
  assertAppError(assert, await raw(server, 'GET', `${base}?totalsOnly=true&threadsOnly=true`, { token }),
    400, 'api.getThreadsForUser.bad_only_params');
  assertAppError(assert, await raw(server, 'GET', `${base}/bad-id`, { token }), 400);
  assertAppError(assert, await raw(server, 'GET', `${base}?since=yesterday`, { token }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'PUT', `${base}/${root.id}/read/abc`, { token }), 400);
  assertAppError(assert, await raw(server, 'POST', `${base}/${root.id}/set_unread/${other.id}`, { token }),
    400, 'app.user.update_thread_read_for_user_by_post.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/me/teams/bad/threads`, { token }), 400);
  const missing = 'a'.repeat(26);
  assertAppError(assert, await raw(server, 'PUT', `${base}/${missing}/following`, { token }), 404);
});

test('team unreads with collapsed threads and thread mention counts per channel', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(alice, bob);
  const town = await channelOf(team, alice);
  const root = await bob.client.createPost({ channel_id: town.id, message: 'root' });
  await bob.client.createPost({
    channel_id: town.id, root_id: root.id, message: `hi @${alice.user.username}`,
  });
  await bob.client.createPost({ channel_id: town.id, root_id: root.id, message: 'again' });

  const unreads = await alice.client.getMyTeamUnreads(true);
  const forTeam = unreads.find((u) => u.team_id === team.id);
  assert.equal(forTeam.thread_count, 1);
  assert.equal(forTeam.thread_mention_count, 1);
  const plain = (await alice.client.getMyTeamUnreads(false)).find((u) => u.team_id === team.id);
  assert.equal(plain.thread_count, 0);

  const token = alice.client.getToken();
  const counts = await raw(server, 'GET', `/api/v4/users/me/teams/${team.id}/threads/mention_counts`, { token });
  assert.equal(counts.status, 200);
  assert.deepEqual(counts.body, { [town.id]: 1 });
  assertAppError(assert, await raw(server, 'GET',
    `/api/v4/users/${alice.user.id}/teams/${team.id}/threads/mention_counts`,
    { token: bob.client.getToken() }), 403, 'api.context.permissions.app_error');

  await alice.client.updateThreadReadForUser(alice.user.id, team.id, root.id, Date.now());
  const after = (await alice.client.getMyTeamUnreads(true)).find((u) => u.team_id === team.id);
  assert.equal(after.thread_count, 0);
  assert.equal(after.thread_mention_count, 0);
  const none = await raw(server, 'GET', `/api/v4/users/me/teams/${team.id}/threads/mention_counts`, { token });
  assert.deepEqual(none.body, {});
});

// Turns collapsed threads on or off for the user (display_settings/collapsed_reply_threads).
async function setCrt(u, on) {
  await u.client.savePreferences(u.user.id, [{
    user_id: u.user.id, category: 'display_settings', name: 'collapsed_reply_threads', value: on ? 'on' : 'off',
  }]);
}

test('CollapsedThreads default_off: each user\'s preference decides events, comment mentions and mark-read-by-poster', async () => {
  const quick = await startServer({ env: { MM_SERVICESETTINGS_COLLAPSEDTHREADS: 'default_off' } });
  try {
    const alice = await newUser(quick); // collapsed threads on by preference
    const bob = await newUser(quick); // no preference: the default (off)
    const carol = await newUser(quick);
    const team = await teamWith(alice, bob, carol);
    const town = await channelOf(team, alice);
    await setCrt(alice, true);
    for (const u of [alice, bob]) await u.client.patchMe({ notify_props: { ...u.user.notify_props, comments: 'any' } });

    const root = await alice.client.createPost({ channel_id: town.id, message: 'root' });
    await bob.client.createPost({ channel_id: town.id, root_id: root.id, message: 'bob joins in' });
    const aliceWs = await socket(quick, alice.client);
    const bobWs = await socket(quick, bob.client);
    const before = {
      alice: await alice.client.getMyChannelMember(town.id),
      bob: await bob.client.getMyChannelMember(town.id),
    };
    const reply = await carol.client.createPost({ channel_id: town.id, root_id: root.id, message: 'carol answers' });

    // Only alice has collapsed threads: thread_updated and posted followers are hers alone.
    const updated = await aliceWs.waitFor('thread_updated');
    assert.equal(JSON.parse(updated.data.thread).id, root.id);
    const alicePosted = await aliceWs.waitFor('posted', (m) => JSON.parse(m.data.post).id === reply.id);
    assert.deepEqual(JSON.parse(alicePosted.data.followers), [alice.user.id]);
    const bobPosted = await bobWs.waitFor('posted', (m) => JSON.parse(m.data.post).id === reply.id);
    assert.equal(bobPosted.data.followers, undefined);
    // Comment mentions ("comments": "any") count only for bob, whose threads are not collapsed.
    assert.deepEqual(JSON.parse(bobPosted.data.mentions), [bob.user.id]);
    assert.equal(alicePosted.data.mentions, undefined);
    const after = {
      alice: await alice.client.getMyChannelMember(town.id),
      bob: await bob.client.getMyChannelMember(town.id),
    };
    assert.equal(after.alice.mention_count, before.alice.mention_count);
    assert.equal(after.bob.mention_count, before.bob.mention_count + 1);
    assert.ok(await bobWs.none('thread_updated', () => true, 300));

    // A reply by a user without collapsed threads marks the channel read for them (and their
    // threads there); with collapsed threads it does not.
    await bob.client.createPost({ channel_id: town.id, root_id: root.id, message: 'bob again' });
    const bobMember = await bob.client.getMyChannelMember(town.id);
    const total = (await bob.client.getChannel(town.id)).total_msg_count;
    assert.equal(bobMember.msg_count, total);
    assert.equal(bobMember.mention_count, 0);
    await alice.client.createPost({ channel_id: town.id, root_id: root.id, message: 'alice replies' });
    const aliceMember = await alice.client.getMyChannelMember(town.id);
    assert.ok(aliceMember.msg_count < (await alice.client.getChannel(town.id)).total_msg_count);

    // Viewing the channel reads its threads for bob (no collapsed threads), not for alice.
    await carol.client.createPost({ channel_id: town.id, root_id: root.id, message: 'more' });
    assert.equal((await bob.client.getUserThread(bob.user.id, team.id, root.id)).unread_replies, 2);
    await bob.client.viewMyChannel(town.id);
    assert.equal((await bob.client.getUserThread(bob.user.id, team.id, root.id)).unread_replies, 0);
    await alice.client.viewMyChannel(town.id);
    assert.equal((await alice.client.getUserThread(alice.user.id, team.id, root.id)).unread_replies, 1);
    aliceWs.close();
    bobWs.close();
  } finally {
    await quick.stop();
  }
});

test('thread_updated previous_unread_* are the counts before the reply; new followers start at 0', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const carol = await newUser(server);
  const team = await teamWith(alice, bob, carol);
  const town = await channelOf(team, alice);
  const root = await alice.client.createPost({ channel_id: town.id, message: 'root' });
  await bob.client.createPost({ channel_id: town.id, root_id: root.id, message: `one @${alice.user.username}` });
  // Alice's reply reads the thread for her; bob has it unread.
  await alice.client.createPost({ channel_id: town.id, root_id: root.id, message: 'two' });
  const aliceWs = await socket(server, alice.client);
  const bobWs = await socket(server, bob.client);
  const carolWs = await socket(server, carol.client);
  await bob.client.createPost({
    channel_id: town.id, root_id: root.id, message: `three @${carol.user.username} @${alice.user.username}`,
  });

  // Bob replied: before it he had alice's reply unread.
  const bobEv = await bobWs.waitFor('thread_updated');
  assert.equal(bobEv.data.previous_unread_replies, 1);
  assert.equal(bobEv.data.previous_unread_mentions, 0);
  assert.equal(JSON.parse(bobEv.data.thread).unread_replies, 0);
  // Alice had read everything; now one reply and one mention are unread.
  const aliceEv = await aliceWs.waitFor('thread_updated');
  assert.equal(aliceEv.data.previous_unread_replies, 0);
  assert.equal(aliceEv.data.previous_unread_mentions, 0);
  assert.equal(JSON.parse(aliceEv.data.thread).unread_replies, 1);
  assert.equal(JSON.parse(aliceEv.data.thread).unread_mentions, 1);
  // Carol starts following with this reply: nothing was unread before.
  const carolEv = await carolWs.waitFor('thread_updated');
  assert.equal(carolEv.data.previous_unread_replies, 0);
  assert.equal(carolEv.data.previous_unread_mentions, 0);
  assert.equal(JSON.parse(carolEv.data.thread).unread_replies, 3);
  assert.equal(JSON.parse(carolEv.data.thread).unread_mentions, 1);
  for (const ws of [aliceWs, bobWs, carolWs]) ws.close();
});

test('adding a user to a channel from a thread (post_root_id) makes them follow it', async () => {
  const alice = await newUser(server);
  const dave = await newUser(server);
  const team = await teamWith(alice, dave);
  const channel = await alice.client.createChannel({
    team_id: team.id, name: `c${Date.now().toString(36)}`, display_name: 'Side', type: 'O',
  });
  const root = await alice.client.createPost({ channel_id: channel.id, message: 'root' });
  await alice.client.createPost({ channel_id: channel.id, root_id: root.id, message: `@${dave.user.username} come` });
  await rejects(assert, dave.client.getUserThread(dave.user.id, team.id, root.id), 404);
  const daveWs = await socket(server, dave.client);
  await alice.client.addToChannel(dave.user.id, channel.id, root.id);

  const t = await dave.client.getUserThread(dave.user.id, team.id, root.id);
  assert.equal(t.id, root.id);
  const following = await dave.client.getPostThread(root.id, true, true);
  assert.equal(following.posts[root.id].is_following, true);
  const ev = await daveWs.waitFor('thread_updated');
  assert.equal(JSON.parse(ev.data.thread).id, root.id);
  assert.equal(ev.data.previous_unread_replies, 0);
  daveWs.close();
});

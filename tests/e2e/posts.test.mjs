// Posts, threads, paging cursors, unread, pins and reactions through the official Client4, with
// the WebSocket events a second user receives and Mattermost's permission and error rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket, unique } from './lib/harness.mjs';

let server;
let admin;
let alice;
let bob;
let carol;
let dave;
let team;
let open;
let priv;
const sockets = [];

before(async () => {
  server = await startServer();
  admin = await newUser(server);
  alice = await newUser(server);
  bob = await newUser(server);
  carol = await newUser(server);
  dave = await newUser(server);
  team = await admin.client.createTeam({ name: unique('team'), display_name: 'Posts team', type: 'O' });
  for (const u of [alice, bob, carol, dave]) await admin.client.addToTeam(team.id, u.user.id);
  open = await newChannel('O', [bob]);
  priv = await newChannel('P', [bob]);
});

after(async () => {
  for (const s of sockets) s.close();
  await server.stop();
});

// A channel created by alice (who becomes its admin) with the given extra members.
async function newChannel(type, members = []) {
  const ch = await alice.client.createChannel({
    team_id: team.id,
    name: unique('ch'),
    display_name: `Channel ${type}`,
    type,
  });
  for (const m of members) await alice.client.addToChannel(m.user.id, ch.id);
  return ch;
}

async function ws(who) {
  const s = await socket(server, who.client);
  sockets.push(s);
  return s;
}

const postOf = (ev) => JSON.parse(ev.data.post);

test('create and read a post: 201, fields, hashtags, pending id, counters', async () => {
  const pending = `${alice.user.id}:${Date.now()}`;
  const post = await alice.client.createPost({
    channel_id: open.id,
    message: 'Release #v2 today, see #notes.',
    pending_post_id: pending,
    props: { custom: 'x' },
  });
  assert.match(post.id, /^[a-z0-9]{26}$/);
  assert.equal(post.user_id, alice.user.id);
  assert.equal(post.channel_id, open.id);
  assert.equal(post.root_id, '');
  assert.equal(post.hashtags, '#v2 #notes');
  assert.equal(post.pending_post_id, pending);
  assert.equal(post.props.custom, 'x');
  assert.ok(post.create_at > 0);
  assert.equal(post.update_at, post.create_at);
  assert.equal(post.edit_at, 0);
  assert.deepEqual(post.file_ids, []);
  assert.deepEqual(post.metadata, {});

  const res = await raw(server, 'POST', '/api/v4/posts', {
    token: alice.client.getToken(),
    body: JSON.stringify({ channel_id: open.id, message: 'status code check' }),
  });
  assert.equal(res.status, 201);

  const read = await bob.client.getPost(post.id);
  assert.equal(read.message, post.message);
  assert.equal(read.pending_post_id, '');
  assert.equal(read.reply_count, 0);

  // The same pending id within the dedupe window returns the first post.
  const again = await alice.client.createPost({ channel_id: open.id, message: 'dup', pending_post_id: pending });
  assert.equal(again.id, post.id);

  const channel = await alice.client.getChannel(open.id);
  assert.ok(channel.total_msg_count >= 2);
  assert.ok(channel.last_post_at >= res.body.create_at);
  const mine = await alice.client.getMyChannelMember(open.id);
  assert.equal(mine.msg_count, channel.total_msg_count);
  assert.equal(mine.last_viewed_at, channel.last_post_at);
});

test('posted event reaches channel members with mentions only for the mentioned user', async () => {
  const ch = await newChannel('O', [bob, dave]);
  const bobWs = await ws(bob);
  const daveWs = await ws(dave);
  const carolWs = await ws(carol);
  const p1 = await alice.client.createPost({ channel_id: ch.id, message: `hey @${bob.user.username}, look` });
  const ev = await bobWs.waitFor('posted', (m) => postOf(m).id === p1.id);
  assert.equal(ev.broadcast.channel_id, ch.id);
  assert.equal(ev.data.channel_display_name, ch.display_name);
  assert.equal(ev.data.channel_name, ch.name);
  assert.equal(ev.data.channel_type, 'O');
  assert.equal(ev.data.sender_name, `@${alice.user.username}`);
  assert.equal(ev.data.team_id, team.id);
  assert.equal(ev.data.set_online, true);
  assert.deepEqual(JSON.parse(ev.data.mentions), [bob.user.id]);
  assert.equal(postOf(ev).message, p1.message);
  const daveEv = await daveWs.waitFor('posted', (m) => postOf(m).id === p1.id);
  assert.equal(daveEv.data.mentions, undefined);
  assert.ok(await carolWs.none('posted', (m) => postOf(m).id === p1.id));

  const p2 = await alice.client.createPost({ channel_id: ch.id, message: 'no mention here' });
  const ev2 = await bobWs.waitFor('posted', (m) => postOf(m).id === p2.id);
  assert.equal(ev2.data.mentions, undefined);

  const member = await bob.client.getMyChannelMember(ch.id);
  assert.equal(member.mention_count, 1);
  assert.equal(member.mention_count_root, 1);
  assert.equal(member.msg_count, 0);
});

test('@channel mentions every member, @here only those online', async () => {
  const offline = await newUser(server);  // never opens a WebSocket
  await admin.client.addToTeam(team.id, offline.user.id);
  const ch = await newChannel('O', [bob, offline]);
  const bobWs = await ws(bob);
  const before = (await offline.client.getMyChannelMember(ch.id)).mention_count;
  const here = await alice.client.createPost({ channel_id: ch.id, message: '@here standup?' });
  const ev = await bobWs.waitFor('posted', (m) => postOf(m).id === here.id);
  assert.deepEqual(JSON.parse(ev.data.mentions), [bob.user.id]);
  assert.equal((await offline.client.getMyChannelMember(ch.id)).mention_count, before);
  const all = await alice.client.createPost({ channel_id: ch.id, message: 'Heads up @channel.' });
  await bobWs.waitFor('posted', (m) => postOf(m).id === all.id);
  assert.equal((await offline.client.getMyChannelMember(ch.id)).mention_count, before + 1);
  assert.equal((await bob.client.getMyChannelMember(ch.id)).mention_count, 2);
  // The poster never mentions themself.
  assert.equal((await alice.client.getMyChannelMember(ch.id)).mention_count, 0);
});

test('urgent priority counts urgent mentions; replies cannot carry a priority', async () => {
  const ch = await newChannel('O', [bob]);
  const p = await alice.client.createPost({
    channel_id: ch.id,
    message: `@${bob.user.username} prod is down`,
    metadata: { priority: { priority: 'urgent' } },
  });
  assert.equal(p.metadata.priority.priority, 'urgent');
  assert.equal((await bob.client.getMyChannelMember(ch.id)).urgent_mention_count, 1);
  await rejects(assert, alice.client.createPost({
    channel_id: ch.id, root_id: p.id, message: 'r', metadata: { priority: { priority: 'urgent' } },
  }), 400, 'api.post.post_priority.priority_post_only_allowed_for_root_post.request_error');
});

test('direct messages always mention the other user', async () => {
  const dm = await alice.client.createDirectChannel([alice.user.id, bob.user.id]);
  const bobWs = await ws(bob);
  const p = await alice.client.createPost({ channel_id: dm.id, message: 'psst' });
  const ev = await bobWs.waitFor('posted', (m) => postOf(m).id === p.id);
  assert.equal(ev.data.channel_type, 'D');
  assert.equal(ev.data.team_id, '');
  assert.equal(ev.data.channel_display_name, `@${alice.user.username}`);
  assert.deepEqual(JSON.parse(ev.data.mentions), [bob.user.id]);
  assert.equal((await bob.client.getMyChannelMember(dm.id)).mention_count, 1);
  await rejects(assert, carol.client.getPost(p.id), 403, 'api.context.permissions.app_error');
});

test('edit and patch: own posts, edit_at, post_edited event, others need edit_others_posts', async () => {
  const bobWs = await ws(bob);
  const post = await alice.client.createPost({ channel_id: open.id, message: 'first draft' });
  const updated = await alice.client.updatePost({ ...post, message: 'second draft #edited' });
  assert.equal(updated.message, 'second draft #edited');
  assert.equal(updated.hashtags, '#edited');
  assert.ok(updated.edit_at >= post.create_at && updated.edit_at > 0);
  const ev = await bobWs.waitFor('post_edited', (m) => postOf(m).id === post.id && postOf(m).message === updated.message);
  assert.equal(ev.broadcast.channel_id, open.id);

  const patched = await alice.client.patchPost({ id: post.id, message: 'third draft' });
  assert.equal(patched.message, 'third draft');
  assert.equal((await bob.client.getPost(post.id)).message, 'third draft');

  await rejects(assert, bob.client.patchPost({ id: post.id, message: 'hijack' }), 403, 'api.context.permissions.app_error');
  await rejects(assert, bob.client.updatePost({ ...patched, message: 'hijack' }), 403, 'api.context.permissions.app_error');
  const byAdmin = await admin.client.patchPost({ id: post.id, message: 'moderated' });
  assert.equal(byAdmin.message, 'moderated');
  assert.equal(byAdmin.user_id, alice.user.id);

  const mismatch = await raw(server, 'PUT', `/api/v4/posts/${post.id}`, {
    token: alice.client.getToken(),
    body: JSON.stringify({ id: bob.user.id, message: 'x' }),
  });
  assertAppError(assert, mismatch, 400, 'api.context.invalid_param.app_error');
});

test('delete: soft-deletes a thread, post_deleted event, delete_by only for admins', async () => {
  const ch = await newChannel('O', [bob]);
  await alice.client.addToChannel(admin.user.id, ch.id);
  const bobWs = await ws(bob);
  const adminWs = await ws(admin);
  const root = await alice.client.createPost({ channel_id: ch.id, message: 'root to delete' });
  const reply = await bob.client.createPost({ channel_id: ch.id, root_id: root.id, message: 'reply' });
  await rejects(assert, bob.client.deletePost(root.id), 403, 'api.context.permissions.app_error');
  const res = await alice.client.deletePost(root.id);
  assert.equal(res.status, 'OK');
  await rejects(assert, bob.client.getPost(root.id), 404, 'app.post.get.app_error');
  await rejects(assert, bob.client.getPost(reply.id), 404, 'app.post.get.app_error');
  const ev = await bobWs.waitFor('post_deleted', (m) => postOf(m).id === root.id);
  assert.equal(ev.data.delete_by, undefined);
  const adminEv = await adminWs.waitFor('post_deleted', (m) => postOf(m).id === root.id);
  assert.equal(adminEv.data.delete_by, alice.user.id);
  // Admins can delete other people's posts; the deleted post is still there for them.
  const other = await bob.client.createPost({ channel_id: ch.id, message: 'admin removes this' });
  await admin.client.deletePost(other.id);
  const gone = await admin.client.getPost(other.id, true);
  assert.ok(gone.delete_at > 0);
  await rejects(assert, bob.client.getPost(other.id, true), 403, 'api.context.permissions.app_error');
  // Deleting does not lower the channel's message count.
  const last = await bob.client.createPost({ channel_id: ch.id, message: 'counted' });
  const total = (await alice.client.getChannel(ch.id)).total_msg_count;
  await bob.client.deletePost(last.id);
  assert.equal((await alice.client.getChannel(ch.id)).total_msg_count, total);
});

test('threads: replies, reply_count, last_reply_at, participants and root rules', async () => {
  const ch = await newChannel('O', [bob]);
  const root = await alice.client.createPost({ channel_id: ch.id, message: 'thread root' });
  const r1 = await bob.client.createPost({ channel_id: ch.id, root_id: root.id, message: 'r1' });
  const r2 = await alice.client.createPost({ channel_id: ch.id, root_id: root.id, message: 'r2' });
  const r3 = await bob.client.createPost({ channel_id: ch.id, root_id: root.id, message: 'r3' });
  assert.equal(r3.reply_count, 3);
  const thread = await bob.client.getPostThread(root.id);
  assert.equal(thread.order[0], root.id);
  assert.deepEqual(new Set(thread.order), new Set([root.id, r1.id, r2.id, r3.id]));
  for (const id of thread.order) assert.equal(thread.posts[id].reply_count, 3);
  const fromReply = await bob.client.getPostThread(r2.id);
  assert.equal(fromReply.order[0], r2.id);
  assert.equal(Object.keys(fromReply.posts).length, 4);
  const fresh = await alice.client.getPost(root.id);
  assert.equal(fresh.last_reply_at, r3.create_at);
  assert.deepEqual(fresh.participants.map((u) => u.id), [bob.user.id, alice.user.id]);

  await rejects(assert, bob.client.createPost({ channel_id: ch.id, root_id: r1.id, message: 'nested' }), 400,
    'api.post.create_post.root_id.app_error');
  await rejects(assert, bob.client.createPost({ channel_id: open.id, root_id: root.id, message: 'elsewhere' }), 400,
    'api.post.create_post.channel_root_id.app_error');
  await rejects(assert, bob.client.createPost({ channel_id: ch.id, root_id: bob.user.id, message: 'ghost' }), 400,
    'api.post.create_post.root_id.app_error');
});

test('channel pages: page/per_page, before, after and since with Mattermost cursors', async () => {
  const ch = await newChannel('O');
  const m = [];
  for (let i = 0; i < 5; i++) m.push(await alice.client.createPost({ channel_id: ch.id, message: `m${i}` }));
  const ids = m.map((p) => p.id);

  const page0 = await alice.client.getPosts(ch.id, 0, 2);
  assert.deepEqual(page0.order, [ids[4], ids[3]]);
  assert.equal(page0.next_post_id, '');
  assert.equal(page0.prev_post_id, ids[2]);

  const before = await alice.client.getPostsBefore(ch.id, ids[3], 0, 2);
  assert.deepEqual(before.order, [ids[2], ids[1]]);
  assert.equal(before.next_post_id, ids[3]);
  assert.equal(before.prev_post_id, ids[0]);
  const oldest = await alice.client.getPostsBefore(ch.id, ids[1], 0, 5);
  assert.equal(oldest.order[0], ids[0]);
  assert.equal(oldest.prev_post_id, '');

  const afterList = await alice.client.getPostsAfter(ch.id, ids[1], 0, 2);
  assert.deepEqual(afterList.order, [ids[3], ids[2]]);
  assert.equal(afterList.prev_post_id, ids[1]);
  assert.equal(afterList.next_post_id, ids[4]);
  const newest = await alice.client.getPostsAfter(ch.id, ids[3], 0, 2);
  assert.deepEqual(newest.order, [ids[4]]);
  assert.equal(newest.next_post_id, '');

  const since = await alice.client.getPostsSince(ch.id, m[2].create_at);
  assert.deepEqual(since.order, [ids[4], ids[3]]);
  assert.equal(since.next_post_id, '');
  assert.equal(since.prev_post_id, '');
  await alice.client.patchPost({ id: ids[1], message: 'm1 edited' });
  await alice.client.deletePost(ids[0]);
  const changed = await alice.client.getPostsSince(ch.id, m[4].create_at);
  assert.deepEqual(new Set(changed.order), new Set([ids[0], ids[1]]));
  assert.ok(changed.posts[ids[0]].delete_at > 0);
  assert.equal(changed.posts[ids[1]].message, 'm1 edited');

  const deleted = await raw(server, 'GET', `/api/v4/channels/${ch.id}/posts?include_deleted=true`, {
    token: alice.client.getToken(),
  });
  assertAppError(assert, deleted, 403, 'api.context.permissions.app_error');
  const bad = await raw(server, 'GET', `/api/v4/channels/${ch.id}/posts?before=nope`, { token: alice.client.getToken() });
  assertAppError(assert, bad, 400, 'api.context.invalid_param.app_error');
});

test('pages carry the threads of their replies', async () => {
  const ch = await newChannel('O', [bob]);
  const root = await alice.client.createPost({ channel_id: ch.id, message: 'old root' });
  for (let i = 0; i < 3; i++) await alice.client.createPost({ channel_id: ch.id, message: `filler ${i}` });
  const reply = await bob.client.createPost({ channel_id: ch.id, root_id: root.id, message: 'late reply' });
  const page = await alice.client.getPosts(ch.id, 0, 1);
  assert.deepEqual(page.order, [reply.id]);
  assert.ok(page.posts[root.id], 'root of the reply is included');
  const skipped = await raw(server, 'GET', `/api/v4/channels/${ch.id}/posts?page=0&per_page=1&skipFetchThreads=true`, {
    token: alice.client.getToken(),
  });
  assert.ok(skipped.body.posts[root.id]);
  const crt = await alice.client.getPosts(ch.id, 0, 10, true, true);
  assert.ok(crt.order.includes(root.id));
  assert.ok(!crt.order.includes(reply.id), 'collapsed threads list roots only');
  assert.equal(crt.posts[root.id].reply_count, 1);
  assert.equal(crt.posts[root.id].last_reply_at, reply.create_at);
});

test('posts around the last unread post', async () => {
  const ch = await newChannel('O', [bob]);
  const a1 = await alice.client.createPost({ channel_id: ch.id, message: 'a1' });
  const b1 = await bob.client.createPost({ channel_id: ch.id, message: 'b1' });
  const a2 = await alice.client.createPost({ channel_id: ch.id, message: `@${bob.user.username} a2` });
  const a3 = await alice.client.createPost({ channel_id: ch.id, message: 'a3' });
  const all = await bob.client.getPostsUnread(ch.id, bob.user.id);
  assert.equal(all.order[0], a3.id);
  assert.ok(all.order.includes(a2.id) && all.order.includes(b1.id) && all.order.includes(a1.id));
  assert.equal(all.next_post_id, '');
  const narrow = await bob.client.getPostsUnread(ch.id, bob.user.id, 60, 1);
  assert.deepEqual(narrow.order, [a3.id, a2.id, b1.id]);
  assert.equal(narrow.prev_post_id, a1.id);
  const member = await bob.client.getMyChannelMember(ch.id);
  assert.equal(member.mention_count, 1);
  assert.equal(member.last_viewed_at, b1.create_at);
  await rejects(assert, bob.client.getPostsUnread(ch.id, alice.user.id), 403, 'api.context.permissions.app_error');
  const zero = await raw(server, 'GET', `/api/v4/users/me/channels/${ch.id}/posts/unread?limit_after=0`, {
    token: bob.client.getToken(),
  });
  assertAppError(assert, zero, 400, 'api.context.invalid_url_param.app_error');
});

test('pin and unpin: is_pinned, post_edited event, pinned list', async () => {
  const bobWs = await ws(bob);
  const post = await alice.client.createPost({ channel_id: open.id, message: 'pin me' });
  const res = await bob.client.pinPost(post.id);
  assert.equal(res.status, 'OK');
  const ev = await bobWs.waitFor('post_edited', (m) => postOf(m).id === post.id && postOf(m).is_pinned);
  assert.equal(postOf(ev).is_pinned, true);
  const pinned = await bob.client.getPinnedPosts(open.id);
  assert.ok(pinned.order.includes(post.id));
  assert.equal(pinned.posts[post.id].is_pinned, true);
  await alice.client.unpinPost(post.id);
  assert.ok(!(await bob.client.getPinnedPosts(open.id)).order.includes(post.id));
  assert.equal((await bob.client.getPost(post.id)).is_pinned, false);
  const secret = await alice.client.createPost({ channel_id: priv.id, message: 'private pin' });
  await rejects(assert, carol.client.pinPost(secret.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, carol.client.getPinnedPosts(priv.id), 403, 'api.context.permissions.app_error');
});

test('channel stats count pinned posts: pin, unpin, delete', async () => {
  const ch = await newChannel('O', [bob]);
  const stats = () => bob.client.getChannelStats(ch.id, true);
  assert.equal((await stats()).pinnedpost_count, 0);
  const p1 = await alice.client.createPost({ channel_id: ch.id, message: 'pin one' });
  const p2 = await alice.client.createPost({ channel_id: ch.id, message: 'pin two' });
  await bob.client.pinPost(p1.id);
  await bob.client.pinPost(p2.id);
  assert.equal((await stats()).pinnedpost_count, 2);
  await bob.client.unpinPost(p1.id);
  assert.equal((await stats()).pinnedpost_count, 1);
  await alice.client.deletePost(p2.id);
  const after = await stats();
  assert.equal(after.pinnedpost_count, 0);
  assert.equal(after.member_count, 2);
});

test('reactions: add, list, bulk, remove, events, metadata and rules', async () => {
  const aliceWs = await ws(alice);
  const post = await alice.client.createPost({ channel_id: open.id, message: 'react here' });
  const r = await bob.client.addReaction(bob.user.id, post.id, 'smile');
  assert.equal(r.user_id, bob.user.id);
  assert.equal(r.post_id, post.id);
  assert.equal(r.emoji_name, 'smile');
  assert.equal(r.channel_id, open.id);
  assert.ok(r.create_at > 0);
  const added = await aliceWs.waitFor('reaction_added', (m) => JSON.parse(m.data.reaction).post_id === post.id);
  assert.equal(JSON.parse(added.data.reaction).emoji_name, 'smile');
  assert.equal(added.broadcast.channel_id, open.id);
  await alice.client.addReaction(alice.user.id, post.id, '+1');

  const withMeta = await alice.client.getPost(post.id);
  assert.equal(withMeta.has_reactions, true);
  assert.deepEqual(withMeta.metadata.reactions.map((x) => x.emoji_name), ['smile', '+1']);
  assert.equal((await bob.client.getReactionsForPost(post.id)).length, 2);
  const plain = await alice.client.createPost({ channel_id: open.id, message: 'no reactions' });
  const bulk = await raw(server, 'POST', '/api/v4/posts/ids/reactions', {
    token: bob.client.getToken(),
    body: JSON.stringify([post.id, plain.id]),
  });
  assert.equal(bulk.status, 200);
  assert.equal(bulk.body[post.id].length, 2);
  assert.deepEqual(bulk.body[plain.id], []);

  await rejects(assert, alice.client.removeReaction(bob.user.id, post.id, 'smile'), 403, 'api.context.permissions.app_error');
  const removed = await bob.client.removeReaction(bob.user.id, post.id, 'smile');
  assert.equal(removed.status, 'OK');
  const ev = await aliceWs.waitFor('reaction_removed', (m) => JSON.parse(m.data.reaction).post_id === post.id);
  assert.equal(JSON.parse(ev.data.reaction).user_id, bob.user.id);
  await admin.client.removeReaction(alice.user.id, post.id, '+1');
  const after = await alice.client.getPost(post.id);
  assert.equal(after.has_reactions, undefined);
  assert.equal(after.metadata.reactions, undefined);

  await rejects(assert, bob.client.addReaction(alice.user.id, post.id, 'smile'), 403, 'api.reaction.save_reaction.user_id.app_error');
  await rejects(assert, bob.client.addReaction(bob.user.id, post.id, 'no_such_emoji_here'), 404, 'app.emoji.get_by_name.no_result');
  await rejects(assert, bob.client.addReaction(bob.user.id, post.id, ''), 400, 'api.reaction.save_reaction.invalid.app_error');
  const secret = await alice.client.createPost({ channel_id: priv.id, message: 'private' });
  await rejects(assert, carol.client.addReaction(carol.user.id, secret.id, 'smile'), 403, 'api.context.permissions.app_error');
  const badName = await raw(server, 'DELETE', `/api/v4/users/me/posts/${post.id}/reactions/bad%20name`, {
    token: bob.client.getToken(),
  });
  assertAppError(assert, badName, 400, 'api.context.invalid_url_param.app_error');
});

test('read permissions: private channels, public channels for team members, by ids', async () => {
  const secret = await alice.client.createPost({ channel_id: priv.id, message: 'members only' });
  const visible = await alice.client.createPost({ channel_id: open.id, message: 'for the team' });
  await rejects(assert, carol.client.getPosts(priv.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, carol.client.getPost(secret.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, carol.client.getPostThread(secret.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, carol.client.createPost({ channel_id: priv.id, message: 'let me in' }), 403,
    'api.context.permissions.app_error');
  // carol is not in the public channel but may read it as a team member; posting needs membership.
  const list = await carol.client.getPosts(open.id);
  assert.ok(list.order.includes(visible.id));
  assert.equal((await carol.client.getPost(visible.id)).id, visible.id);
  await rejects(assert, carol.client.createPost({ channel_id: open.id, message: 'drive-by' }), 403,
    'api.context.permissions.app_error');
  const byIds = await carol.client.getPostsByIds([secret.id, visible.id]);
  assert.deepEqual(byIds.map((p) => p.id), [visible.id]);
  assert.equal((await bob.client.getPostsByIds([secret.id, visible.id])).length, 2);
});

test('bad input gives AppErrors and the server keeps serving', async () => {
  const token = alice.client.getToken();
  const post = (body) => raw(server, 'POST', '/api/v4/posts', { token, body });
  assertAppError(assert, await post('{"channel_id": '), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await post(JSON.stringify({ channel_id: 5, message: 'x' })), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await post(JSON.stringify({ channel_id: open.id, message: ['x'] })), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await post(JSON.stringify({ channel_id: open.id, props: 'x' })), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await post('[]'), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await post(JSON.stringify({ channel_id: alice.user.id, message: 'x' })), 403,
    'api.context.permissions.app_error');
  const asAdmin = await raw(server, 'POST', '/api/v4/posts', {
    token: admin.client.getToken(),
    body: JSON.stringify({ channel_id: alice.user.id, message: 'x' }),
  });
  assertAppError(assert, asAdmin, 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await post(JSON.stringify({ channel_id: open.id, message: 'x', type: 'system_join_channel' })), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await post(JSON.stringify({ channel_id: open.id, message: 'x', type: 'bogus' })), 400,
    'model.post.is_valid.type.app_error');

  const longest = 'é'.repeat(16383);
  const ok = await alice.client.createPost({ channel_id: open.id, message: longest });
  assert.equal(ok.message.length, 16383);
  await rejects(assert, alice.client.createPost({ channel_id: open.id, message: 'x'.repeat(16384) }), 400,
    'model.post.is_valid.message_length.app_error');
  await rejects(assert, alice.client.patchPost({ id: ok.id, message: 'y'.repeat(16384) }), 400,
    'model.post.is_valid.message_length.app_error');

  assertAppError(assert, await raw(server, 'GET', '/api/v4/posts/not-an-id', { token }), 400, 'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/posts/${alice.user.id}`, { token }), 404, 'app.post.get.app_error');
  await rejects(assert, alice.client.patchPost({ id: alice.user.id, message: 'x' }), 403, 'api.context.permissions.app_error');
  await rejects(assert, alice.client.deletePost(alice.user.id), 404, 'app.post.get.app_error');
  const patchBad = await raw(server, 'PUT', `/api/v4/posts/${ok.id}/patch`, { token, body: '{"message": 7}' });
  assertAppError(assert, patchBad, 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/posts/ids', { token, body: '{"a":1}' }), 400, 'api.payload.parse.error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/posts/ids', { token, body: '[]' }), 400, 'api.context.invalid_param.app_error');
  await rejects(assert, alice.client.getPostsByIds([alice.user.id]), 404, 'app.post.get.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/reactions', { token, body: '{"user_id": 1}' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/posts/${ok.id}/thread?perPage=abc`, { token }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/channels/${open.id}/posts?since=soon`, { token }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/posts', { body: '{}' }), 401, 'api.context.session_expired.app_error');
  assert.equal((await raw(server, 'GET', '/api/v4/system/ping')).status, 200);
  assert.equal((await alice.client.getPost(ok.id)).id, ok.id);
});

test('archived channels: readable, but no new posts, edits, deletes or reactions', async () => {
  const ch = await newChannel('O', [bob]);
  const post = await alice.client.createPost({ channel_id: ch.id, message: 'before archiving' });
  await bob.client.addReaction(bob.user.id, post.id, 'smile');
  await alice.client.deleteChannel(ch.id);
  await rejects(assert, alice.client.createPost({ channel_id: ch.id, message: 'too late' }), 400,
    'api.post.create_post.can_not_post_to_deleted.error');
  await rejects(assert, alice.client.patchPost({ id: post.id, message: 'edit' }), 400,
    'api.post.patch_post.can_not_update_post_in_deleted.error');
  await rejects(assert, alice.client.updatePost({ ...post, message: 'edit' }), 400,
    'api.post.update_post.can_not_update_post_in_deleted.error');
  await rejects(assert, alice.client.deletePost(post.id), 400,
    'api.post.delete_post.can_not_delete_post_in_deleted.error');
  await rejects(assert, bob.client.addReaction(bob.user.id, post.id, '+1'), 403,
    'api.reaction.save.archived_channel.app_error');
  await rejects(assert, bob.client.removeReaction(bob.user.id, post.id, 'smile'), 403,
    'api.reaction.delete.archived_channel.app_error');
  assert.equal((await bob.client.getPost(post.id)).message, 'before archiving');
  assert.ok((await bob.client.getPosts(ch.id)).order.includes(post.id));
});

test('group messages mention every other member', async () => {
  const gm = await alice.client.createGroupChannel([alice.user.id, bob.user.id, carol.user.id]);
  const bobWs = await ws(bob);
  const p = await alice.client.createPost({ channel_id: gm.id, message: 'hello group' });
  const ev = await bobWs.waitFor('posted', (m) => postOf(m).id === p.id);
  assert.equal(ev.data.channel_type, 'G');
  assert.equal(ev.data.team_id, '');
  const names = [alice, bob, carol].map((u) => u.user.username).sort().join(', ');
  assert.equal(ev.data.channel_display_name, names);
  assert.deepEqual(JSON.parse(ev.data.mentions), [bob.user.id]);
  assert.equal((await carol.client.getMyChannelMember(gm.id)).mention_count, 1);
  assert.equal((await alice.client.getMyChannelMember(gm.id)).mention_count, 0);
});

// A channel's first page of posts is cached by the server, as rows (store/cached_posts.h) and as
// the JSON sent (app/post_page_cache.h): through the official Client4, a reader reads the page,
// another user changes the channel's posts in every way a page shows (new post, edit, reaction,
// reply, pin, file, priority, deletion, custom emoji creation and deletion, channel header) and
// the reader's next page and channel reads show each change at once; under collapsed threads
// each reader gets their own is_following from the one kept page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, unique } from './lib/harness.mjs';
import { png } from './lib/images.mjs';

let server;
let admin;
let alice;
let bob;
let channel;

before(async () => {
  server = await startServer({ env: { MM_SERVICESETTINGS_ENABLECUSTOMEMOJI: 'true' } });
  admin = await newUser(server);
  alice = await newUser(server);
  bob = await newUser(server);
  const team = await admin.client.createTeam({ name: unique('team'), display_name: 'Cache', type: 'O' });
  for (const u of [alice, bob]) await admin.client.addToTeam(team.id, u.user.id);
  channel = await alice.client.createChannel({ team_id: team.id, name: unique('ch'), display_name: 'Cache', type: 'O' });
  await alice.client.addToChannel(bob.user.id, channel.id);
});

after(async () => {
  await server.stop();
});

// bob's first page, read twice: the second read comes from the cache when nothing changed.
async function page(opts = {}) {
  const first = await bob.client.getPosts(channel.id, 0, 60, true, opts.collapsed ?? false, opts.collapsed ?? false);
  const again = await bob.client.getPosts(channel.id, 0, 60, true, opts.collapsed ?? false, opts.collapsed ?? false);
  assert.deepEqual(again, first, 'an unchanged page reads the same');
  return first;
}

test('every change to a channel\'s posts shows in the next page read', async () => {
  const root = await alice.client.createPost({ channel_id: channel.id, message: 'root' });
  let p = await page();
  assert.deepEqual(p.order, [root.id]);

  // A new post and a reply: both listed, the root's reply count moves.
  const other = await alice.client.createPost({ channel_id: channel.id, message: 'other' });
  p = await page();
  assert.deepEqual(p.order, [other.id, root.id]);
  const reply = await alice.client.createPost({ channel_id: channel.id, root_id: root.id, message: 'reply' });
  p = await page();
  assert.deepEqual(p.order, [reply.id, other.id, root.id]);
  assert.equal(p.posts[root.id].reply_count, 1);
  // Collapsed threads: roots only, with the reply count.
  const collapsed = await page({ collapsed: true });
  assert.deepEqual(collapsed.order, [other.id, root.id]);
  assert.equal(collapsed.posts[root.id].reply_count, 1);

  // An edit.
  await alice.client.patchPost({ id: other.id, message: 'other, edited' });
  p = await page();
  assert.equal(p.posts[other.id].message, 'other, edited');
  assert.ok(p.posts[other.id].edit_at > 0);

  // Reactions, added and removed.
  await bob.client.addReaction(bob.user.id, root.id, 'smile');
  p = await page();
  assert.equal(p.posts[root.id].has_reactions, true);
  assert.deepEqual(p.posts[root.id].metadata.reactions.map((r) => r.emoji_name), ['smile']);
  await bob.client.removeReaction(bob.user.id, root.id, 'smile');
  p = await page();
  assert.equal(p.posts[root.id].has_reactions, undefined);
  assert.equal(p.posts[root.id].metadata.reactions, undefined);

  // Pin and unpin.
  await alice.client.pinPost(other.id);
  p = await page();
  assert.equal(p.posts[other.id].is_pinned, true);
  await alice.client.unpinPost(other.id);
  p = await page();
  assert.equal(p.posts[other.id].is_pinned, false);

  // A post with a file and an urgent post.
  const fd = new FormData();
  fd.append('channel_id', channel.id);
  fd.append('files', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
  const info = (await alice.client.uploadFile(fd)).file_infos[0];
  const withFile = await alice.client.createPost({ channel_id: channel.id, message: 'file', file_ids: [info.id] });
  p = await page();
  assert.deepEqual(p.posts[withFile.id].metadata.files.map((f) => f.id), [info.id]);
  const urgent = await alice.client.createPost({
    channel_id: channel.id, message: 'urgent', metadata: { priority: { priority: 'urgent' } },
  });
  p = await page();
  assert.equal(p.posts[urgent.id].metadata.priority.priority, 'urgent');

  // A custom emoji reaction, then the emoji is deleted: the reaction goes with it.
  const name = unique('e').toLowerCase().slice(0, 30);
  const emoji = await alice.client.createCustomEmoji({ creator_id: alice.user.id, name }, new Blob([png(4, 4)], { type: 'image/png' }));
  await bob.client.addReaction(bob.user.id, withFile.id, name);
  p = await page();
  assert.equal(p.posts[withFile.id].has_reactions, true);
  await alice.client.deleteCustomEmoji(emoji.id);
  p = await page();
  assert.equal(p.posts[withFile.id].has_reactions, undefined);

  // Deleting the reply, then the root.
  await alice.client.deletePost(reply.id);
  p = await page();
  assert.ok(!p.order.includes(reply.id));
  assert.equal(p.posts[root.id].reply_count, 0);
  await alice.client.deletePost(root.id);
  p = await page();
  assert.deepEqual(p.order, [urgent.id, withFile.id, other.id]);
  assert.equal(p.prev_post_id, '');

  // The channel row is cached too: a header change and a new post's counters show at once.
  await alice.client.patchChannel(channel.id, { header: 'new header' });
  assert.equal((await bob.client.getChannel(channel.id)).header, 'new header');
  const before = await bob.client.getChannel(channel.id);
  const last = await alice.client.createPost({ channel_id: channel.id, message: 'last' });
  const afterPost = await bob.client.getChannel(channel.id);
  assert.equal(afterPost.last_post_at, last.create_at);
  assert.equal(afterPost.total_msg_count, before.total_msg_count + 1);
  assert.deepEqual((await page()).order[0], last.id);
});

test('the page of a channel a reader left or cannot read is refused, cached or not', async () => {
  const priv = await alice.client.createChannel({ team_id: channel.team_id, name: unique('ch'), display_name: 'Private', type: 'P' });
  await alice.client.addToChannel(bob.user.id, priv.id);
  await alice.client.createPost({ channel_id: priv.id, message: 'secret' });
  assert.equal((await bob.client.getPosts(priv.id)).order.length, 1);
  await alice.client.removeFromChannel(bob.user.id, priv.id);
  await assert.rejects(bob.client.getPosts(priv.id), (e) => e.status_code === 403);
});

test('a kept page follows custom emoji created later and gives each reader their is_following', async () => {
  // metadata.emojis lists the custom emoji a message names once the emoji exists.
  const name = unique('late').toLowerCase().slice(0, 30);
  const named = await alice.client.createPost({ channel_id: channel.id, message: `soon :${name}:` });
  let p = await page();
  assert.equal(p.posts[named.id].metadata.emojis, undefined);
  const emoji = await alice.client.createCustomEmoji({ creator_id: alice.user.id, name }, new Blob([png(4, 4)], { type: 'image/png' }));
  p = await page();
  assert.deepEqual(p.posts[named.id].metadata.emojis.map((e) => e.id), [emoji.id]);

  // Collapsed threads: alice (the root's author) and bob (who replied) follow the thread, carol
  // has no membership; then bob stops following. Each read of the one page shows its reader's.
  const carol = await newUser(server);
  await admin.client.addToTeam(channel.team_id, carol.user.id);
  await alice.client.addToChannel(carol.user.id, channel.id);
  const root = await alice.client.createPost({ channel_id: channel.id, message: 'a thread' });
  await bob.client.createPost({ channel_id: channel.id, root_id: root.id, message: 'bob replies' });
  const following = async (u) => (await u.client.getPosts(channel.id, 0, 60, false, true, false)).posts[root.id].is_following;
  assert.equal(await following(carol), undefined);
  assert.equal(await following(bob), true);
  assert.equal(await following(alice), true);
  await bob.client.updateThreadFollowForUser(bob.user.id, channel.team_id, root.id, false);
  assert.equal(await following(bob), false);
  assert.equal(await following(alice), true);
  assert.equal(await following(carol), undefined);
  const collapsed = await page({ collapsed: true });
  assert.equal(collapsed.posts[root.id].is_following, false);
  assert.equal(collapsed.posts[root.id].reply_count, 1);
});

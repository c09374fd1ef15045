// Unread and mention counts as the clients compute them (channel.total_msg_count minus
// member.msg_count; member.mention_count), team unreads, viewing a channel, marking a channel
// unread from a post (post_unread), and urgent mentions (post priority).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, socket, raw, assertAppError, rejects } from './lib/harness.mjs';
import { teamWith, slug } from './lib/teams.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('posts raise unread and mention counts; viewing clears them and emits multiple_channels_viewed', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(alice, bob);
  const town = await bob.client.getChannelByName(team.id, 'town-square');
  const before = await bob.client.getChannelMember(town.id, 'me');
  const unreadBefore = town.total_msg_count - before.msg_count;

  await alice.client.createPost({ channel_id: town.id, message: 'plain message' });
  await alice.client.createPost({ channel_id: town.id, message: `hey @${bob.user.username}, look` });

  const channel = await bob.client.getChannel(town.id);
  const member = await bob.client.getChannelMember(town.id, 'me');
  assert.equal(channel.total_msg_count, town.total_msg_count + 2);
  assert.equal(channel.total_msg_count - member.msg_count, unreadBefore + 2);
  assert.equal(member.mention_count, 1);
  const unread = await bob.client.getMyTeamUnreads(false);
  const forTeam = unread.find((u) => u.team_id === team.id);
  assert.ok(forTeam.msg_count >= 1);
  assert.equal(forTeam.mention_count, 1);

  // The poster has read her own posts.
  const aliceMember = await alice.client.getChannelMember(town.id, 'me');
  assert.equal(aliceMember.mention_count, 0);
  assert.equal((await alice.client.getChannel(town.id)).total_msg_count, aliceMember.msg_count);

  const ws = await socket(server, bob.client);
  const res = await bob.client.viewMyChannel(town.id);
  assert.equal(res.status, 'OK');
  assert.ok(res.last_viewed_at_times[town.id] > 0);
  const viewed = await ws.waitFor('multiple_channels_viewed', (m) => town.id in m.data.channel_times);
  assert.equal(viewed.broadcast.user_id, bob.user.id);
  ws.close();

  const after = await bob.client.getChannelMember(town.id, 'me');
  assert.equal(after.mention_count, 0);
  assert.equal((await bob.client.getChannel(town.id)).total_msg_count, after.msg_count);
  const unreadAfter = (await bob.client.getMyTeamUnreads(false)).find((u) => u.team_id === team.id);
  assert.equal(unreadAfter.mention_count, 0);
});

test('a direct message mentions the other member', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const dm = await alice.client.createDirectChannel([alice.user.id, bob.user.id]);
  const ws = await socket(server, bob.client);
  await alice.client.createPost({ channel_id: dm.id, message: 'no at-mention here' });
  const posted = await ws.waitFor('posted', (m) => m.broadcast.channel_id === dm.id);
  assert.deepEqual(JSON.parse(posted.data.mentions), [bob.user.id]);
  assert.equal(posted.data.channel_type, 'D');
  ws.close();
  const member = await bob.client.getChannelMember(dm.id, 'me');
  assert.equal(member.mention_count, 1);
});

test('markPostAsUnread recounts from the post, answers ChannelUnreadAt and sends post_unread', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(alice, bob);
  const channel = await alice.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Unread', type: 'O' });
  await bob.client.addToChannel(bob.user.id, channel.id);
  await alice.client.createPost({ channel_id: channel.id, message: 'already read' });
  const from = await alice.client.createPost({ channel_id: channel.id, message: `look @${bob.user.username}` });
  await alice.client.createPost({ channel_id: channel.id, message: 'reply', root_id: from.id });
  await alice.client.createPost({ channel_id: channel.id, message: 'later' });
  await bob.client.viewMyChannel(channel.id);
  const ws = await socket(server, bob.client);
  const other = await socket(server, alice.client);

  const unread = await bob.client.markPostAsUnread(bob.user.id, from.id);
  const total = await bob.client.getChannel(channel.id);
  assert.equal(unread.channel_id, channel.id);
  assert.equal(unread.team_id, team.id);
  assert.equal(unread.user_id, bob.user.id);
  assert.equal(unread.last_viewed_at, from.create_at - 1);
  assert.equal(total.total_msg_count - unread.msg_count, 3);
  assert.equal(total.total_msg_count_root - unread.msg_count_root, 2);
  assert.equal(unread.mention_count, 1);
  assert.equal(unread.mention_count_root, 1);
  assert.equal(unread.urgent_mention_count, 0);

  const ev = await ws.waitFor('post_unread', (m) => m.data.post_id === from.id);
  assert.equal(ev.broadcast.user_id, bob.user.id);
  assert.equal(ev.broadcast.channel_id, channel.id);
  assert.equal(ev.broadcast.team_id, team.id);
  for (const key of ['msg_count', 'msg_count_root', 'mention_count', 'mention_count_root', 'urgent_mention_count', 'last_viewed_at'])
    assert.equal(ev.data[key], unread[key], key);
  assert.ok(await other.none('post_unread'));

  // The member, the channel unread and the team unreads all agree.
  const member = await bob.client.getChannelMember(channel.id, 'me');
  assert.equal(member.msg_count, unread.msg_count);
  assert.equal(member.mention_count, 1);
  assert.equal(member.last_viewed_at, from.create_at - 1);
  const { body: channelUnread } = await raw(server, 'GET', `/api/v4/users/${bob.user.id}/channels/${channel.id}/unread`,
    { token: bob.client.getToken() });
  assert.equal(channelUnread.mention_count, 1);
  // GET .../unread counts unread messages; ChannelUnreadAt carries the member's read count.
  assert.equal(channelUnread.msg_count, total.total_msg_count - unread.msg_count);
  const teamUnread = (await bob.client.getMyTeamUnreads(false)).find((u) => u.team_id === team.id);
  assert.ok(teamUnread.msg_count >= 3);
  assert.equal(teamUnread.mention_count, 1);

  // Viewing the channel reads it all again.
  await bob.client.viewMyChannel(channel.id);
  const read = await bob.client.getChannelMember(channel.id, 'me');
  assert.equal(read.mention_count, 0);
  assert.equal(read.msg_count, total.total_msg_count);
  ws.close();
  other.close();
});

test('markPostAsUnread: someone else, unknown and unreadable posts are refused', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(alice, bob);
  const town = await alice.client.getChannelByName(team.id, 'town-square');
  const post = await alice.client.createPost({ channel_id: town.id, message: 'x' });
  await rejects(assert, alice.client.markPostAsUnread(bob.user.id, post.id), 403, 'api.context.permissions.app_error');
  const token = bob.client.getToken();
  assertAppError(assert, await raw(server, 'POST', `/api/v4/users/${bob.user.id}/posts/nope/set_unread`, { token, body: '{}' }), 400,
    'api.context.invalid_url_param.app_error');
  const ghost = 'k9m3xq8zj7fy5r1tbn4wcd6hpa';
  const missing = await raw(server, 'POST', `/api/v4/users/${bob.user.id}/posts/${ghost}/set_unread`, { token, body: '{}' });
  assert.equal(missing.status, 404);
  const secret = await alice.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Secret', type: 'P' });
  const hidden = await alice.client.createPost({ channel_id: secret.id, message: 'hidden' });
  await rejects(assert, bob.client.markPostAsUnread(bob.user.id, hidden.id), 403, 'api.context.permissions.app_error');
});

test('urgent posts count urgent mentions for channels, marking unread and followed threads', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(alice, bob);
  const channel = await alice.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Urgent', type: 'O' });
  await bob.client.addToChannel(bob.user.id, channel.id);
  const config = await bob.client.getClientConfig();
  assert.equal(config.PostPriority, 'true');
  const root = await alice.client.createPost({
    channel_id: channel.id,
    message: `urgent for @${bob.user.username}`,
    metadata: { priority: { priority: 'urgent' } },
  });
  assert.equal(root.metadata.priority.priority, 'urgent');
  await alice.client.createPost({ channel_id: channel.id, message: `plain for @${bob.user.username}` });
  let member = await bob.client.getChannelMember(channel.id, 'me');
  assert.equal(member.mention_count, 2);
  assert.equal(member.urgent_mention_count, 1);

  await bob.client.viewMyChannel(channel.id);
  const unread = await bob.client.markPostAsUnread(bob.user.id, root.id);
  assert.equal(unread.mention_count, 2);
  assert.equal(unread.urgent_mention_count, 1);
  member = await bob.client.getChannelMember(channel.id, 'me');
  assert.equal(member.urgent_mention_count, 1);

  // Bob follows the urgent thread by replying; a mention in a later reply is an urgent one.
  await bob.client.createPost({ channel_id: channel.id, message: 'on it', root_id: root.id });
  await alice.client.createPost({ channel_id: channel.id, message: `@${bob.user.username} status?`, root_id: root.id });
  const threads = await bob.client.getUserThreads('me', team.id, {});
  assert.equal(threads.total_unread_mentions, 1);
  assert.equal(threads.total_unread_urgent_mentions, 1);
  const thread = threads.threads.find((t) => t.id === root.id);
  assert.equal(thread.is_urgent, true);
  assert.equal(thread.unread_mentions, 1);
  const teamUnread = (await bob.client.getMyTeamUnreads(true)).find((u) => u.team_id === team.id);
  assert.equal(teamUnread.thread_mention_count, 1);
  assert.equal(teamUnread.thread_urgent_mention_count, 1);
});

test('deleting a post keeps the counters; an edit that adds a mention does not count it', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(alice, bob);
  const channel = await alice.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Edits', type: 'O' });
  await bob.client.addToChannel(bob.user.id, channel.id);
  const doomed = await alice.client.createPost({ channel_id: channel.id, message: `bye @${bob.user.username}` });
  const plain = await alice.client.createPost({ channel_id: channel.id, message: 'plain' });
  const before = await bob.client.getChannel(channel.id);
  await alice.client.deletePost(doomed.id);
  await alice.client.patchPost({ id: plain.id, message: `now @${bob.user.username}` });
  const after = await bob.client.getChannel(channel.id);
  assert.equal(after.total_msg_count, before.total_msg_count);
  const member = await bob.client.getChannelMember(channel.id, 'me');
  assert.equal(member.mention_count, 1);
});

test('CollapsedThreads default_off: marking a reply unread follows each user\'s preference', async () => {
  const quick = await startServer({ env: { MM_SERVICESETTINGS_COLLAPSEDTHREADS: 'default_off' } });
  try {
    const alice = await newUser(quick); // collapsed threads on by preference
    const bob = await newUser(quick); // the default: off
    const carol = await newUser(quick);
    const team = await teamWith(alice, bob, carol);
    const channel = await alice.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Unread', type: 'O' });
    for (const u of [bob, carol]) await u.client.addToChannel(u.user.id, channel.id);
    await alice.client.savePreferences(alice.user.id, [{
      user_id: alice.user.id, category: 'display_settings', name: 'collapsed_reply_threads', value: 'on',
    }]);
    const root = await carol.client.createPost({ channel_id: channel.id, message: 'root' });
    const reply = await carol.client.createPost({ channel_id: channel.id, root_id: root.id, message: 'reply' });
    await carol.client.createPost({ channel_id: channel.id, message: 'next root' });
    const total = await alice.client.getChannel(channel.id);

    // Alice: the reply and the root after it are unread, roots counted as collapsed threads do.
    const a = await alice.client.markPostAsUnread(alice.user.id, reply.id);
    assert.equal(total.total_msg_count - a.msg_count, 2);
    assert.equal(total.total_msg_count_root - a.msg_count_root, 1);
    // Bob has no collapsed threads: root counts stay read and the thread becomes unread instead.
    const b = await bob.client.markPostAsUnread(bob.user.id, reply.id);
    assert.equal(total.total_msg_count - b.msg_count, 2);
    assert.equal(total.total_msg_count_root - b.msg_count_root, 0);
    const thread = await bob.client.getUserThread(bob.user.id, team.id, root.id);
    assert.equal(thread.unread_replies, 1);
  } finally {
    await quick.stop();
  }
});

test('who a post mentions follows profile, notify-prop and membership changes made right before it', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const carol = await newUser(server);
  const team = await teamWith(alice, bob, carol);
  const channel = await alice.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Who', type: 'O' });
  await bob.client.addToChannel(bob.user.id, channel.id);
  const mentions = async (u) => (await u.client.getChannelMember(channel.id, 'me')).mention_count;
  const post = (message) => alice.client.createPost({ channel_id: channel.id, message });

  const oldName = bob.user.username;
  await post(`hi @${oldName}`); // the channel's members are now cached
  assert.equal(await mentions(bob), 1);

  // A new username: the old one no longer mentions bob, the new one does.
  const newName = `${oldName}x`;
  await bob.client.patchMe({ username: newName });
  await post(`hi @${oldName}`);
  assert.equal(await mentions(bob), 1);
  await post(`hi @${newName}`);
  assert.equal(await mentions(bob), 2);

  // Mention keys and the first name, from the user's notify props.
  const me = await bob.client.getMe();
  await bob.client.patchMe({ first_name: 'Zebedee', notify_props: { ...me.notify_props, mention_keys: 'deployment', first_name: 'true' } });
  await post('the deployment is done');
  assert.equal(await mentions(bob), 3);
  await post('thanks Zebedee');
  assert.equal(await mentions(bob), 4);

  // The channel's notify props: ignoring channel-wide mentions, then not.
  await bob.client.updateChannelNotifyProps({ channel_id: channel.id, user_id: bob.user.id, ignore_channel_mentions: 'on' });
  await post('@channel ignored');
  assert.equal(await mentions(bob), 4);
  await bob.client.updateChannelNotifyProps({ channel_id: channel.id, user_id: bob.user.id, ignore_channel_mentions: 'off' });
  await post('@channel heard');
  assert.equal(await mentions(bob), 5);

  // Muting the channel from the sidebar (mark_unread: mention) also ignores channel-wide mentions.
  await bob.client.updateChannelNotifyProps({ channel_id: channel.id, user_id: bob.user.id, ignore_channel_mentions: 'default' });
  const quiet = await bob.client.createChannelCategory(bob.user.id, team.id, {
    user_id: bob.user.id, team_id: team.id, display_name: 'Quiet', channel_ids: [channel.id],
  });
  await bob.client.updateChannelCategory(bob.user.id, team.id, { ...quiet, muted: true });
  await post('@all muted');
  assert.equal(await mentions(bob), 5);

  // Joining right before a post: carol is mentioned; after leaving she is not a member to mention.
  await carol.client.addToChannel(carol.user.id, channel.id);
  await post(`welcome @${carol.user.username}`);
  assert.equal(await mentions(carol), 1);
  const ws = await socket(server, alice.client);
  await carol.client.removeFromChannel(carol.user.id, channel.id);
  const gone = await post(`bye @${carol.user.username}`);
  const posted = await ws.waitFor('posted', (m) => JSON.parse(m.data.post).id === gone.id);
  assert.ok(!(posted.data.mentions ?? '[]').includes(carol.user.id));
  ws.close();
});

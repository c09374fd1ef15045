// Unread and mention counts as the clients compute them (channel.total_msg_count minus
// member.msg_count; member.mention_count), team unreads, and viewing a channel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, socket } from './lib/harness.mjs';
import { teamWith } from './lib/teams.mjs';

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

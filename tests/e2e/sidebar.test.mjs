// Sidebar categories through the official Client4 and WebSocketClient: defaults filled from
// memberships, custom categories, updates, favorites, muting, ordering, deletion, events and
// permission errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket, unique } from './lib/harness.mjs';

let server;
let admin;
let team;
before(async () => {
  server = await startServer();
  admin = await newUser(server);
  const name = unique('team');
  team = await admin.client.createTeam({ name, display_name: name, type: 'O' });
});
after(async () => {
  await server.stop();
});

// A user on the team with a public channel, a private channel and a DM with the admin.
async function member() {
  const m = await newUser(server);
  await admin.client.addToTeam(team.id, m.user.id);
  const open = await admin.client.createChannel({ team_id: team.id, name: unique('open'), display_name: 'Open', type: 'O' });
  const priv = await admin.client.createChannel({ team_id: team.id, name: unique('priv'), display_name: 'Private', type: 'P' });
  await admin.client.addToChannel(m.user.id, open.id);
  await admin.client.addToChannel(m.user.id, priv.id);
  const dm = await m.client.createDirectChannel([m.user.id, admin.user.id]);
  const mine = await m.client.getMyChannels(team.id);
  const teamChannels = mine.filter((c) => c.type === 'O' || c.type === 'P').map((c) => c.id);
  return { ...m, open, priv, dm, teamChannels };
}

const byType = (cats, type) => cats.categories.find((c) => c.type === type);

test('first read creates favorites, channels and direct messages from memberships', async () => {
  const m = await member();
  const cats = await m.client.getChannelCategories(m.user.id, team.id);
  const ids = ['favorites', 'channels', 'direct_messages'].map((t) => `${t}_${m.user.id}_${team.id}`);
  assert.deepEqual(cats.order, ids);
  assert.deepEqual(cats.categories.map((c) => c.id), ids);
  const [fav, chans, dms] = cats.categories;
  assert.deepEqual([fav.type, fav.display_name, fav.sorting, fav.sort_order], ['favorites', 'Favorites', '', 0]);
  assert.deepEqual([chans.type, chans.display_name, chans.sort_order], ['channels', 'Channels', 10]);
  assert.deepEqual([dms.type, dms.display_name, dms.sorting, dms.sort_order], ['direct_messages', 'Direct Messages', 'recent', 20]);
  for (const c of cats.categories) {
    assert.equal(c.user_id, m.user.id);
    assert.equal(c.team_id, team.id);
    assert.equal(c.muted, false);
    assert.equal(c.collapsed, false);
  }
  assert.deepEqual(fav.channel_ids, []);
  assert.deepEqual([...chans.channel_ids].sort(), [...m.teamChannels].sort());
  assert.ok(chans.channel_ids.includes(m.open.id) && chans.channel_ids.includes(m.priv.id));
  assert.deepEqual(dms.channel_ids, [m.dm.id]);
  assert.deepEqual(await m.client.getChannelCategories('me', team.id), cats);
  assert.deepEqual(await m.client.getChannelCategoryOrder(m.user.id, team.id), ids);
  assert.deepEqual(await m.client.getChannelCategory(m.user.id, team.id, ids[2]), dms);
});

test('custom categories: created after Favorites with their channels, then deleted', async () => {
  const m = await member();
  const before = await m.client.getChannelCategories(m.user.id, team.id);
  const ws = await socket(server, m.client);
  try {
    const created = await m.client.createChannelCategory(m.user.id, team.id, {
      user_id: m.user.id,
      team_id: team.id,
      display_name: 'Work',
      channel_ids: [m.open.id, 'notachannel', m.dm.id],
    });
    assert.equal(created.type, 'custom');
    assert.equal(created.display_name, 'Work');
    assert.equal(created.sort_order, 10);
    assert.match(created.id, /^[a-z0-9]{26}$/);
    assert.deepEqual(created.channel_ids, [m.open.id, m.dm.id]);
    const ev = await ws.waitFor('sidebar_category_created');
    assert.deepEqual(ev.data, { category_id: created.id });
    assert.equal(ev.broadcast.user_id, m.user.id);
    assert.equal(ev.broadcast.team_id, team.id);

    const after = await m.client.getChannelCategories(m.user.id, team.id);
    assert.deepEqual(after.order, [before.order[0], created.id, ...before.order.slice(1)]);
    assert.ok(!byType(after, 'channels').channel_ids.includes(m.open.id));
    assert.deepEqual(byType(after, 'direct_messages').channel_ids, []);
    assert.deepEqual(await m.client.getChannelCategory(m.user.id, team.id, created.id), {
      ...created,
      sort_order: 10,
    });

    assert.deepEqual(await m.client.deleteChannelCategory(m.user.id, team.id, created.id), { status: 'OK' });
    assert.deepEqual((await ws.waitFor('sidebar_category_deleted')).data, { category_id: created.id });
    const restored = await m.client.getChannelCategories(m.user.id, team.id);
    assert.deepEqual(restored.order, before.order);
    assert.ok(byType(restored, 'channels').channel_ids.includes(m.open.id));
    assert.deepEqual(byType(restored, 'direct_messages').channel_ids, [m.dm.id]);
    for (const id of before.order) {
      await rejects(assert, m.client.deleteChannelCategory(m.user.id, team.id, id), 400,
        'app.channel.sidebar_categories.app_error');
    }
  } finally {
    ws.close();
  }
});

test('updating categories moves channels, mirrors favorites and sends updatedCategories', async () => {
  const m = await member();
  const cats = await m.client.getChannelCategories(m.user.id, team.id);
  const fav = byType(cats, 'favorites');
  const chans = byType(cats, 'channels');
  const ws = await socket(server, m.client);
  try {
    const updated = await m.client.updateChannelCategories(m.user.id, team.id, [
      { ...fav, channel_ids: [m.open.id] },
      { ...chans, display_name: 'Ignored', sorting: 'alpha', channel_ids: chans.channel_ids.filter((id) => id !== m.open.id) },
    ]);
    assert.deepEqual(updated[0].channel_ids, [m.open.id]);
    assert.equal(updated[1].display_name, 'Channels');
    assert.equal(updated[1].sorting, 'alpha');
    assert.ok(!updated[1].channel_ids.includes(m.open.id));
    const ev = await ws.waitFor('sidebar_category_updated', (e) => e.data.updatedCategories);
    assert.equal(typeof ev.data.updatedCategories, 'string');
    assert.deepEqual(JSON.parse(ev.data.updatedCategories), updated);
    assert.equal(ev.broadcast.team_id, team.id);
    const prefs = await m.client.getMyPreferences();
    assert.ok(prefs.some((p) => p.category === 'favorite_channel' && p.name === m.open.id && p.value === 'true'));

    // One category through its own route; channels it cannot hold are dropped.
    const single = await m.client.updateChannelCategory(m.user.id, team.id, {
      ...updated[0],
      channel_ids: [m.priv.id, 'notachannel', m.open.id],
    });
    assert.deepEqual(single.channel_ids, [m.priv.id, m.open.id]);
  } finally {
    ws.close();
  }
});

test('favorite_channel preferences move channels into Favorites', async () => {
  const m = await member();
  await m.client.getChannelCategories(m.user.id, team.id);
  await m.client.savePreferences(m.user.id, [{ user_id: m.user.id, category: 'favorite_channel', name: m.priv.id, value: 'true' }]);
  let cats = await m.client.getChannelCategories(m.user.id, team.id);
  assert.deepEqual(byType(cats, 'favorites').channel_ids, [m.priv.id]);
  assert.ok(!byType(cats, 'channels').channel_ids.includes(m.priv.id));
  await m.client.savePreferences(m.user.id, [{ user_id: m.user.id, category: 'favorite_channel', name: m.priv.id, value: 'false' }]);
  cats = await m.client.getChannelCategories(m.user.id, team.id);
  assert.deepEqual(byType(cats, 'favorites').channel_ids, []);
  assert.ok(byType(cats, 'channels').channel_ids.includes(m.priv.id));
});

test('muting a category mutes its channels', async () => {
  const m = await member();
  const custom = await m.client.createChannelCategory(m.user.id, team.id, {
    user_id: m.user.id, team_id: team.id, display_name: 'Quiet', channel_ids: [m.open.id],
  });
  const ws = await socket(server, m.client);
  try {
    const muted = await m.client.updateChannelCategory(m.user.id, team.id, { ...custom, muted: true });
    assert.equal(muted.muted, true);
    const ev = await ws.waitFor('channel_member_updated');
    assert.equal(JSON.parse(ev.data.channelMember).channel_id, m.open.id);
    const memberOpen = await m.client.getChannelMember(m.open.id, m.user.id);
    assert.equal(memberOpen.notify_props.mark_unread, 'mention');
    const dms = byType(await m.client.getChannelCategories(m.user.id, team.id), 'direct_messages');
    const dmUpdate = await m.client.updateChannelCategory(m.user.id, team.id, { ...dms, muted: true });
    assert.equal(dmUpdate.muted, false);
  } finally {
    ws.close();
  }
});

test('category order: get, update, event and errors', async () => {
  const m = await member();
  const { order } = await m.client.getChannelCategories(m.user.id, team.id);
  const ws = await socket(server, m.client);
  try {
    const reversed = [...order].reverse();
    assert.deepEqual(await m.client.updateChannelCategoryOrder(m.user.id, team.id, reversed), reversed);
    assert.deepEqual((await ws.waitFor('sidebar_category_order_updated')).data.order, reversed);
    assert.deepEqual(await m.client.getChannelCategoryOrder(m.user.id, team.id), reversed);
    assert.deepEqual((await m.client.getChannelCategories(m.user.id, team.id)).order, reversed);
    await rejects(assert, m.client.updateChannelCategoryOrder(m.user.id, team.id, [order[0], order[1]]), 500,
      'app.channel.sidebar_categories.app_error');
    await rejects(assert, m.client.updateChannelCategoryOrder(m.user.id, team.id, [order[0], order[1], 'x']), 400,
      'api.context.invalid_param.app_error');
  } finally {
    ws.close();
  }
});

test("another user's categories are 403; so are teams the user is not on", async () => {
  const m = await member();
  const other = await member();
  const outsider = await newUser(server);
  const { order, categories } = await m.client.getChannelCategories(m.user.id, team.id);
  const c = other.client;
  await rejects(assert, c.getChannelCategories(m.user.id, team.id), 403);
  await rejects(assert, c.getChannelCategoryOrder(m.user.id, team.id), 403);
  await rejects(assert, c.getChannelCategory(m.user.id, team.id, order[0]), 403);
  await rejects(assert, c.createChannelCategory(m.user.id, team.id, { user_id: m.user.id, team_id: team.id, display_name: 'x' }), 403);
  await rejects(assert, c.updateChannelCategories(m.user.id, team.id, categories), 403);
  await rejects(assert, c.updateChannelCategoryOrder(m.user.id, team.id, order), 403);
  await rejects(assert, c.deleteChannelCategory(m.user.id, team.id, order[0]), 403);
  // Someone else's category id through one's own route.
  await rejects(assert, c.getChannelCategory(other.user.id, team.id, order[0]), 403);
  await rejects(assert, c.updateChannelCategories(other.user.id, team.id, [categories[0]]), 400,
    'api.context.invalid_param.app_error');
  await rejects(assert, outsider.client.getChannelCategories(outsider.user.id, team.id), 403);
  // An admin may read them.
  assert.deepEqual((await admin.client.getChannelCategories(m.user.id, team.id)).order, order);
});

test('bad input gives the right AppError', async () => {
  const m = await member();
  const token = m.client.getToken();
  const base = `/api/v4/users/${m.user.id}/teams/${team.id}/channels/categories`;
  await m.client.getChannelCategories(m.user.id, team.id);
  assertAppError(assert, await raw(server, 'GET', `${base}/not_a_category`, { token }), 400,
    'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'POST', base, { token, body: 'null' }), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', base, { token, body: '{"display_name":"no ids"}' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'PUT', base, { token, body: '{"id":"x"}' }), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'PUT', `${base}/order`, { token, body: 'null' }), 400);
  assertAppError(assert, await raw(server, 'PUT', `${base}/favorites_${m.user.id}_${team.id}`, { token, body: '{}' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/${m.user.id}/teams/nope/channels/categories`, { token }), 400,
    'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', base), 401, 'api.context.session_expired.app_error');
});

test('channels the user leaves drop out of every category', async () => {
  const m = await member();
  const custom = await m.client.createChannelCategory(m.user.id, team.id, {
    user_id: m.user.id, team_id: team.id, display_name: 'Soon empty', channel_ids: [m.open.id],
  });
  await m.client.removeFromChannel(m.user.id, m.open.id);
  await m.client.removeFromChannel(m.user.id, m.priv.id);
  const cats = await m.client.getChannelCategories(m.user.id, team.id);
  assert.deepEqual(cats.categories.find((c) => c.id === custom.id).channel_ids, []);
  assert.ok(!byType(cats, 'channels').channel_ids.includes(m.priv.id));
  // Rejoining puts the channel back in Channels, not in its old category.
  await admin.client.addToChannel(m.user.id, m.open.id);
  const back = await m.client.getChannelCategories(m.user.id, team.id);
  assert.deepEqual(back.categories.find((c) => c.id === custom.id).channel_ids, []);
  assert.ok(byType(back, 'channels').channel_ids.includes(m.open.id));
});

test('leaving a team drops its custom categories; rejoining starts from the defaults', async () => {
  const m = await member();
  const custom = await m.client.createChannelCategory(m.user.id, team.id, {
    user_id: m.user.id, team_id: team.id, display_name: 'Temporary',
  });
  await m.client.removeFromTeam(team.id, m.user.id);
  await rejects(assert, m.client.getChannelCategories(m.user.id, team.id), 403);
  await admin.client.addToTeam(team.id, m.user.id);
  const cats = await m.client.getChannelCategories(m.user.id, team.id);
  assert.deepEqual(cats.categories.map((c) => c.type), ['favorites', 'channels', 'direct_messages']);
  assert.ok(!cats.order.includes(custom.id));
});

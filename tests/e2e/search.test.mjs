// Post search through the official client (Client4.searchPostsWithParams / searchPosts): every
// element of Mattermost's search syntax (words, OR, "phrases", -exclusions, prefix*, #hashtags,
// from:, in: with ~channel, @user and @a,b forms, before:/after:/on: with time zones), the
// PostList + matches answer, paging, permissions (private channels, leaving, cross-team search,
// archived channels, deleted posts) and bad input. System messages: tests/unit/store. File
// search by name, flags and the extracted text of uploads (txt, pdf, docx).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, until } from './lib/harness.mjs';
import { makeDocx, makePdf } from './lib/documents.mjs';
import { teamWith, slug } from './lib/teams.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await newUser(server); // the first user is the system admin
});
after(async () => {
  await server.stop();
});

// A unique word of letters only, so the full-text tokenizers keep it whole.
function word() {
  let w = 'q';
  for (let i = 0; i < 11; i += 1) w += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return w;
}

async function setup() {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const team = await teamWith(admin, alice, bob);
  const town = await alice.client.getChannelByName(team.id, 'town-square');
  return { alice, bob, team, town };
}

const search = (c, teamId, terms, extra = {}) => c.searchPostsWithParams(teamId, { terms, is_or_search: false, ...extra });

test('a prefix ending in y finds the words it begins (the stemmers would make it i)', async () => {
  const { alice, team, town } = await setup();
  const lively = `qa${word().slice(1, 3)}ky${word().slice(6)}`;
  const post = await alice.client.createPost({ channel_id: town.id, message: `so ${lively} today` });
  const r = await search(alice.client, team.id, `${lively.slice(0, 6)}*`);
  assert.deepEqual(r.order, [post.id]);
});

test('words must all match, OR search, phrases, exclusions, prefixes; PostList with matches', async () => {
  const { alice, bob, team, town } = await setup();
  const [red, blue, green] = [word(), word(), word()];
  const a = await bob.client.createPost({ channel_id: town.id, message: `${red} and ${blue}` });
  const b = await bob.client.createPost({ channel_id: town.id, message: `${red} then ${green}` });
  const c = await bob.client.createPost({ channel_id: town.id, message: `only ${blue}, Big Dog here` });

  let r = await search(alice.client, team.id, `${red} ${blue}`);
  assert.deepEqual(r.order, [a.id]);
  assert.equal(r.posts[a.id].message, a.message);
  assert.equal(r.next_post_id, '');
  assert.equal(r.prev_post_id, '');
  assert.equal(r.first_inaccessible_post_time, 0);
  assert.deepEqual(r.matches, { [a.id]: [red, blue] });

  r = await alice.client.searchPosts(team.id, `${red} ${blue}`, true);
  assert.deepEqual(r.order, [c.id, b.id, a.id], 'OR search, newest first');

  r = await search(alice.client, team.id, `${red} -${green}`);
  assert.deepEqual(r.order, [a.id]);
  r = await search(alice.client, team.id, `${blue} -"big dog"`);
  assert.deepEqual(r.order, [a.id]);

  r = await search(alice.client, team.id, `"big dog" ${blue}`);
  assert.deepEqual(r.order, [c.id]);
  assert.deepEqual(r.matches[c.id], ['Big Dog', blue]);
  r = await search(alice.client, team.id, `"dog big" ${blue}`);
  assert.deepEqual(r.order, []);
  assert.equal(r.matches, null);

  r = await search(alice.client, team.id, `${green.slice(0, 6)}*`);
  assert.deepEqual(r.order, [b.id]);
  assert.deepEqual(r.matches[b.id], [green]);
  r = await search(alice.client, team.id, green.slice(0, 6));
  assert.deepEqual(r.order, [], 'without * a word must match whole');

  const res = await raw(server, 'POST', `/api/v4/teams/${team.id}/posts/search`, {
    token: alice.client.getToken(), body: JSON.stringify({ terms: red }),
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.equal(res.headers.get('cache-control'), 'no-cache, no-store, must-revalidate');
  assert.deepEqual(res.body.order, [b.id, a.id]);
});

test('from:, -from:, in:, ~channel, -in:, DMs and GMs by @ names', async () => {
  const { alice, bob, team, town } = await setup();
  const carol = await newUser(server);
  await admin.client.addToTeam(team.id, carol.user.id);
  const dev = await alice.client.createChannel({ team_id: team.id, name: slug('dev'), display_name: 'Dev', type: 'O' });
  await alice.client.addToChannel(bob.user.id, dev.id);
  const dm = await alice.client.createDirectChannel([alice.user.id, bob.user.id]);
  const gm = await alice.client.createGroupChannel([alice.user.id, bob.user.id, carol.user.id]);
  const w = word();
  const inTown = await bob.client.createPost({ channel_id: town.id, message: `${w} town` });
  const inDev = await alice.client.createPost({ channel_id: dev.id, message: `${w} dev` });
  const inDm = await bob.client.createPost({ channel_id: dm.id, message: `${w} dm` });
  const inGm = await carol.client.createPost({ channel_id: gm.id, message: `${w} gm` });

  let r = await search(alice.client, team.id, w);
  assert.deepEqual(r.order, [inGm.id, inDm.id, inDev.id, inTown.id], 'team channels plus DMs and GMs');

  r = await search(alice.client, team.id, `${w} from:${bob.user.username}`);
  assert.deepEqual(r.order, [inDm.id, inTown.id]);
  r = await search(alice.client, team.id, `${w} from:@${bob.user.username} from:${carol.user.username}`);
  assert.deepEqual(r.order, [inGm.id, inDm.id, inTown.id]);
  r = await search(alice.client, team.id, `${w} -from:${bob.user.username}`);
  assert.deepEqual(r.order, [inGm.id, inDev.id]);
  r = await search(alice.client, team.id, `${w} from:nosuchuser`);
  assert.deepEqual(r.order, [], 'an unknown user matches nothing');

  r = await search(alice.client, team.id, `${w} in:${dev.name}`);
  assert.deepEqual(r.order, [inDev.id]);
  r = await search(alice.client, team.id, `${w} channel:~${dev.name}`);
  assert.deepEqual(r.order, [inDev.id]);
  r = await search(alice.client, team.id, `${w} in:${dev.name} in:town-square`);
  assert.deepEqual(r.order, [inDev.id, inTown.id]);
  r = await search(alice.client, team.id, `${w} -in:${dev.name} -in:town-square`);
  assert.deepEqual(r.order, [inGm.id, inDm.id]);
  r = await search(alice.client, team.id, `${w} in:@${bob.user.username}`);
  assert.deepEqual(r.order, [inDm.id]);
  r = await search(alice.client, team.id, `${w} in:@${bob.user.username},${carol.user.username}`);
  assert.deepEqual(r.order, [inGm.id], 'the GM, the searcher implied');
  r = await search(alice.client, team.id, `${w} in:nosuchchannel`);
  assert.deepEqual(r.order, []);

  // Flags alone search every post passing them.
  r = await search(alice.client, team.id, `from:${carol.user.username} in:@${bob.user.username},${carol.user.username}`);
  assert.deepEqual(r.order, [inGm.id]);
});

test('#hashtags are stored on create and edit and matched exactly', async () => {
  const { alice, bob, team, town } = await setup();
  const tag = word();
  const p1 = await bob.client.createPost({ channel_id: town.id, message: `shipping #${tag} now` });
  assert.equal(p1.hashtags, `#${tag}`);
  const p2 = await bob.client.createPost({ channel_id: town.id, message: `#${tag}s is another tag` });
  const p3 = await bob.client.createPost({ channel_id: town.id, message: 'no tag yet' });

  let r = await search(alice.client, team.id, `#${tag}`);
  assert.deepEqual(r.order, [p1.id]);
  assert.deepEqual(r.matches[p1.id], [`#${tag}`]);

  const edited = await bob.client.patchPost({ id: p3.id, message: `now #${tag.toUpperCase()} and #other${tag}` });
  assert.equal(edited.hashtags, `#${tag.toUpperCase()} #other${tag}`);
  r = await search(alice.client, team.id, `#${tag}`);
  assert.deepEqual(r.order, [p3.id, p1.id], 'case-insensitive, edits re-indexed');
  r = await search(alice.client, team.id, `#${tag} -#other${tag}`);
  assert.deepEqual(r.order, [p1.id]);
  r = await alice.client.searchPosts(team.id, `#${tag} #${tag}s`, true);
  assert.deepEqual(r.order, [p3.id, p2.id, p1.id]);
});

test('before:, after:, on: and their exclusions follow time_zone_offset', async () => {
  const { alice, team, town } = await setup();
  const w = word();
  const at = (iso) => Date.parse(iso);
  const d10 = await admin.client.createPost({ channel_id: town.id, message: `${w} ten`, create_at: at('2024-03-10T12:00:00Z') });
  const d11 = await admin.client.createPost({ channel_id: town.id, message: `${w} eleven`, create_at: at('2024-03-11T12:00:00Z') });
  const d12 = await admin.client.createPost({ channel_id: town.id, message: `${w} late twelve`, create_at: at('2024-03-12T23:30:00Z') });
  assert.equal(d12.create_at, at('2024-03-12T23:30:00Z'));

  const q = async (terms, tz = 0) => (await search(alice.client, team.id, terms, { time_zone_offset: tz })).order;
  assert.deepEqual(await q(`${w} on:2024-03-11`), [d11.id]);
  assert.deepEqual(await q(`${w} after:2024-03-10`), [d12.id, d11.id]);
  assert.deepEqual(await q(`${w} before:2024-03-11`), [d10.id]);
  assert.deepEqual(await q(`${w} after:2024-03-09 before:2024-03-12`), [d11.id, d10.id]);
  assert.deepEqual(await q(`${w} -on:2024-03-11`), [d12.id, d10.id]);
  assert.deepEqual(await q(`${w} -after:2024-03-10`), [d10.id]);
  assert.deepEqual(await q(`${w} -before:2024-03-12`), [d12.id]);
  assert.deepEqual(await q(`${w} on:2024-3-10`), [d10.id], 'one-digit month');
  assert.deepEqual(await q(`${w} on:2024-03-40`), [], 'not a date: nothing');
  // 23:30 UTC on the 12th is the 13th at UTC+2 and still the 12th at UTC-5.
  assert.deepEqual(await q(`${w} on:2024-03-13`, 7200), [d12.id]);
  assert.deepEqual(await q(`${w} on:2024-03-13`), []);
  assert.deepEqual(await q(`${w} on:2024-03-12`, -5 * 3600), [d12.id]);
  // Dates only: every post of the day.
  const onlyDate = await q('on:2024-03-11');
  assert.ok(onlyDate.includes(d11.id) && !onlyDate.includes(d10.id));
});

test('paging with page and per_page, newest first', async () => {
  const { alice, bob, team, town } = await setup();
  const w = word();
  const ids = [];
  for (let i = 0; i < 5; i += 1) ids.unshift((await bob.client.createPost({ channel_id: town.id, message: `${w} ${i}` })).id);
  const page = async (p) => (await search(alice.client, team.id, w, { page: p, per_page: 2 })).order;
  assert.deepEqual(await page(0), ids.slice(0, 2));
  assert.deepEqual(await page(1), ids.slice(2, 4));
  assert.deepEqual(await page(2), ids.slice(4));
  assert.deepEqual(await page(3), []);
  assert.deepEqual((await search(alice.client, team.id, w)).order, ids, 'default per_page holds them all');
});

test('a non-member never sees private channel posts: not directly, not via in:, not across teams, not after leaving', async () => {
  const { alice, bob, team, town } = await setup();
  const carol = await newUser(server);
  await admin.client.addToTeam(team.id, carol.user.id);
  const priv = await alice.client.createChannel({ team_id: team.id, name: slug('priv'), display_name: 'Private', type: 'P' });
  await alice.client.addToChannel(bob.user.id, priv.id);
  const w = word();
  const secret = await alice.client.createPost({ channel_id: priv.id, message: `${w} secret` });
  const open = await alice.client.createPost({ channel_id: town.id, message: `${w} open` });

  assert.deepEqual((await search(bob.client, team.id, w)).order, [open.id, secret.id]);
  for (const terms of [w, `${w} in:${priv.name}`, `in:${priv.name}`, `${w} secret`]) {
    const r = await search(carol.client, team.id, terms);
    assert.ok(!r.order.includes(secret.id) && !(secret.id in r.posts), `carol found the secret with "${terms}"`);
  }
  assert.deepEqual((await search(carol.client, '', w)).order, [open.id], 'cross-team search');
  // The system admin is not a member either: search only covers one's own channels.
  assert.ok(!(await search(admin.client, team.id, w)).order.includes(secret.id));

  await bob.client.removeFromChannel(bob.user.id, priv.id);
  assert.deepEqual((await search(bob.client, team.id, w)).order, [open.id], 'after leaving');
  assert.deepEqual((await search(bob.client, '', `${w} in:${priv.name}`)).order, []);
});

test('cross-team search covers every team of the user, team search only one', async () => {
  const { alice, bob, team, town } = await setup();
  const other = await teamWith(admin, alice);
  const otherTown = await alice.client.getChannelByName(other.id, 'town-square');
  const w = word();
  const p1 = await bob.client.createPost({ channel_id: town.id, message: w });
  const p2 = await alice.client.createPost({ channel_id: otherTown.id, message: w });
  assert.deepEqual((await search(alice.client, team.id, w)).order, [p1.id]);
  assert.deepEqual((await search(alice.client, other.id, w)).order, [p2.id]);
  assert.deepEqual((await search(alice.client, '', w)).order, [p2.id, p1.id]);
  assert.deepEqual((await search(alice.client, '', `${w} in:town-square`)).order, [p2.id, p1.id]);
  assert.deepEqual((await search(bob.client, '', w)).order, [p1.id]);
});

test('deleted and edited posts, archived channels', async () => {
  const { alice, bob, team, town } = await setup();
  const w = word();
  const gone = await bob.client.createPost({ channel_id: town.id, message: `${w} gone` });
  const kept = await bob.client.createPost({ channel_id: town.id, message: `${w} kept` });
  await bob.client.deletePost(gone.id);
  assert.deepEqual((await search(alice.client, team.id, w)).order, [kept.id]);

  const edited = await bob.client.patchPost({ id: kept.id, message: `renamed ${word()}` });
  assert.deepEqual((await search(alice.client, team.id, w)).order, []);
  assert.ok((await search(alice.client, team.id, 'renamed')).order.includes(edited.id));

  const arch = await alice.client.createChannel({ team_id: team.id, name: slug('arch'), display_name: 'Arch', type: 'O' });
  const w2 = word();
  const inArch = await alice.client.createPost({ channel_id: arch.id, message: w2 });
  await alice.client.deleteChannel(arch.id);
  assert.deepEqual((await search(alice.client, team.id, w2)).order, []);
  assert.deepEqual((await search(alice.client, team.id, w2, { include_deleted_channels: true })).order, [inArch.id]);
});

test('bad input and permissions give AppErrors', async () => {
  const { alice, team } = await setup();
  const outsider = await newUser(server);
  const token = alice.client.getToken();
  const path = `/api/v4/teams/${team.id}/posts/search`;

  let res = await raw(server, 'POST', path, { token, body: '{"terms": ' });
  assertAppError(assert, res, 400, 'api.post.search_posts.invalid_body.app_error');
  res = await raw(server, 'POST', '/api/v4/posts/search', { token, body: 'not json' });
  assertAppError(assert, res, 400, 'api.post.search_posts.invalid_body.app_error');
  res = await raw(server, 'POST', path, { token, body: JSON.stringify({ terms: 'x', page: 'one' }) });
  assertAppError(assert, res, 400, 'api.post.search_posts.invalid_body.app_error');
  res = await raw(server, 'POST', path, { token, body: JSON.stringify({ is_or_search: true }) });
  assertAppError(assert, res, 400, 'api.context.invalid_body_param.app_error');
  res = await raw(server, 'POST', path, { token, body: JSON.stringify({ terms: '' }) });
  assertAppError(assert, res, 400, 'api.context.invalid_body_param.app_error');
  res = await raw(server, 'POST', '/api/v4/teams/notanid/posts/search', { token, body: JSON.stringify({ terms: 'x' }) });
  assertAppError(assert, res, 400);
  res = await raw(server, 'POST', path, { body: JSON.stringify({ terms: 'x' }) });
  assertAppError(assert, res, 401);

  await rejects(assert, outsider.client.searchPosts(team.id, 'anything', false), 403, 'api.context.permissions.app_error');
  // Punctuation only: nothing to search, an empty list.
  const r = await search(alice.client, team.id, '!!! ***');
  assert.deepEqual(r.order, []);
  assert.deepEqual(r.posts, {});
});

test('ServiceSettings.EnablePostSearch / EnableFileSearch = false answer 501', async () => {
  const off = await startServer({ env: { MM_SERVICESETTINGS_ENABLEPOSTSEARCH: 'false', MM_SERVICESETTINGS_ENABLEFILESEARCH: 'false' } });
  try {
    const u = await newUser(off);
    await rejects(assert, u.client.searchPosts('', 'anything', false), 501, 'store.sql_post.search.disabled');
    await rejects(assert, u.client.searchFiles('', 'anything', false), 501, 'store.sql_file_info.search.disabled');
  } finally {
    await off.stop();
  }
});

test('user search: every word prefixes a field; e-mail only when allowed; autocomplete never on e-mail', async () => {
  const { alice, bob, team } = await setup();
  const first = word();
  const last = word();
  const nick = word();
  await bob.client.patchMe({ first_name: first, last_name: last, nickname: nick });
  const ids = (list) => list.map((u) => u.id);

  assert.deepEqual(ids(await alice.client.searchUsers(`${first.slice(0, 5)} ${last.slice(0, 4)}`, {})), [bob.user.id]);
  assert.deepEqual(ids(await alice.client.searchUsers(`@${bob.user.username}`, { team_id: team.id })), [bob.user.id]);
  assert.deepEqual(ids(await alice.client.searchUsers(nick.slice(0, 7), {})), [bob.user.id]);
  assert.deepEqual(await alice.client.searchUsers(`${first} ${word()}`, {}), [], 'every word must match');
  // ShowEmailAddress is on by default: e-mail prefixes find users (this one is no username prefix).
  const emailPrefix = (u) => u.email.slice(0, u.username.length + 4);
  assert.deepEqual(ids(await alice.client.searchUsers(emailPrefix(bob.user), {})), [bob.user.id]);
  const auto = await alice.client.autocompleteUsers(emailPrefix(bob.user), team.id, '');
  assert.deepEqual(auto.users, [], 'autocomplete ignores e-mail');
  const byName = await alice.client.autocompleteUsers(first.slice(0, 6), team.id, '');
  assert.deepEqual(ids(byName.users), [bob.user.id]);

  const hidden = await startServer({ env: { MM_PRIVACYSETTINGS_SHOWEMAILADDRESS: 'false', MM_PRIVACYSETTINGS_SHOWFULLNAME: 'false' } });
  try {
    const root = await newUser(hidden);
    const u1 = await newUser(hidden);
    const u2 = await newUser(hidden);
    await u2.client.patchMe({ first_name: first, nickname: nick });
    assert.deepEqual(await u1.client.searchUsers(emailPrefix(u2.user), {}), [], 'e-mail hidden');
    assert.deepEqual(await u1.client.searchUsers(first.slice(0, 6), {}), [], 'full name hidden');
    assert.deepEqual(ids(await u1.client.searchUsers(nick.slice(0, 6), {})), [u2.user.id], 'nickname always');
    // manage_system searches everything.
    assert.deepEqual(ids(await root.client.searchUsers(emailPrefix(u2.user), {})), [u2.user.id]);
    assert.deepEqual(ids(await root.client.searchUsers(first.slice(0, 6), {})), [u2.user.id]);
  } finally {
    await hidden.stop();
  }
});

test('channel autocomplete for search lists the searcher\'s DMs (by username) and GMs', async () => {
  const { alice, bob, team } = await setup();
  const carol = await newUser(server);
  await admin.client.addToTeam(team.id, carol.user.id);
  const dm = await alice.client.createDirectChannel([alice.user.id, bob.user.id]);
  const gm = await alice.client.createGroupChannel([alice.user.id, bob.user.id, carol.user.id]);

  const byBob = await alice.client.autocompleteChannelsForSearch(team.id, bob.user.username.slice(0, 10));
  const dmHit = byBob.find((c) => c.id === dm.id);
  assert.ok(dmHit, 'the DM with bob');
  assert.equal(dmHit.display_name, bob.user.username);
  assert.ok(byBob.some((c) => c.id === gm.id), 'the GM with bob');
  const byCarol = await alice.client.autocompleteChannelsForSearch(team.id, `@${carol.user.username}`);
  assert.deepEqual(byCarol.map((c) => c.id), [gm.id]);
  // Carol has no DM with bob: none of alice's private conversations show up for her.
  const carolSees = await carol.client.autocompleteChannelsForSearch(team.id, bob.user.username.slice(0, 10));
  assert.deepEqual(carolSees.map((c) => c.id), [gm.id]);
});

// Uploads one file into the channel and posts it; returns its FileInfo with the post.
async function postFile(who, channelId, name, extra = {}) {
  const fd = new FormData();
  fd.append('channel_id', channelId);
  fd.append('files', new Blob([`content of ${name}`], { type: 'text/plain' }), name);
  const info = (await who.client.uploadFile(fd)).file_infos[0];
  const post = await who.client.createPost({ channel_id: channelId, message: '', file_ids: [info.id], ...extra });
  return { ...info, post };
}

const searchFiles = (c, teamId, terms, extra = {}) => c.searchFilesWithParams(teamId, { terms, is_or_search: false, ...extra });

test('file search: name words and prefixes, ext:, from:, in:, dates, OR, exclusions; FileInfoList', async () => {
  const { alice, bob, team, town } = await setup();
  const dev = await alice.client.createChannel({ team_id: team.id, name: slug('dev'), display_name: 'Dev', type: 'O' });
  const w = word();
  const report = await postFile(bob, town.id, `${w}-Report_final.PDF`);
  const notes = await postFile(alice, dev.id, `${w} notes.txt`);
  const image = await postFile(alice, town.id, `${w}.report.png`);
  // Uploaded but never posted: not searchable.
  const fd = new FormData();
  fd.append('channel_id', town.id);
  fd.append('files', new Blob(['x'], { type: 'text/plain' }), `${w}-draft.txt`);
  await alice.client.uploadFile(fd);

  let r = await searchFiles(alice.client, team.id, w);
  assert.deepEqual(r.order, [image.id, notes.id, report.id]);
  assert.equal(r.file_infos[report.id].name, report.name);
  assert.equal(r.file_infos[report.id].extension, 'pdf');
  assert.equal(r.next_file_info_id, '');
  assert.equal(r.prev_file_info_id, '');
  assert.equal(r.first_inaccessible_file_time, 0);

  r = await searchFiles(alice.client, team.id, `${w} repo`);
  assert.deepEqual(r.order, [image.id, report.id], 'every word a prefix of a name word');
  r = await searchFiles(alice.client, team.id, `${w} FINAL`);
  assert.deepEqual(r.order, [report.id]);
  r = await searchFiles(alice.client, team.id, `${w} -report`);
  assert.deepEqual(r.order, [notes.id]);
  r = await alice.client.searchFiles(team.id, `notes final`, true);
  assert.ok(r.order.includes(notes.id) && r.order.includes(report.id));
  r = await searchFiles(alice.client, team.id, `${w} ext:pdf`);
  assert.deepEqual(r.order, [report.id]);
  r = await searchFiles(alice.client, team.id, `${w} -ext:pdf -ext:.png`);
  assert.deepEqual(r.order, [notes.id]);
  r = await searchFiles(alice.client, team.id, `${w} from:${bob.user.username}`);
  assert.deepEqual(r.order, [report.id]);
  r = await searchFiles(alice.client, team.id, `${w} in:${dev.name}`);
  assert.deepEqual(r.order, [notes.id]);
  r = await searchFiles(alice.client, team.id, `${w} -in:${dev.name}`);
  assert.deepEqual(r.order, [image.id, report.id]);
  const today = new Date().toISOString().slice(0, 10);
  r = await searchFiles(alice.client, team.id, `${w} before:${today}`);
  assert.deepEqual(r.order, []);
  r = await searchFiles(alice.client, team.id, `${w} on:${today}`, { time_zone_offset: 0 });
  assert.equal(r.order.length, 3);
  r = await searchFiles(alice.client, team.id, `ext:pdf from:${bob.user.username}`);
  assert.deepEqual(r.order, [report.id], 'flags alone');
  r = await searchFiles(alice.client, team.id, w, { page: 1, per_page: 2 });
  assert.deepEqual(r.order, [report.id]);
  r = await searchFiles(alice.client, '', w);
  assert.equal(r.order.length, 3, 'cross-team');
});

test('file search permissions: only the searcher\'s channels; deleted posts\' files gone; bad input', async () => {
  const { alice, bob, team, town } = await setup();
  const carol = await newUser(server);
  await admin.client.addToTeam(team.id, carol.user.id);
  const priv = await alice.client.createChannel({ team_id: team.id, name: slug('priv'), display_name: 'Private', type: 'P' });
  const w = word();
  const secret = await postFile(alice, priv.id, `${w}-secret.txt`);
  const open = await postFile(bob, town.id, `${w}-open.txt`);
  assert.deepEqual((await searchFiles(alice.client, team.id, w)).order, [open.id, secret.id]);
  for (const terms of [w, `${w} in:${priv.name}`, `in:${priv.name}`]) {
    const r = await searchFiles(carol.client, team.id, terms);
    assert.ok(!r.order.includes(secret.id) && !(secret.id in r.file_infos), `carol found the secret file with "${terms}"`);
  }
  assert.deepEqual((await searchFiles(carol.client, '', w)).order, [open.id]);

  await bob.client.deletePost(open.post.id);
  assert.deepEqual((await searchFiles(alice.client, team.id, w)).order, [secret.id]);

  const outsider = await newUser(server);
  await rejects(assert, outsider.client.searchFiles(team.id, w, false), 403, 'api.context.permissions.app_error');
  const token = alice.client.getToken();
  let res = await raw(server, 'POST', `/api/v4/teams/${team.id}/files/search`, { token, body: '{' });
  assertAppError(assert, res, 400, 'api.post.search_files.invalid_body.app_error');
  res = await raw(server, 'POST', '/api/v4/files/search', { token, body: JSON.stringify({ terms: '' }) });
  assertAppError(assert, res, 400, 'api.context.invalid_body_param.app_error');
  res = await raw(server, 'POST', '/api/v4/files/search', { token, body: JSON.stringify({ terms: w }) });
  assert.equal(res.headers.get('cache-control'), 'no-cache, no-store, must-revalidate');
});

// Uploads `bytes` as `name` and posts it; returns its FileInfo with the post.
async function postDocument(who, channelId, name, bytes, type) {
  const fd = new FormData();
  fd.append('channel_id', channelId);
  fd.append('files', new Blob([bytes], { type }), name);
  const info = (await who.client.uploadFile(fd)).file_infos[0];
  const post = await who.client.createPost({ channel_id: channelId, message: '', file_ids: [info.id] });
  return { ...info, post };
}

test('file search: words of uploaded files\' text (txt, pdf, docx); never from channels the searcher cannot read', async () => {
  const { alice, bob, team, town } = await setup();
  const carol = await newUser(server);
  await admin.client.addToTeam(team.id, carol.user.id);
  const priv = await alice.client.createChannel({ team_id: team.id, name: slug('priv'), display_name: 'Private', type: 'P' });
  const [inTxt, inPdf, inDocx, inSecret, shared] = [word(), word(), word(), word(), word()];
  const txt = await postDocument(bob, town.id, 'notes.txt', `meeting notes: ${inTxt} and ${shared}\n`, 'text/plain');
  const pdf = await postDocument(bob, town.id, 'scan.pdf', makePdf([`page one ${inPdf}`, `page two ${shared}`]), 'application/pdf');
  const docx = await postDocument(alice, town.id, 'memo.docx', makeDocx(['Memo', `${inDocx} then ${shared}`]),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const secret = await postDocument(alice, priv.id, 'plans.txt', `${inSecret} ${shared}`, 'text/plain');

  // The text is extracted after the upload answers: wait until each file is found by it.
  for (const [w, f] of [[inTxt, txt], [inPdf, pdf], [inDocx, docx], [inSecret, secret]]) {
    await until(`${f.name} to be found by its text`, async () => (await searchFiles(alice.client, team.id, w)).order.includes(f.id));
  }
  let r = await searchFiles(alice.client, team.id, inPdf);
  assert.deepEqual(r.order, [pdf.id]);
  assert.equal(r.file_infos[pdf.id].name, 'scan.pdf');
  assert.ok(!('content' in r.file_infos[pdf.id]), 'the extracted text is never sent');
  r = await searchFiles(alice.client, team.id, shared);
  assert.deepEqual(r.order, [secret.id, docx.id, pdf.id, txt.id]);
  r = await searchFiles(alice.client, team.id, `${shared} ext:pdf`);
  assert.deepEqual(r.order, [pdf.id]);
  r = await searchFiles(alice.client, team.id, `"two ${shared}"`);
  assert.deepEqual(r.order, [pdf.id], 'phrase within the text');
  r = await searchFiles(alice.client, team.id, `memo ${inDocx}`);
  assert.deepEqual(r.order, [docx.id], 'name and text words together');
  r = await searchFiles(alice.client, team.id, `${shared} -${inTxt} -${inSecret}`);
  assert.deepEqual(r.order, [docx.id, pdf.id]);
  const infos = await alice.client.getFileInfosForPost(txt.post.id);
  assert.ok(!('content' in infos[0]));

  // Bob and carol are not in the private channel: its file's text finds nothing for them.
  for (const who of [bob, carol]) {
    for (const terms of [inSecret, shared, `${inSecret} in:${priv.name}`]) {
      r = await searchFiles(who.client, team.id, terms);
      assert.ok(!r.order.includes(secret.id) && !(secret.id in r.file_infos), `found the private file with "${terms}"`);
    }
    assert.deepEqual((await searchFiles(who.client, '', inSecret)).order, []);
  }
  assert.deepEqual((await searchFiles(carol.client, team.id, shared)).order, [docx.id, pdf.id, txt.id]);
});

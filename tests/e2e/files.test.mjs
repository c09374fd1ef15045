// Files through the official Client4 on the local driver: multipart and simple uploads,
// downloads / thumbnails / previews with safe serving headers (HTML and SVG never inline),
// EXIF orientation, file infos, posts with file_ids (metadata.files, the posted event, edits,
// deletes), public links, and Mattermost's errors for bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, newUser, raw, assertAppError, rejects, socket, unique } from './lib/harness.mjs';
import { jpeg64x32, withOrientation, jpegSize } from './lib/images.mjs';

let server;
let alice;
let bob;
let carol;
let team;
let channel;
let other;
const sockets = [];

before(async () => {
  server = await startServer();
  const admin = await newUser(server);
  alice = await newUser(server);
  bob = await newUser(server);
  carol = await newUser(server);
  team = await admin.client.createTeam({ name: unique('team'), display_name: 'Files', type: 'O' });
  for (const u of [alice, bob, carol]) await admin.client.addToTeam(team.id, u.user.id);
  channel = await alice.client.createChannel({ team_id: team.id, name: unique('ch'), display_name: 'Files', type: 'P' });
  await alice.client.addToChannel(bob.user.id, channel.id);
  other = await carol.client.createChannel({ team_id: team.id, name: unique('ch'), display_name: 'Carol', type: 'P' });
});

after(async () => {
  for (const s of sockets) s.close();
  await server.stop();
});

function form(channelId, files, clientIds) {
  const fd = new FormData();
  if (channelId !== undefined) fd.append('channel_id', channelId);
  for (const id of clientIds ?? []) fd.append('client_ids', id);
  for (const [name, data, type] of files) fd.append('files', new Blob([data], { type: type ?? 'application/octet-stream' }), name);
  return fd;
}

async function upload(who, name, data, channelId = channel.id) {
  const res = await who.client.uploadFile(form(channelId, [[name, data]], ['c1']));
  return res.file_infos[0];
}

// GET /files/{id}/info through Client4's fetch (Client4 has no named method for it).
const fileInfo = (who, id) => who.client.doFetch(`${who.client.getFileRoute(id)}/info`, { method: 'get' });

async function download(who, url) {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${who.client.getToken()}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

test('multipart upload of several files with client ids: 201 and FileInfos', async () => {
  const res = await fetch(`${server.url}/api/v4/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${alice.client.getToken()}` },
    body: form(channel.id, [['notes.txt', 'hello world'], ['photo.jpg', jpeg64x32()]], ['a', 'b']),
  });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('content-type'), 'application/json');
  const body = await res.json();
  assert.deepEqual(body.client_ids, ['a', 'b']);
  assert.equal(body.file_infos.length, 2);
  const [txt, jpg] = body.file_infos;
  assert.match(txt.id, /^[a-z0-9]{26}$/);
  assert.equal(txt.user_id, alice.user.id);
  assert.equal(txt.channel_id, channel.id);
  assert.equal(txt.name, 'notes.txt');
  assert.equal(txt.extension, 'txt');
  assert.equal(txt.size, 11);
  assert.match(txt.mime_type, /^text\/plain/);
  assert.equal(txt.post_id, undefined);
  assert.equal(txt.has_preview_image, undefined);
  assert.equal(txt.mini_preview, null);
  assert.equal(txt.delete_at, 0);
  assert.ok(!('path' in txt) && !('thumbnail_path' in txt));
  assert.equal(jpg.mime_type, 'image/jpeg');
  assert.equal(jpg.width, 64);
  assert.equal(jpg.height, 32);
  assert.equal(jpg.has_preview_image, true);
  assert.ok(Buffer.from(jpg.mini_preview, 'base64').subarray(0, 2).equals(Buffer.from([0xff, 0xd8])));
  // The bytes come back as uploaded; the file is on disk where Mattermost would put it.
  const got = await download(alice, alice.client.getFileUrl(txt.id));
  assert.equal(got.status, 200);
  assert.equal(got.body.toString(), 'hello world');
});

test('simple upload: raw body with channel_id and filename in the query', async () => {
  const res = await raw(server, 'POST', `/api/v4/files?channel_id=${channel.id}&filename=raw.bin&client_id=x1`, {
    token: alice.client.getToken(),
    body: Buffer.from([1, 2, 3, 4]),
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  assert.equal(res.status, 201);
  assert.deepEqual(res.body.client_ids, ['x1']);
  assert.equal(res.body.file_infos[0].name, 'raw.bin');
  assert.equal(res.body.file_infos[0].size, 4);
  const info = await fileInfo(alice, res.body.file_infos[0].id);
  assert.equal(info.id, res.body.file_infos[0].id);
  assert.equal(info.size, 4);
});

test('EXIF orientation 6: dimensions and thumbnail are upright; preview and thumbnail are JPEGs', async () => {
  const info = await upload(alice, 'rotated.jpg', withOrientation(jpeg64x32(), 6));
  assert.equal(info.width, 32);
  assert.equal(info.height, 64);
  const thumb = await download(alice, alice.client.getFileThumbnailUrl(info.id));
  assert.equal(thumb.status, 200);
  assert.equal(thumb.headers.get('content-type'), 'image/jpeg');
  assert.deepEqual(jpegSize(thumb.body), { width: 32, height: 64 });
  const preview = await download(alice, alice.client.getFilePreviewUrl(info.id));
  assert.equal(preview.status, 200);
  assert.deepEqual(jpegSize(preview.body), { width: 32, height: 64 });
  // Thumbnails stay within Mattermost's box for small images.
  const plain = await upload(alice, 'plain.jpg', jpeg64x32());
  const t2 = await download(alice, alice.client.getFileThumbnailUrl(plain.id));
  const size = jpegSize(t2.body);
  assert.deepEqual(size, { width: 64, height: 32 });
  assert.ok(size.width <= 120 && size.height <= 100);
});

test('download headers: inline images, attachment on ?download=1, nosniff, no framing, ranges', async () => {
  const info = await upload(alice, 'pic.jpg', jpeg64x32());
  const got = await download(alice, alice.client.getFileUrl(info.id));
  assert.equal(got.headers.get('content-type'), 'image/jpeg');
  assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(got.headers.get('x-frame-options'), 'DENY');
  assert.equal(got.headers.get('content-security-policy'), "Frame-ancestors 'none'");
  assert.match(got.headers.get('content-disposition'), /^inline;filename="pic\.jpg"/);
  assert.ok(got.body.equals(jpeg64x32()));
  const forced = await download(alice, `${alice.client.getFileUrl(info.id)}?download=1`);
  assert.match(forced.headers.get('content-disposition'), /^attachment;filename="pic\.jpg"/);
  // Single byte ranges (video players and resumed downloads use them).
  const auth = { Authorization: `Bearer ${alice.client.getToken()}` };
  const size = jpeg64x32().length;
  const head = await fetch(alice.client.getFileUrl(info.id), { headers: { ...auth, Range: 'bytes=0-3' } });
  assert.equal(head.status, 206);
  assert.equal(head.headers.get('content-range'), `bytes 0-3/${size}`);
  assert.ok(Buffer.from(await head.arrayBuffer()).equals(jpeg64x32().subarray(0, 4)));
  const tail = await fetch(alice.client.getFileUrl(info.id), { headers: { ...auth, Range: 'bytes=-2' } });
  assert.equal(tail.status, 206);
  assert.ok(Buffer.from(await tail.arrayBuffer()).equals(jpeg64x32().subarray(size - 2)));
  const past = await fetch(alice.client.getFileUrl(info.id), { headers: { ...auth, Range: `bytes=${size}-` } });
  assert.equal(past.status, 416);
  assert.equal(past.headers.get('content-range'), `bytes */${size}`);
  await past.arrayBuffer();
});

test('HTML, SVG and JavaScript are never served inline', async () => {
  const html = await upload(alice, 'page.html', '<html><script>alert(1)</script></html>');
  const svg = await upload(alice, 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
  const js = await upload(alice, 'app.js', 'alert(1)');
  assert.equal(svg.mime_type, 'image/svg+xml');
  assert.equal(svg.width, 10);
  assert.equal(svg.height, 10);
  assert.equal(svg.has_preview_image, undefined);
  for (const info of [html, svg, js]) {
    const got = await download(alice, alice.client.getFileUrl(info.id));
    assert.equal(got.status, 200);
    assert.match(got.headers.get('content-disposition'), /^attachment;/, info.name);
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.doesNotMatch(got.headers.get('content-type'), /html|javascript/);
  }
  const h = await download(alice, alice.client.getFileUrl(html.id));
  assert.equal(h.headers.get('content-type'), 'text/plain');
  const s = await download(alice, alice.client.getFileUrl(svg.id));
  assert.equal(s.headers.get('content-type'), 'image/svg+xml');
  // No thumbnail or preview for non-raster files.
  const thumb = await raw(server, 'GET', `/api/v4/files/${svg.id}/thumbnail`, { token: alice.client.getToken() });
  assertAppError(assert, thumb, 400, 'api.file.get_file_thumbnail.no_thumbnail.app_error');
  const prev = await raw(server, 'GET', `/api/v4/files/${html.id}/preview`, { token: alice.client.getToken() });
  assertAppError(assert, prev, 400, 'api.file.get_file_preview.no_preview.app_error');
});

test('posts with file_ids: attached, metadata.files everywhere, posted event, files/info', async () => {
  const bobSocket = await socket(server, bob.client);
  sockets.push(bobSocket);
  const a = await upload(alice, 'a.txt', 'A');
  const b = await upload(alice, 'b.jpg', jpeg64x32());
  const bobs = await upload(bob, 'bob.txt', 'B');
  const post = await alice.client.createPost({ channel_id: channel.id, message: 'with files', file_ids: [a.id, b.id, bobs.id] });
  assert.deepEqual(post.file_ids, [a.id, b.id]);
  assert.deepEqual(post.metadata.files.map((f) => f.id), [a.id, b.id]);
  assert.equal(post.metadata.files[0].post_id, post.id);
  const ev = await bobSocket.waitFor('posted', (m) => JSON.parse(m.data.post).id === post.id);
  assert.deepEqual(JSON.parse(ev.data.post).metadata.files.map((f) => f.id), [a.id, b.id]);
  assert.equal(ev.data.otherFile, 'true');
  assert.equal(ev.data.image, 'true');
  const fetched = await bob.client.getPost(post.id);
  assert.equal(fetched.metadata.files.length, 2);
  const page = await bob.client.getPosts(channel.id);
  assert.equal(page.posts[post.id].metadata.files.length, 2);
  const infos = await bob.client.getFileInfosForPost(post.id);
  assert.deepEqual(infos.map((f) => f.id), [a.id, b.id]);
  // Bob, a member, reads Alice's attached file; Carol, not a member, cannot.
  assert.equal((await download(bob, bob.client.getFileUrl(a.id))).body.toString(), 'A');
  const denied = await raw(server, 'GET', `/api/v4/files/${a.id}`, { token: carol.client.getToken() });
  assertAppError(assert, denied, 403, 'api.context.permissions.app_error');
  await rejects(assert, carol.client.getFileInfosForPost(post.id), 403);
  const withDeleted = await raw(server, 'GET', `/api/v4/posts/${post.id}/files/info?include_deleted=true`, { token: bob.client.getToken() });
  assertAppError(assert, withDeleted, 403, 'api.context.permissions.app_error');
  // A file already attached is not attached again.
  const again = await alice.client.createPost({ channel_id: channel.id, message: 'again', file_ids: [a.id] });
  assert.deepEqual(again.file_ids, []);
});

test('editing file_ids and deleting a post soft delete the removed files', async () => {
  const a = await upload(alice, 'keep.txt', 'K');
  const b = await upload(alice, 'drop.txt', 'D');
  const c = await upload(alice, 'added.txt', 'N');
  const post = await alice.client.createPost({ channel_id: channel.id, message: 'edit me', file_ids: [a.id, b.id] });
  const edited = await alice.client.patchPost({ id: post.id, file_ids: [a.id, c.id] });
  assert.deepEqual(edited.file_ids, [a.id, c.id]);
  assert.deepEqual(edited.metadata.files.map((f) => f.id).sort(), [a.id, c.id].sort());
  await rejects(assert, fileInfo(alice, b.id), 404);
  await alice.client.deletePost(post.id);
  for (const f of [a, c]) await rejects(assert, fileInfo(alice, f.id), 404);
  const gone = await raw(server, 'GET', `/api/v4/files/${a.id}`, { token: alice.client.getToken() });
  assertAppError(assert, gone, 404, 'app.file_info.get.app_error');
});

test('public links are refused while FileSettings.EnablePublicLink is false', async () => {
  const info = await upload(alice, 'p.txt', 'P');
  await alice.client.createPost({ channel_id: channel.id, message: 'p', file_ids: [info.id] });
  await rejects(assert, alice.client.getFilePublicLink(info.id), 403, 'api.file.get_public_link.disabled.app_error');
  const pub = await raw(server, 'GET', `/files/${info.id}/public?h=abc`);
  assertAppError(assert, pub, 403, 'api.file.get_public_link.disabled.app_error');
});

test('bad input: channel, membership, unknown and foreign files, malformed multipart', async () => {
  const token = alice.client.getToken();
  // Missing channel_id (multipart and simple).
  await rejects(assert, alice.client.uploadFile(form(undefined, [['x.txt', 'x']])), 400, 'api.context.invalid_param.app_error');
  const simple = await raw(server, 'POST', '/api/v4/files?filename=x.txt', { token, body: 'x' });
  assertAppError(assert, simple, 400, 'api.context.invalid_url_param.app_error');
  const noName = await raw(server, 'POST', `/api/v4/files?channel_id=${channel.id}`, { token, body: 'x' });
  assertAppError(assert, noName, 400, 'api.context.invalid_url_param.app_error');
  // A channel Alice is not in.
  await rejects(assert, alice.client.uploadFile(form(other.id, [['x.txt', 'x']])), 403, 'api.context.permissions.app_error');
  // Unknown and malformed file ids.
  await rejects(assert, fileInfo(alice, 'a'.repeat(26)), 404, 'app.file_info.get.app_error');
  const badId = await raw(server, 'GET', '/api/v4/files/nope/info', { token });
  assertAppError(assert, badId, 400, 'api.context.invalid_url_param.app_error');
  // Another user's unattached file.
  const bobs = await upload(bob, 'secret.txt', 'S');
  await rejects(assert, fileInfo(alice, bobs.id), 403);
  const thumb = await raw(server, 'GET', `/api/v4/files/${bobs.id}/thumbnail`, { token });
  assertAppError(assert, thumb, 403);
  // Malformed multipart bodies.
  const headers = { 'Content-Type': 'multipart/form-data; boundary=XX' };
  const broken = await raw(server, 'POST', '/api/v4/files', { token, headers, body: '--XX\r\nContent-Disposition: form-data; name="channel_id"\r\n\r\nabc' });
  assertAppError(assert, broken, 400, 'api.file.upload_file.read_request.app_error');
  const noBoundary = await raw(server, 'POST', '/api/v4/files', { token, headers: { 'Content-Type': 'multipart/form-data' }, body: 'x' });
  assertAppError(assert, noBoundary, 400, 'api.file.upload_file.read_request.app_error');
  const empty = await raw(server, 'POST', `/api/v4/files?channel_id=${channel.id}&filename=e.txt`, { token, body: '' });
  assertAppError(assert, empty, 400, 'api.file.upload_file.read_request.app_error');
  // One client id for two files; an unknown form field.
  await rejects(assert, alice.client.uploadFile(form(channel.id, [['1.txt', '1'], ['2.txt', '2']], ['only-one'])), 400, 'api.file.upload_file.incorrect_number_of_client_ids.app_error');
  const extra = form(channel.id, [['1.txt', '1']]);
  extra.append('surprise', 'x');
  await rejects(assert, alice.client.uploadFile(extra), 400, 'api.context.invalid_param.app_error');
  // No session.
  const anon = await raw(server, 'GET', `/api/v4/files/${bobs.id}`);
  assertAppError(assert, anon, 401);
});

test('size limit, public links and disabled attachments follow FileSettings', async () => {
  const limited = await startServer({
    env: {
      MM_FILESETTINGS_MAXFILESIZE: '2000',
      MM_FILESETTINGS_ENABLEPUBLICLINK: 'true',
      MM_SERVICESETTINGS_SITEURL: 'http://chat.example.com',
      MM_SERVICESETTINGS_ENABLEAPICHANNELDELETION: 'true',
    },
  });
  const disabled = await startServer({ env: { MM_FILESETTINGS_ENABLEFILEATTACHMENTS: 'false' } });
  try {
    const u = await newUser(limited);
    const t = await u.client.createTeam({ name: unique('team'), display_name: 'L', type: 'O' });
    const ch = await u.client.createChannel({ team_id: t.id, name: unique('ch'), display_name: 'L', type: 'O' });
    await rejects(assert, u.client.uploadFile(form(ch.id, [['big.bin', Buffer.alloc(2001)]])), 413, 'api.file.upload_file.too_large_detailed.app_error');
    const huge = await raw(limited, 'POST', `/api/v4/files?channel_id=${ch.id}&filename=huge.bin`, { token: u.client.getToken(), body: Buffer.alloc(200000) });
    assertAppError(assert, huge, 413, 'api.file.upload_file.too_large_detailed.app_error');
    const ok = (await u.client.uploadFile(form(ch.id, [['ok.txt', 'public bytes']]))).file_infos[0];
    await rejects(assert, u.client.getFilePublicLink(ok.id), 400, 'api.file.get_public_link.no_post.app_error');
    await u.client.createPost({ channel_id: ch.id, message: 'pub', file_ids: [ok.id] });
    const { link } = await u.client.getFilePublicLink(ok.id);
    const prefix = `http://chat.example.com/files/${ok.id}/public?h=`;
    assert.ok(link.startsWith(prefix), link);
    const hash = link.slice(prefix.length);
    const pub = await raw(limited, 'GET', `/files/${ok.id}/public?h=${hash}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.text, 'public bytes');
    const wrong = await raw(limited, 'GET', `/files/${ok.id}/public?h=${hash.slice(1)}x`);
    assertAppError(assert, wrong, 400, 'api.file.get_file.public_invalid.app_error');
    // Deleting the channel permanently removes its files from the store.
    const stored = () => readdirSync(path.join(limited.dir, 'files'), { recursive: true }).filter((f) => f.endsWith('ok.txt'));
    assert.equal(stored().length, 1);
    const del = await raw(limited, 'DELETE', `/api/v4/channels/${ch.id}?permanent=true`, { token: u.client.getToken() });
    assert.equal(del.status, 200, del.text);
    assert.deepEqual(stored(), []);
    const after = await raw(limited, 'GET', `/files/${ok.id}/public?h=${hash}`);
    assertAppError(assert, after, 404, 'app.file_info.get.app_error');

    const d = await newUser(disabled);
    const dt = await d.client.createTeam({ name: unique('team'), display_name: 'D', type: 'O' });
    const dch = await d.client.createChannel({ team_id: dt.id, name: unique('ch'), display_name: 'D', type: 'O' });
    await rejects(assert, d.client.uploadFile(form(dch.id, [['x.txt', 'x']])), 403, 'api.file.attachments.disabled.app_error');
  } finally {
    await limited.stop();
    await disabled.stop();
  }
});

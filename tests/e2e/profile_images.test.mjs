// Profile images through the official Client4 URLs: the generated default PNG, cache headers,
// ETag / 304, unknown users and sessions; uploading a picture and resetting it to the default.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, unique, rejects, socket } from './lib/harness.mjs';
import { png, imageSize } from './lib/images.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await newUser(server);
});
after(async () => {
  await server.stop();
});

test('profile images: generated PNG, cache headers, ETag and 304', async () => {
  const m = await newUser(server);
  const url = m.client.getProfilePictureUrl(m.user.id, m.user.last_picture_update);
  const res = await fetch(url, { headers: { Authorization: `Bearer ${m.client.getToken()}` } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.equal(res.headers.get('cache-control'), 'max-age=86400, private');
  assert.equal(res.headers.get('etag'), String(m.user.last_picture_update ?? 0));
  const png = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('ascii', 12, 16), 'IHDR');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
  const again = await fetch(url, {
    headers: { Authorization: `Bearer ${m.client.getToken()}`, 'If-None-Match': res.headers.get('etag') },
  });
  assert.equal(again.status, 304);
  // Another initial always gives another image (two users with the same initial may share a
  // colour, so compare with one whose username starts differently).
  const other = await newUser(server, { username: unique('z') });
  const def = await fetch(m.client.getDefaultProfilePictureUrl(other.user.id), {
    headers: { Authorization: `Bearer ${m.client.getToken()}` },
  });
  assert.equal(def.status, 200);
  assert.equal(def.headers.get('content-type'), 'image/png');
  assert.notDeepEqual(Buffer.from(await def.arrayBuffer()), png);
  const token = m.client.getToken();
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/k9m3xq8zj7fy5r1tbn4wcd6hpa/image', { token }), 404,
    'app.user.missing_account.const');
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/k9m3xq8zj7fy5r1tbn4wcd6hpa/image/default', { token }), 404);
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/${m.user.id}/image`), 401);
});

test('profile images: upload (cropped to 128x128), user_updated, reset to the default', async () => {
  const m = await newUser(server);
  const other = await newUser(server);
  const ws = await socket(server, other.client);
  const token = m.client.getToken();
  const get = async (lpu) => {
    const res = await fetch(m.client.getProfilePictureUrl(m.user.id, lpu), { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    return Buffer.from(await res.arrayBuffer());
  };
  const generated = await get(0);
  assert.deepEqual(await m.client.uploadProfileImage(m.user.id, new Blob([png(300, 200)], { type: 'image/png' })), { status: 'OK' });
  const me = await m.client.getMe();
  assert.ok(me.last_picture_update > 0);
  const ev = await ws.waitFor('user_updated', (e) => e.data.user.id === m.user.id && e.data.user.last_picture_update === me.last_picture_update);
  assert.ok(ev);
  const uploaded = await get(me.last_picture_update);
  assert.deepEqual(imageSize(uploaded), { width: 128, height: 128 });
  assert.notDeepEqual(uploaded, generated);

  assert.deepEqual(await m.client.setDefaultProfileImage(m.user.id), { status: 'OK' });
  const reset = await m.client.getMe();
  assert.ok(reset.last_picture_update < 0, 'minus the time of the reset, as Mattermost stores it');
  await ws.waitFor('user_updated', (e) => e.data.user.id === m.user.id && e.data.user.last_picture_update === reset.last_picture_update);
  assert.deepEqual(await get(reset.last_picture_update), generated);

  await rejects(assert, other.client.uploadProfileImage(m.user.id, new Blob([png(8, 8)], { type: 'image/png' })), 403, 'api.context.permissions.app_error');
  await rejects(assert, other.client.setDefaultProfileImage(m.user.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, m.client.uploadProfileImage(m.user.id, new Blob([Buffer.from('not an image')], { type: 'image/png' })), 400,
    'api.user.upload_profile_user.decode.app_error');
  const empty = new FormData();
  empty.append('other', new Blob([png(4, 4)]), 'x.png');
  assertAppError(assert, await raw(server, 'POST', `/api/v4/users/${m.user.id}/image`, { token, body: empty }), 400,
    'api.user.upload_profile_user.no_file.app_error');
  ws.close();
});

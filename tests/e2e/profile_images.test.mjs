// Profile images through the official Client4 URLs: the generated default PNG, cache headers,
// ETag / 304, unknown users and sessions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, unique } from './lib/harness.mjs';

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

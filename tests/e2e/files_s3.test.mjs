// Files on the "amazons3" driver: Parley against s3rver (a local S3 emulator) behind a proxy that
// verifies each request's AWS Signature V4. Uploads, downloads, thumbnails and deletes go through
// the official Client4; the objects are checked in s3rver's folder, under the path prefix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startServer, newUser, raw, unique } from './lib/harness.mjs';
import { startS3, checkSignature, ACCESS_KEY, SECRET_KEY } from './lib/s3.mjs';
import { jpeg64x32, withOrientation, jpegSize } from './lib/images.mjs';

const BUCKET = 'parley-files';
const PREFIX = 'tenant one';

let s3;
let server;
let alice;
let channel;

before(async () => {
  s3 = await startS3();
  server = await startServer({
    env: {
      MM_FILESETTINGS_DRIVERNAME: 'amazons3',
      MM_FILESETTINGS_AMAZONS3BUCKET: BUCKET,
      MM_FILESETTINGS_AMAZONS3ENDPOINT: s3.endpoint,
      MM_FILESETTINGS_AMAZONS3REGION: 'eu-west-3',
      MM_FILESETTINGS_AMAZONS3ACCESSKEYID: ACCESS_KEY,
      MM_FILESETTINGS_AMAZONS3SECRETACCESSKEY: SECRET_KEY,
      MM_FILESETTINGS_AMAZONS3SSL: 'false',
      MM_FILESETTINGS_AMAZONS3PATHPREFIX: PREFIX,
      MM_SERVICESETTINGS_ENABLEAPIPOSTDELETION: 'true',
    },
  });
  alice = await newUser(server);
  const team = await alice.client.createTeam({ name: unique('team'), display_name: 'S3', type: 'O' });
  channel = await alice.client.createChannel({ team_id: team.id, name: unique('ch'), display_name: 'S3', type: 'O' });
});

after(async () => {
  await server?.stop();
  await s3?.stop();
});

// Where s3rver keeps an object's bytes.
const objectFile = (key) => path.join(s3.dir, BUCKET, ...key.split('/')) + '._S3rver_object';
const keyOf = (info, file) =>
  `${PREFIX}/${new Date(info.create_at).toISOString().slice(0, 10).replaceAll('-', '')}/teams/noteam/channels/${channel.id}/users/${alice.user.id}/${info.id}/${file}`;

async function download(url) {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${alice.client.getToken()}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

test('the signature checker itself rejects a tampered request', () => {
  const req = {
    method: 'GET',
    url: '/b/k',
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'0'.repeat(64)}`,
      host: 'h',
      'x-amz-date': '20260101T000000Z',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
  };
  assert.match(checkSignature(req, Buffer.alloc(0)), /signature mismatch/);
  assert.match(checkSignature(req, Buffer.from('x')), /not the SHA-256/);
});

test('uploads, thumbnails and downloads go through signed S3 requests into the bucket', async () => {
  const fd = new FormData();
  fd.append('channel_id', channel.id);
  fd.append('files', new Blob([withOrientation(jpeg64x32(), 6)]), 'rotated photo.jpg');
  fd.append('files', new Blob(['plain text']), 'notes.txt');
  const { file_infos: [photo, notes] } = await alice.client.uploadFile(fd);
  assert.equal(photo.width, 32);
  assert.equal(photo.height, 64);
  // The objects are in s3rver's bucket, under the path prefix, with Mattermost's layout.
  for (const key of [keyOf(photo, 'rotated photo.jpg'), keyOf(photo, 'rotated photo_thumb.jpg'), keyOf(photo, 'rotated photo_preview.jpg'), keyOf(notes, 'notes.txt')]) {
    assert.ok(existsSync(objectFile(key)), `missing object ${key}`);
  }
  const got = await download(alice.client.getFileUrl(notes.id));
  assert.equal(got.status, 200);
  assert.equal(got.body.toString(), 'plain text');
  const original = await download(alice.client.getFileUrl(photo.id));
  assert.ok(original.body.equals(withOrientation(jpeg64x32(), 6)));
  const thumb = await download(alice.client.getFileThumbnailUrl(photo.id));
  assert.deepEqual(jpegSize(thumb.body), { width: 32, height: 64 });
  assert.equal(s3.rejected.length, 0, s3.rejected.join('\n'));
  assert.ok(s3.verified >= 6, `only ${s3.verified} verified requests`);
  assert.ok(s3.requests.some((r) => r.startsWith(`PUT /${BUCKET}/tenant%20one/`)), s3.requests.join('\n'));
});

test('a permanently deleted post removes its objects from the bucket', async () => {
  const fd = new FormData();
  fd.append('channel_id', channel.id);
  fd.append('files', new Blob([jpeg64x32()]), 'gone.jpg');
  const { file_infos: [info] } = await alice.client.uploadFile(fd);
  const post = await alice.client.createPost({ channel_id: channel.id, message: 'bye', file_ids: [info.id] });
  assert.equal(post.metadata.files[0].id, info.id);
  const key = keyOf(info, 'gone.jpg');
  assert.ok(existsSync(objectFile(key)));
  // A soft delete keeps the bytes; a permanent delete (EnableAPIPostDeletion, admin) removes the
  // file's folder: the original, its thumbnail and its preview.
  await alice.client.deletePost(post.id);
  assert.ok(existsSync(objectFile(key)));
  const res = await raw(server, 'DELETE', `/api/v4/posts/${post.id}?permanent=true`, { token: alice.client.getToken() });
  assert.equal(res.status, 200, res.text);
  for (const name of ['gone.jpg', 'gone_thumb.jpg', 'gone_preview.jpg']) assert.ok(!existsSync(objectFile(keyOf(info, name))), name);
  assert.equal(s3.rejected.length, 0, s3.rejected.join('\n'));
});

test('a wrong secret key is refused by the signature check: uploads fail with an AppError', async () => {
  const before = s3.rejected.length;
  const wrong = await startServer({
    env: {
      MM_FILESETTINGS_DRIVERNAME: 'amazons3',
      MM_FILESETTINGS_AMAZONS3BUCKET: BUCKET,
      MM_FILESETTINGS_AMAZONS3ENDPOINT: s3.endpoint,
      MM_FILESETTINGS_AMAZONS3ACCESSKEYID: ACCESS_KEY,
      MM_FILESETTINGS_AMAZONS3SECRETACCESSKEY: 'not the secret',
      MM_FILESETTINGS_AMAZONS3SSL: 'false',
    },
  });
  try {
    const u = await newUser(wrong);
    const t = await u.client.createTeam({ name: unique('team'), display_name: 'W', type: 'O' });
    const ch = await u.client.createChannel({ team_id: t.id, name: unique('ch'), display_name: 'W', type: 'O' });
    const res = await raw(wrong, 'POST', `/api/v4/files?channel_id=${ch.id}&filename=w.txt`, { token: u.client.getToken(), body: 'w' });
    assert.equal(res.status, 500, res.text);
    assert.equal(res.body.id, 'api.file.s3.write_file.app_error');
    assert.ok(s3.rejected.length > before);
    assert.ok(s3.rejected.slice(before).every((r) => r.startsWith('signature mismatch')), s3.rejected.join('\n'));
  } finally {
    await wrong.stop();
  }
});

// An S3 endpoint for tests: s3rver (a local S3 emulator) on a loopback port, behind a proxy
// that verifies every request's AWS Signature V4 (s3rver itself does not check V4 signatures)
// and that x-amz-content-sha256 is the SHA-256 of the body. Rejected requests get 403
// SignatureDoesNotMatch; `verified` / `rejected` count them.
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export const ACCESS_KEY = 'S3RVER';
export const SECRET_KEY = 'S3RVER';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
// RFC 3986 encoding as SigV4 wants it.
const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

// Returns an error string, or '' when the request's signature is valid.
export function checkSignature(req, body) {
  const auth = req.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return `unexpected Authorization header: ${auth}`;
  const [, accessKey, date, region, signedHeaders, signature] = m;
  if (accessKey !== ACCESS_KEY) return 'unknown access key';
  const amzDate = req.headers['x-amz-date'];
  if (!amzDate?.startsWith(date)) return 'x-amz-date missing or not the credential date';
  const payloadHash = req.headers['x-amz-content-sha256'];
  if (payloadHash !== sha256(body)) return 'x-amz-content-sha256 is not the SHA-256 of the body';
  const names = signedHeaders.split(';');
  for (const required of ['host', 'x-amz-content-sha256', 'x-amz-date']) {
    if (!names.includes(required)) return `${required} is not signed`;
  }
  const [rawPath, rawQuery = ''] = req.url.split('?');
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const [k, v = ''] = p.split('=');
      return [encode(decodeURIComponent(k)), encode(decodeURIComponent(v))];
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [req.method, rawPath, query, headers, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${SECRET_KEY}`, date);
  for (const part of [region, 's3', 'aws4_request']) key = hmac(key, part);
  const expected = createHmac('sha256', key).update(toSign).digest('hex');
  return expected === signature ? '' : `signature mismatch; canonical request was:\n${canonical}`;
}

// Starts s3rver and the verifying proxy. Returns {endpoint, dir, requests, verified, rejected, stop}.
export async function startS3() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-s3-'));
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
  const backend = await s3rver.run();
  const state = { dir, requests: [], verified: 0, rejected: [] };
  const proxy = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const problem = checkSignature(req, body);
      state.requests.push(`${req.method} ${req.url}`);
      if (problem) {
        state.rejected.push(problem);
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      state.verified += 1;
      const upstream = http.request(
        { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      upstream.end(body);
    });
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  state.endpoint = `127.0.0.1:${proxy.address().port}`;
  state.stop = async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await s3rver.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return state;
}

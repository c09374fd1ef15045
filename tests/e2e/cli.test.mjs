// Command line: `parley version` and `parley db migrate` (idempotent, safe beside a running
// server, on whichever backend the suite runs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { startServer, newUser, client } from './lib/harness.mjs';

const BIN = process.env.PARLEY_BIN ?? path.resolve(import.meta.dirname, '../../build/parley');

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('version prints the Mattermost version Parley reports', async () => {
  const out = execFileSync(BIN, ['version']).toString();
  const ping = await fetch(`${server.url}/api/v4/system/ping`);
  const reported = ping.headers.get('x-version-id').split('.').slice(0, 3).join('.');
  assert.ok(out.includes(reported), out);
});

test('db migrate applies the schema, is idempotent and keeps the data', async () => {
  const { user, password } = await newUser(server);
  const env = {
    ...process.env,
    MM_LOGSETTINGS_ENABLEFILE: 'false',
    MM_SQLSETTINGS_DATASOURCE: path.join(server.dir, 'parley.db'),
    ...(server.dbEnv ?? {}),
  };
  for (let i = 0; i < 2; i++) {
    const r = spawnSync(BIN, ['--config', path.join(server.dir, 'config.json'), 'db', 'migrate'], { env });
    assert.equal(r.status, 0, r.stderr.toString() + r.stdout.toString());
    const line = r.stdout.toString().split('\n').map((l) => { try { return JSON.parse(l); } catch { return null; } })
      .find((l) => l?.msg === 'Database migrations applied');
    assert.ok(line && line.schema_version >= 1, r.stdout.toString());
  }
  const again = await client(server).login(user.username, password);
  assert.equal(again.id, user.id);
});

test('an unknown command is refused with usage', () => {
  const r = spawnSync(BIN, ['frobnicate']);
  assert.equal(r.status, 2);
  assert.match(r.stdout.toString(), /usage: parley/);
});

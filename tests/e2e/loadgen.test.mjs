// The load generator against the server (bench/loadgen, `parley_loadgen smoke`): 24 simulated
// users log in like the web app, hold WebSockets and run every action of Mattermost's load-test
// user model at least once; any failed request, action never run or missing posted event fails.
// No timing is asserted: this proves the generator and the server agree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startServer } from './lib/harness.mjs';

const BIN = process.env.PARLEY_BIN ?? path.resolve(import.meta.dirname, '../../build/parley');
const LOADGEN = path.join(path.dirname(BIN), 'parley_loadgen');

let server;
before(async () => {
  // Mattermost's default MaxUsersPerTeam (50) would stop the seeding; search and files are on.
  server = await startServer({ env: { MM_TEAMSETTINGS_MAXUSERSPERTEAM: '1000' } });
});
after(async () => {
  await server.stop();
});

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(LOADGEN, args);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

test('smoke: every simulated action succeeds against the server', { timeout: 240_000 }, async () => {
  const { code, out, err } = await run([
    'smoke', '--url', server.url, '--users', '24', '--seconds', '4',
    '--min-idle-ms', '20', '--avg-idle-ms', '150', '--posts', '300', '--reactions', '60',
    '--public-channels', '4', '--private-channels', '2', '--direct-channels', '8', '--posters', '4',
  ]);
  assert.equal(code, 0, `loadgen failed:\n${err}\n${out.slice(0, 2000)}`);
  const report = JSON.parse(out.trim().split('\n').pop());
  assert.equal(report.users, 24);
  assert.deepEqual(report.problems, []);
  assert.ok(report.stats.events.posted > 0, 'posted events reached the simulated users');
  assert.ok(report.stats.requests.count > 24 * 20, 'every user made its bootstrap and action requests');
});

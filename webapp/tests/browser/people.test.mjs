// Two people and their profiles: pictures in posts, the sidebar and autocomplete (initials when a
// picture cannot be loaded), the profile settings (names, picture upload and reset, password), and
// the other person seeing each change through user_updated.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages, png, post, postWith, shot, twoPeople } from './lib.mjs';

const t = twoPeople();

const avatarOf = (scope, author) => postWith(messages(scope), `from ${author}`, author).locator('.avatar').first();
const loaded = (img) => img.evaluate((el) => (el.complete ? el.naturalWidth : new Promise((r) => el.addEventListener('load', () => r(el.naturalWidth), { once: true }))));

test('profile settings: names and a new picture reach the other person; reset and fallback', async () => {
  await post(t.alice.page, 'hello from alice');
  const bobSees = avatarOf(t.bob.page, 'alice');
  await bobSees.locator('img').waitFor();
  assert.doesNotMatch(await bobSees.locator('img').getAttribute('src'), /_=/, 'no picture uploaded yet: no cache key');
  assert.ok((await loaded(bobSees.locator('img'))) > 0, 'the generated picture loads');

  await t.alice.page.getByRole('button', { name: 'Profile settings' }).click();
  const dialog = t.alice.page.getByRole('dialog', { name: 'Profile settings' });
  await dialog.getByLabel('First name').fill('Alice');
  await dialog.getByLabel('Last name').fill('Liddell');
  await dialog.getByLabel('Nickname').fill('ally');
  await dialog.getByLabel('Position').fill('Explorer');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await dialog.getByRole('status').getByText('Profile saved.').waitFor();
  await postWith(messages(t.bob.page), 'from alice', 'alice').getByText('Alice Liddell').waitFor();

  await dialog.getByLabel('New profile picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png(200, 120, [200, 40, 40]) });
  await dialog.getByRole('status').getByText('Picture updated.').waitFor();
  const me = await t.alice.page.evaluate(() => fetch('/api/v4/users/me').then((r) => r.json()));
  assert.ok(me.last_picture_update > 0);
  const img = bobSees.locator(`img[src$="?_=${me.last_picture_update}"]`);
  await img.waitFor();
  assert.ok((await loaded(img)) > 0, 'the uploaded picture loads for the other person');
  const pixel = await img.evaluate((el) => {
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d');
    g.drawImage(el, 64, 64, 1, 1, 0, 0, 1, 1);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  });
  assert.deepEqual(pixel, [200, 40, 40], 'the picture is the uploaded one');
  await shot(t.bob.page, '30-profile-picture');

  // Bob's browser cannot load Alice's next picture: her initials show instead.
  await t.bob.page.route(/\/users\/[a-z0-9]+\/image\?_=-/, (r) => r.abort());
  await dialog.getByRole('button', { name: 'Use the default picture' }).click();
  await dialog.getByRole('status').getByText('Picture reset to the default.').waitFor();
  await bobSees.getByText('AL').waitFor();
  assert.equal(await bobSees.locator('img').count(), 0);
  await t.bob.page.unroute(/\/users\/[a-z0-9]+\/image\?_=-/);
  await shot(t.bob.page, '31-profile-initials');
});

test('password change: a wrong current password is refused, the new one logs in', async () => {
  const dialog = t.alice.page.getByRole('dialog', { name: 'Profile settings' });
  const change = async (current, next) => {
    await dialog.getByLabel('Current password').fill(current);
    await dialog.getByLabel('New password').fill(next);
    await dialog.getByRole('button', { name: 'Change password' }).click();
  };
  await change('wrong-Passw0rd', 'N3w-Passw0rd!');
  await dialog.getByRole('status').getByText(/current password/i).waitFor();
  await change('Passw0rd!x', 'N3w-Passw0rd!');
  await dialog.getByRole('status').getByText('Password changed.').waitFor();
  const status = await t.bob.page.evaluate(() => fetch('/api/v4/users/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'omit',
    body: JSON.stringify({ login_id: 'alice', password: 'N3w-Passw0rd!' }),
  }).then((r) => r.status));
  assert.equal(status, 200);
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('pictures in the sidebar (direct and group messages) and in @ autocomplete', async () => {
  const box = t.bob.page.getByRole('textbox', { name: 'Write a message' });
  await box.fill('@ali');
  const option = t.bob.page.getByRole('option', { name: /@alice/ });
  await option.locator('.avatar img').waitFor();
  assert.ok((await loaded(option.locator('.avatar img'))) > 0);
  await box.fill('');

  await t.bob.page.getByRole('button', { name: 'Write to people' }).click();
  await t.bob.page.getByLabel('Find people').fill('ali');
  await t.bob.page.getByRole('button', { name: 'Add alice' }).click();
  await t.bob.page.getByRole('button', { name: 'Go' }).click();
  const dm = t.bob.page.getByRole('navigation', { name: 'Channels' }).locator('.channel-item', { hasText: 'alice' });
  await dm.locator('.avatar img').waitFor();
  assert.ok((await loaded(dm.locator('.avatar img'))) > 0);

  // A group message with a third person, made through the API: its entry shows a member's picture.
  await t.bob.page.evaluate(async () => {
    const json = { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    const carol = await fetch('/api/v4/users', { method: 'POST', headers: json, body: JSON.stringify({ username: 'carol', email: 'carol@example.com', password: 'Passw0rd!x' }) }).then((r) => r.json());
    const ids = await fetch('/api/v4/users/usernames', { method: 'POST', headers: json, body: JSON.stringify(['alice', 'bob']) }).then((r) => r.json());
    await fetch('/api/v4/channels/group', { method: 'POST', headers: json, body: JSON.stringify([...ids.map((u) => u.id), carol.id]) });
  });
  const gm = t.bob.page.getByRole('navigation', { name: 'Channels' }).locator('.channel-item', { hasText: 'carol' });
  await gm.locator('.avatar img').waitFor();
  assert.ok((await loaded(gm.locator('.avatar img'))) > 0);
  await shot(t.bob.page, '32-sidebar-avatars');
});

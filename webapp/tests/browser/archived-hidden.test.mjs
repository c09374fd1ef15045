// A server without TeamSettings.ExperimentalViewArchivedChannels: archiving a channel takes its
// readers, the archiving person included, back to Town Square.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages, post, postWith, twoPeople } from './lib.mjs';

const t = twoPeople({ env: { MM_TEAMSETTINGS_EXPERIMENTALVIEWARCHIVEDCHANNELS: 'false' } });

test('an archived channel is left for Town Square when the server does not offer reading it', async () => {
  await t.alice.page.getByRole('button', { name: 'Create channel' }).click();
  await t.alice.page.getByLabel('Name').fill('Old Stuff');
  await t.alice.page.getByRole('button', { name: 'Create', exact: true }).click();
  await t.alice.page.getByRole('heading', { name: '# Old Stuff' }).waitFor();
  await t.bob.page.getByRole('button', { name: 'Browse channels' }).click();
  await t.bob.page.getByRole('button', { name: 'Join Old Stuff' }).click();
  await t.bob.page.getByRole('heading', { name: '# Old Stuff' }).waitFor();
  await post(t.alice.page, 'last words here');
  await postWith(messages(t.bob.page), 'last words here').waitFor();

  await t.alice.page.getByRole('button', { name: 'Channel menu' }).click();
  await t.alice.page.getByRole('menuitem', { name: 'Archive channel' }).click();
  await t.alice.page.getByRole('alertdialog', { name: 'Archive channel?' }).getByRole('button', { name: 'Archive' }).click();
  for (const page of [t.alice.page, t.bob.page]) {
    await page.getByRole('heading', { name: '# Town Square' }).waitFor();
    await page.locator('a.channel-item[data-channel-name="old-stuff"]').waitFor({ state: 'detached' });
    assert.equal(await page.getByText('You are viewing an archived channel').count(), 0);
  }
});

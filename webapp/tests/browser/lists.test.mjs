// Two people (and a second browser of one of them) with the lists of the right-hand pane: pinned
// messages, saved messages following the user across browsers, leaving and archiving channels
// (an archived channel stays readable), and the Files tab of search.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { until } from '../../../tests/e2e/lib/harness.mjs';
import { messages, openBrowser, post, postAction, postWith, shot, twoPeople } from './lib.mjs';

const t = twoPeople();

const sidebar = (page) => page.getByRole('navigation', { name: 'Channels' });
const sidebarItem = (page, name) => sidebar(page).locator(`a.channel-item[data-channel-name="${name}"]`);

async function logIn(page, username) {
  await page.goto('/login');
  await page.getByLabel('Email or username').fill(username);
  await page.getByLabel('Password').fill('Passw0rd!x');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: '# Town Square' }).waitFor();
}

test('pinning shows on the post and in the pinned list of both people, live', async () => {
  await post(t.alice.page, 'the plan for friday');
  await post(t.alice.page, 'just chatter');
  const bobPost = postWith(messages(t.bob.page), 'the plan for friday', 'alice');
  await bobPost.waitFor();
  await t.bob.page.getByRole('button', { name: 'Pinned messages' }).click();
  const bobList = t.bob.page.getByRole('complementary', { name: 'Pinned messages' });
  await bobList.getByText('No pinned messages in this channel.').waitFor();

  await postAction(postWith(messages(t.alice.page), 'the plan for friday'), 'Pin to channel');
  await bobPost.getByText('📌 Pinned').waitFor();
  await postWith(bobList, 'the plan for friday').waitFor();
  assert.equal(await bobList.locator('article.post').count(), 1);
  await shot(t.bob.page, '30-pinned-list');

  // Bob pins another; Alice's list, opened now, has both, newest first.
  await postAction(postWith(messages(t.bob.page), 'just chatter'), 'Pin to channel');
  await t.alice.page.getByRole('button', { name: 'Pinned messages' }).click();
  const aliceList = t.alice.page.getByRole('complementary', { name: 'Pinned messages' });
  await postWith(aliceList, 'just chatter').waitFor();
  const listed = await aliceList.locator('article.post .message').allTextContents();
  assert.deepEqual(listed.map((x) => x.trim()), ['just chatter', 'the plan for friday']);

  await postAction(postWith(messages(t.alice.page), 'the plan for friday'), 'Unpin from channel');
  await postWith(bobList, 'the plan for friday').waitFor({ state: 'detached' });
  await bobPost.getByText('📌 Pinned').waitFor({ state: 'detached' });
  assert.equal(await bobList.locator('article.post').count(), 1);

  // The list follows the channel being read.
  await t.bob.page.getByRole('link', { name: 'Off-Topic' }).click();
  await bobList.getByText('No pinned messages in this channel.').waitFor();
  await t.bob.page.getByRole('link', { name: 'Town Square' }).click();
  await postWith(bobList, 'just chatter').waitFor();
  await bobList.getByRole('button', { name: 'Close pinned messages' }).click();
  await t.alice.page.keyboard.press('Escape');
  await aliceList.waitFor({ state: 'detached' });
});

test('saved messages follow the user to a second browser', async () => {
  await post(t.alice.page, 'remember the milk');
  const bobPost = postWith(messages(t.bob.page), 'remember the milk');
  await bobPost.waitFor();
  const second = await openBrowser(t.server);
  try {
    await logIn(second.page, 'bob');
    await second.page.getByRole('button', { name: 'Saved messages' }).click();
    const secondList = second.page.getByRole('complementary', { name: 'Saved messages' });
    await secondList.getByText('No saved messages.').waitFor();

    await postAction(bobPost, 'Save message');
    await bobPost.getByText('🔖 Saved').waitFor();
    await postWith(secondList, 'remember the milk').waitFor();
    await postWith(messages(second.page), 'remember the milk').getByText('🔖 Saved').waitFor();
    await shot(second.page, '31-saved-list');
    // Alice did not save it.
    assert.equal(await postWith(messages(t.alice.page), 'remember the milk').getByText('🔖 Saved').count(), 0);

    // A reload still knows the saved post (flagged_post preferences from the server).
    await t.bob.page.reload();
    await postWith(messages(t.bob.page), 'remember the milk').getByText('🔖 Saved').waitFor();
    await t.bob.page.getByRole('button', { name: 'Saved messages' }).click();
    const bobList = t.bob.page.getByRole('complementary', { name: 'Saved messages' });
    await postWith(bobList, 'remember the milk').waitFor();

    await postAction(postWith(bobList, 'remember the milk'), 'Remove from saved');
    await postWith(secondList, 'remember the milk').waitFor({ state: 'detached' });
    await secondList.getByText('No saved messages.').waitFor();
    await bobList.getByRole('button', { name: 'Close saved messages' }).click();
  } finally {
    await second.close();
  }
});

test('leaving and archiving channels update the other sidebars; an archived channel reads only', async () => {
  assert.equal(await t.alice.page.getByRole('button', { name: 'Channel menu' }).count(), 0, 'Town Square cannot be left');
  for (const name of ['Roadmap', 'Scratch']) {
    await t.alice.page.getByRole('button', { name: 'Create channel' }).click();
    await t.alice.page.getByLabel('Name').fill(name);
    await t.alice.page.getByRole('button', { name: 'Create', exact: true }).click();
    await t.alice.page.getByRole('heading', { name: `# ${name}` }).waitFor();
    await t.bob.page.getByRole('button', { name: 'Browse channels' }).click();
    await t.bob.page.getByRole('button', { name: `Join ${name}` }).click();
    await t.bob.page.getByRole('heading', { name: `# ${name}` }).waitFor();
  }
  await post(t.alice.page, 'scratch notes');
  await postWith(messages(t.bob.page), 'scratch notes').waitFor();

  // Bob leaves Roadmap: he lands in Town Square, and it is gone from his sidebar.
  await sidebarItem(t.bob.page, 'roadmap').click();
  await t.bob.page.getByRole('heading', { name: '# Roadmap' }).waitFor();
  await t.bob.page.getByRole('button', { name: 'Channel menu' }).click();
  await t.bob.page.getByRole('menuitem', { name: 'Leave channel' }).click();
  await t.bob.page.getByRole('alertdialog', { name: 'Leave channel?' }).getByRole('button', { name: 'Leave' }).click();
  await t.bob.page.getByRole('heading', { name: '# Town Square' }).waitFor();
  await sidebarItem(t.bob.page, 'roadmap').waitFor({ state: 'detached' });
  await sidebarItem(t.alice.page, 'roadmap').waitFor();

  // Alice archives Roadmap while Bob is elsewhere: it leaves her sidebar once she moves on.
  await sidebarItem(t.alice.page, 'roadmap').click();
  await t.alice.page.getByRole('button', { name: 'Channel menu' }).click();
  await t.alice.page.getByRole('menuitem', { name: 'Archive channel' }).click();
  await t.alice.page.getByRole('alertdialog', { name: 'Archive channel?' }).getByRole('button', { name: 'Archive' }).click();
  await t.alice.page.getByText('You are viewing an archived channel').waitFor();

  // Bob reads Scratch when Alice archives it from her sidebar view: he keeps reading, without a
  // message box or post actions other than saving.
  await sidebarItem(t.bob.page, 'scratch').click();
  await postWith(messages(t.bob.page), 'scratch notes').waitFor();
  await sidebarItem(t.alice.page, 'scratch').click();
  await t.alice.page.getByRole('heading', { name: '# Scratch' }).waitFor();
  await sidebarItem(t.alice.page, 'roadmap').waitFor({ state: 'detached' });
  await t.alice.page.getByRole('button', { name: 'Channel menu' }).click();
  await t.alice.page.getByRole('menuitem', { name: 'Archive channel' }).click();
  await t.alice.page.getByRole('alertdialog', { name: 'Archive channel?' }).getByRole('button', { name: 'Archive' }).click();
  await t.bob.page.getByText('You are viewing an archived channel').waitFor();
  assert.equal(await t.bob.page.getByRole('textbox', { name: 'Write a message' }).count(), 0);
  const archivedPost = postWith(messages(t.bob.page), 'scratch notes');
  await archivedPost.hover();
  assert.equal(await archivedPost.getByRole('button', { name: 'Add reaction' }).count(), 0);
  await archivedPost.getByRole('button', { name: 'Save message' }).waitFor();
  assert.equal(await t.bob.page.getByRole('button', { name: 'Channel menu' }).count(), 0);
  await shot(t.bob.page, '32-archived');
  await t.bob.page.getByRole('link', { name: 'Town Square' }).click();
  await sidebarItem(t.bob.page, 'scratch').waitFor({ state: 'detached' });
  await t.alice.page.getByRole('link', { name: 'Town Square' }).click();
});

test('search lists files by name and by their text in a Files tab, with a download link', async () => {
  await t.bob.page.getByRole('main').getByLabel('File to attach').setInputFiles({
    name: 'quarterly-report.txt', mimeType: 'text/plain', buffer: Buffer.from('the zucchini harvest forecast'),
  });
  await t.bob.page.getByRole('main').getByLabel('Attachments').getByText('quarterly-report.txt').waitFor();
  await post(t.bob.page, 'report attached');
  await postWith(messages(t.alice.page), 'report attached').waitFor();

  const box = t.alice.page.getByRole('searchbox', { name: 'Search messages' });
  const results = t.alice.page.getByRole('complementary', { name: 'Search results' });
  const file = results.getByRole('listitem', { name: 'File quarterly-report.txt' });
  // The text extraction runs after the upload answers: wait until the server has indexed it.
  await until(
    'the file text indexed',
    () => t.alice.page.evaluate(async () => {
      const teams = await fetch('/api/v4/users/me/teams').then((r) => r.json());
      const r = await fetch(`/api/v4/teams/${teams[0].id}/files/search`, {
        method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' }, body: JSON.stringify({ terms: 'zucchini' }),
      }).then((x) => x.json());
      return r.order?.length === 1;
    }),
    30_000,
  );
  await box.fill('zucchini');
  await box.press('Enter');
  await results.getByRole('tab', { name: 'Messages (0)' }).waitFor();
  await results.getByRole('tab', { name: 'Files (1)' }).click();
  await file.waitFor();
  assert.match(await file.textContent(), /Town Square · bob/);
  await shot(t.alice.page, '33-file-search');
  const href = await file.getByRole('link', { name: 'Download' }).getAttribute('href');
  const text = await t.alice.page.evaluate((u) => fetch(u).then((r) => r.text()), href);
  assert.equal(text, 'the zucchini harvest forecast');

  // The tab stays on Files for the next search; name words and ext: work too.
  await box.fill('quarterly ext:txt from:bob');
  await box.press('Enter');
  await results.getByRole('tab', { name: 'Files (1)', selected: true }).waitFor();
  await file.waitFor();
  await box.fill('quarterly ext:pdf');
  await box.press('Enter');
  await results.getByRole('tab', { name: 'Files (0)', selected: true }).waitFor();
  await results.getByText('No results.').waitFor();
  await results.getByRole('button', { name: 'Close search' }).click();
});

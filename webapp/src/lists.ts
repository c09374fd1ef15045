// Pinned and saved posts: pinning, saving (flagged_post preferences, as Mattermost stores them),
// the lists of the right-hand pane, and the preference events that keep other tabs in step.
import type { Post, PostList } from '@mattermost/types/posts';
import type { PreferenceType } from '@mattermost/types/preferences';
import { client, errorMessage } from './api';
import { ensureUsers } from './channels';
import { SAVED_CATEGORY, applySavedPreferences, putPosts } from './state';
import type { PostList as ListKind } from './state';
import { store } from './store';

const postsOf = (list: PostList) => list.order.map((id) => list.posts[id]).filter(Boolean) as Post[];

async function keep(posts: Post[]) {
  store.set(putPosts(store.s, posts));
  await ensureUsers(posts.map((p) => p.user_id));
}

// Pins or unpins; the post_edited event that follows updates the post and the list.
export async function setPinned(post: Post, pinned: boolean) {
  try {
    if (pinned) await client.pinPost(post.id);
    else await client.unpinPost(post.id);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function setSaved(post: Post, saved: boolean) {
  const me = store.s.me!.id;
  const pref: PreferenceType = { user_id: me, category: SAVED_CATEGORY, name: post.id, value: 'true' };
  try {
    if (saved) await client.savePreferences(me, [pref]);
    else await client.deletePreferences(me, [pref]);
    store.set({ saved: applySavedPreferences(store.s.saved, [pref], saved) });
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

// The saved set at login: every flagged_post preference of the user.
export async function loadSavedIds() {
  try {
    const prefs = (await client.getMyPreferences()) as unknown as PreferenceType[];
    store.set({ saved: applySavedPreferences({}, prefs, true) });
  } catch {
    // no markers until the next load; the list still reads the server
  }
}

// Opens a list in the right-hand pane and reads it from the server.
export async function openList(list: ListKind) {
  store.set({ list, threadId: '', search: null });
  try {
    if (list === 'pinned') await keep(postsOf(await client.getPinnedPosts(store.s.channelId)));
    if (list === 'saved') await keep(postsOf(await client.getFlaggedPosts(store.s.me!.id, '', store.s.teamId, 0, 200)));
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

// preferences_changed / preferences_deleted: saved posts follow, fetching any not yet known.
export async function onPreferences(prefs: PreferenceType[], changed: boolean) {
  if (!prefs.some((p) => p.category === SAVED_CATEGORY)) return;
  store.set({ saved: applySavedPreferences(store.s.saved, prefs, changed) });
  const missing = Object.keys(store.s.saved).filter((id) => !store.s.posts[id]);
  const found = await Promise.allSettled(missing.map((id) => client.getPost(id)));
  await keep(found.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))); // others: deleted or unreadable
}

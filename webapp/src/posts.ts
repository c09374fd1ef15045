// Posting and post actions: send with an outbox retried until the server accepts, edit, delete,
// reactions, uploads, the thread pane, search (messages and files), and drafts (localStorage + the server's /drafts).
import type { FileInfo, FileSearchResultItem } from '@mattermost/types/files';
import type { Post } from '@mattermost/types/posts';
import { client, errorMessage } from './api';
import { ensureUsers, openChannel } from './channels';
import { type PendingPost, isTransient } from './drafts';
import { type SearchTab, mergePosts, viewArchived } from './state';
import { drafts, outbox, store } from './store';

const newPendingId = () => `${store.s.me?.id ?? ''}:${Date.now()}${Math.floor(Math.random() * 1e6)}`;

export async function sendPost(channelId: string, rootId: string, message: string, fileIds: string[]) {
  const me = store.s.me!;
  const p: PendingPost = {
    pending_post_id: newPendingId(), channel_id: channelId, root_id: rootId, message,
    file_ids: fileIds, user_id: me.id, create_at: Date.now(),
  };
  outbox.add(p);
  store.set({ pending: outbox.list() });
  clearDraft(channelId, rootId);
  await deliver(p);
}

// Sends one pending post; it stays in the outbox while the server cannot be reached.
async function deliver(p: PendingPost): Promise<boolean> {
  try {
    const post = await client.createPost({
      channel_id: p.channel_id, root_id: p.root_id, message: p.message, file_ids: p.file_ids,
      pending_post_id: p.pending_post_id,
    } as Post);
    outbox.remove(p.pending_post_id);
    store.set({ pending: outbox.list(), ...mergePosts(store.s, [post]) });
    return true;
  } catch (e) {
    if (isTransient(e)) {
      store.set({ pending: outbox.list() });
      return false;
    }
    outbox.add({ ...p, failed: true });
    store.set({ pending: outbox.list(), error: errorMessage(e) });
    return true;
  }
}

let flushing = false;
// Retries every pending post in order (after a reconnect, and on a timer while any remain).
export async function flushOutbox() {
  if (flushing || !store.s.me) return;
  flushing = true;
  try {
    for (const p of outbox.list()) {
      if (p.failed || p.user_id !== store.s.me.id) continue;
      if (!(await deliver(p))) break;
    }
  } finally {
    flushing = false;
  }
}

export function discardPending(pendingId: string) {
  outbox.remove(pendingId);
  store.set({ pending: outbox.list() });
}

export async function editPost(postId: string, message: string) {
  try {
    const post = await client.patchPost({ id: postId, message });
    store.set(mergePosts(store.s, [post]));
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function deletePost(postId: string) {
  try {
    await client.deletePost(postId);
    removePost(postId);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export function removePost(postId: string) {
  const s = store.s;
  const p = s.posts[postId];
  if (!p) return;
  const posts = { ...s.posts };
  delete posts[postId];
  const order = { ...s.order, [p.channel_id]: (s.order[p.channel_id] ?? []).filter((id) => id !== postId) };
  store.set({ posts, order, threadId: s.threadId === postId ? '' : s.threadId });
}

export async function toggleReaction(post: Post, emoji: string) {
  const me = store.s.me!.id;
  const mine = (post.metadata?.reactions ?? []).some((r) => r.user_id === me && r.emoji_name === emoji);
  try {
    if (mine) await client.removeReaction(me, post.id, emoji);
    else await client.addReaction(me, post.id, emoji);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function uploadFiles(channelId: string, files: File[]): Promise<FileInfo[]> {
  const out: FileInfo[] = [];
  for (const f of files) {
    const form = new FormData();
    form.append('channel_id', channelId);
    form.append('files', f, f.name);
    try {
      const r = await client.uploadFile(form);
      out.push(...r.file_infos);
    } catch (e) {
      store.set({ error: errorMessage(e) });
    }
  }
  return out;
}

export async function openThread(rootId: string) {
  store.set({ threadId: rootId, search: null, list: null });
  try {
    const list = await client.getPostThread(rootId);
    const posts = Object.values(list.posts) as Post[];
    store.set(mergePosts(store.s, posts));
    await ensureUsers(posts.map((p) => p.user_id));
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

// Searches messages and files at once with Mattermost's syntax; the pane shows one tab of them.
export async function search(terms: string) {
  const tab: SearchTab = store.s.search?.tab ?? 'messages';
  store.set({ search: { terms, ids: [], files: [], busy: true, tab }, threadId: '', list: null });
  const params = {
    terms, is_or_search: false, include_deleted_channels: viewArchived(store.s), page: 0, per_page: 40,
    time_zone_offset: -new Date().getTimezoneOffset() * 60,
  };
  try {
    const [r, f] = await Promise.all([
      client.searchPostsWithParams(store.s.teamId, params),
      client.searchFilesWithParams(store.s.teamId, params),
    ]);
    const posts = r.order.map((id: string) => r.posts[id]);
    const byId = f.file_infos as unknown as Record<string, FileSearchResultItem>;
    const files = f.order.map((id) => byId[id]).filter(Boolean);
    store.set({ ...mergePosts(store.s, posts), search: { terms, ids: r.order, files, busy: false, tab: store.s.search?.tab ?? tab } });
    await ensureUsers([...posts.map((p: Post) => p.user_id), ...files.map((x) => x.user_id)]);
  } catch (e) {
    store.set({ search: { terms, ids: [], files: [], busy: false, tab }, error: errorMessage(e) });
  }
}

export function showSearchTab(tab: SearchTab) {
  if (store.s.search) store.set({ search: { ...store.s.search, tab } });
}

export async function jumpTo(post: Post) {
  if (!store.s.channels[post.channel_id]) return;
  await openChannel(post.channel_id);
  if (post.root_id || post.reply_count) await openThread(post.root_id || post.id);
}

// Drafts: kept in localStorage at once and on the server after a pause in typing. The store's
// serverDrafts mirror what the server has or is being sent: this page's own saves, the list read
// at team load and after a reconnect, and the other sessions' saves (draft_created/deleted).
const timers = new Map<string, ReturnType<typeof setTimeout>>();

export function saveDraft(channelId: string, rootId: string, message: string) {
  drafts.set(channelId, rootId, message);
  const key = `${channelId}.${rootId}`;
  clearTimeout(timers.get(key));
  timers.set(key, setTimeout(() => {
    timers.delete(key);
    if (!store.s.me) return; // logged out meanwhile: the local copy stays
    setServerDraft(channelId, rootId, message || undefined);
    const p = message
      ? client.upsertDraft({ channel_id: channelId, root_id: rootId, message, user_id: store.s.me!.id } as never, store.s.connectionId)
      : client.deleteDraft(channelId, rootId, store.s.connectionId);
    p.catch(() => undefined);
  }, 1000));
}

export function setServerDraft(channelId: string, rootId: string, message: string | undefined) {
  const key = `${channelId}.${rootId}`;
  if (store.s.serverDrafts[key] === message) return;
  const serverDrafts = { ...store.s.serverDrafts };
  if (message === undefined) delete serverDrafts[key];
  else serverDrafts[key] = message;
  store.set({ serverDrafts });
}

// The composer took the server's copy (saved in another session): it becomes the local copy too,
// so that a reload shows it and does not send an older one back.
export function adoptServerDraft(channelId: string, rootId: string, message: string) {
  const key = `${channelId}.${rootId}`;
  clearTimeout(timers.get(key));
  timers.delete(key);
  if (message) drafts.set(channelId, rootId, message);
  else drafts.remove(channelId, rootId);
}

// Sends local drafts the server does not have yet (typed just before a reload, or while it
// was down) for the channels of the current team.
export function syncLocalDrafts() {
  const s = store.s;
  for (const { channelId, rootId, draft } of drafts.entries()) {
    if (!s.channels[channelId] || s.serverDrafts[`${channelId}.${rootId}`] === draft.message) continue;
    saveDraft(channelId, rootId, draft.message);
  }
}

export function loadDraft(channelId: string, rootId: string): string {
  const local = drafts.get(channelId, rootId);
  if (local) return local.message;
  return store.s.serverDrafts[`${channelId}.${rootId}`] ?? '';
}

function clearDraft(channelId: string, rootId: string) {
  const key = `${channelId}.${rootId}`;
  clearTimeout(timers.get(key));
  timers.delete(key);
  drafts.remove(channelId, rootId);
  setServerDraft(channelId, rootId, undefined);
  client.deleteDraft(channelId, rootId, store.s.connectionId).catch(() => undefined);
}


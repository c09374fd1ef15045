// The WebSocket: events applied to the store, typing indicators, statuses, desktop
// notifications for mentions, and a resync (channels, posts, outbox) after every reconnect.
import type { ServerChannel as Channel } from '@mattermost/types/channels';
import type { Draft } from '@mattermost/types/drafts';
import type { CustomEmoji } from '@mattermost/types/emojis';
import type { Post } from '@mattermost/types/posts';
import type { PreferenceType } from '@mattermost/types/preferences';
import type { Reaction } from '@mattermost/types/reactions';
import type { UserProfile } from '@mattermost/types/users';
import { client, websocketUrl, ws } from './api';
import { ensureUsers, loadPosts, loadServerDrafts, markViewed, openChannel, refreshChannels, refreshStatuses } from './channels';
import { rememberCustomEmoji } from './customEmoji';
import { withUpdatedUser } from './people';
import { loadSavedIds, onPreferences, openList } from './lists';
import { flushOutbox, openThread, removePost, setServerDraft } from './posts';
import { channelLabel, mergePosts, putPosts } from './state';
import { outbox, store } from './store';

type Msg = { event: string; data: Record<string, unknown>; broadcast: { channel_id?: string; team_id?: string; user_id?: string } };

const parse = <T,>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

let started = false;
let retryTimer: ReturnType<typeof setInterval> | undefined;
let statusTimer: ReturnType<typeof setInterval> | undefined;

export function startRealtime() {
  if (started) {
    return;
  }
  started = true;
  ws.addMessageListener((m) => onEvent(m as unknown as Msg));
  ws.addReconnectListener(() => void resync());
  ws.addMissedMessageListener(() => void resync());
  ws.addCloseListener(() => store.set({ online: false }));
  ws.addFirstConnectListener(() => {
    store.set({ online: true });
    void flushOutbox();
  });
  ws.initialize(websocketUrl());
  retryTimer = setInterval(() => {
    if (store.s.pending.some((p) => !p.failed)) void flushOutbox();
  }, 3000);
  statusTimer = setInterval(() => void refreshStatuses(), 30000);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && store.s.channelId) markViewed(store.s.channelId);
  });
}

export function stopRealtime() {
  ws.close();
  clearInterval(retryTimer);
  clearInterval(statusTimer);
  started = false;
}

async function resync() {
  store.set({ online: true });
  await refreshChannels();
  if (store.s.channelId) {
    await loadPosts(store.s.channelId);
    markViewed(store.s.channelId);
  }
  if (store.s.threadId) await openThread(store.s.threadId);
  await loadSavedIds();
  if (store.s.list) await openList(store.s.list);
  await flushOutbox();
  if (store.s.teamId) await loadServerDrafts(store.s.teamId);
}

function onEvent(m: Msg) {
  const s = store.s;
  switch (m.event) {
    case 'hello':
      store.set({ online: true, connectionId: String(m.data.connection_id ?? '') });
      break;
    case 'posted': {
      const post = parse<Post>(m.data.post);
      const mentions = m.data.mentions ? parse<string[]>(m.data.mentions) : [];
      const teamId = String(m.data.team_id ?? '');
      if (teamId && teamId !== s.teamId) {
        // Another team's channel: only its marker in the team menu changes.
        if (post.user_id !== s.me?.id) store.set({ teamsUnread: { ...s.teamsUnread, [teamId]: true } });
        break;
      }
      onPosted(post, mentions.includes(s.me?.id ?? ''));
      break;
    }
    case 'post_edited': // also pins and unpins (is_pinned)
      store.set(putPosts(s, [parse<Post>(m.data.post)]));
      break;
    case 'post_deleted':
      removePost(parse<Post>(m.data.post).id);
      break;
    case 'reaction_added':
    case 'reaction_removed':
      onReaction(parse<Reaction>(m.data.reaction), m.event === 'reaction_added');
      break;
    case 'typing':
      onTyping(String(m.data.user_id), m.broadcast.channel_id ?? '', String(m.data.parent_id ?? ''));
      break;
    case 'emoji_added':
      rememberCustomEmoji([parse<CustomEmoji>(m.data.emoji)]);
      break;
    case 'user_updated': {
      const user = parse<UserProfile>(m.data.user);
      store.set({ users: withUpdatedUser(s.users, user), me: user.id === s.me?.id ? { ...s.me, ...user } : s.me });
      break;
    }
    case 'status_change':
      store.set({ statuses: { ...s.statuses, [String(m.data.user_id)]: String(m.data.status) } });
      break;
    case 'channel_viewed': {
      const id = String(m.data.channel_id);
      const ch = s.channels[id];
      const mem = s.members[id];
      if (ch && mem) store.set({ members: { ...s.members, [id]: { ...mem, msg_count: ch.total_msg_count, mention_count: 0 } } });
      break;
    }
    case 'draft_created':
    case 'draft_updated':
    case 'draft_deleted': {
      const d = parse<Draft>(m.data.draft);
      setServerDraft(d.channel_id, d.root_id ?? '', m.event === 'draft_deleted' ? undefined : d.message);
      break;
    }
    case 'preferences_changed':
    case 'preferences_deleted':
      void onPreferences(parse<PreferenceType[]>(m.data.preferences), m.event === 'preferences_changed');
      break;
    case 'added_to_team':
    case 'leave_team':
      void client.getMyTeams().then((teams) => store.set({ teams: [...teams].sort((a, b) => a.display_name.localeCompare(b.display_name)) }));
      break;
    case 'channel_created':
    case 'channel_updated':
    case 'channel_deleted':
    case 'direct_added':
    case 'group_added':
    case 'user_added':
    case 'user_removed':
      void refreshChannels();
      break;
  }
}

function onPosted(post: Post, mentioned: boolean) {
  const s = store.s;
  const mine = post.user_id === s.me?.id;
  const patch: Partial<typeof s> = { ...mergePosts(s, [post]) };
  if (mine && post.pending_post_id && s.pending.some((p) => p.pending_post_id === post.pending_post_id)) {
    outbox.remove(post.pending_post_id); // delivered: the event can beat the HTTP answer
    patch.pending = outbox.list();
  }
  const ch = s.channels[post.channel_id];
  if (ch) {
    const channel: Channel = { ...ch, total_msg_count: ch.total_msg_count + 1, last_post_at: post.create_at };
    patch.channels = { ...s.channels, [ch.id]: channel };
    const mem = s.members[ch.id];
    const viewing = ch.id === s.channelId && !document.hidden;
    if (mem && (mine || viewing)) {
      patch.members = { ...s.members, [ch.id]: { ...mem, msg_count: channel.total_msg_count, mention_count: 0 } };
    } else if (mem && mentioned) {
      patch.members = { ...s.members, [ch.id]: { ...mem, mention_count: mem.mention_count + 1 } };
    }
    if (viewing && !mine) markViewed(ch.id);
  } else if (!mine) {
    void refreshChannels(); // a DM or channel we did not know yet
  }
  const typing = s.typing[typingKey(post.channel_id, post.root_id)];
  if (typing?.[post.user_id]) {
    const rest = { ...typing };
    delete rest[post.user_id];
    patch.typing = { ...s.typing, [typingKey(post.channel_id, post.root_id)]: rest };
  }
  store.set(patch);
  rememberCustomEmoji(post.metadata?.emojis ?? []);
  void ensureUsers([post.user_id]);
  if (!mine && (mentioned || ch?.type === 'D') && (document.hidden || post.channel_id !== s.channelId)) notify(post, ch);
}

function onReaction(r: Reaction, added: boolean) {
  const p = store.s.posts[r.post_id];
  if (!p) return;
  const list = (p.metadata?.reactions ?? []).filter((x) => !(x.user_id === r.user_id && x.emoji_name === r.emoji_name));
  if (added) list.push(r);
  store.set({ posts: { ...store.s.posts, [p.id]: { ...p, metadata: { ...p.metadata, reactions: list } } } });
}

export const typingKey = (channelId: string, rootId = '') => `${channelId}.${rootId}`;

function onTyping(userId: string, channelId: string, rootId: string) {
  if (userId === store.s.me?.id) return;
  const key = typingKey(channelId, rootId);
  const now = Date.now();
  store.set({ typing: { ...store.s.typing, [key]: { ...store.s.typing[key], [userId]: now + 5000 } } });
  void ensureUsers([userId]);
  setTimeout(() => store.set({ typing: { ...store.s.typing } }), 5100);
}

// At most one user_typing per box every 2 s; sending a post resets its box.
const lastTyping = new Map<string, number>();
export function sendTyping(channelId: string, rootId: string) {
  const key = typingKey(channelId, rootId);
  const now = Date.now();
  if (now - (lastTyping.get(key) ?? 0) < 2000) return;
  lastTyping.set(key, now);
  ws.userTyping(channelId, rootId);
}

export function typingDone(channelId: string, rootId: string) {
  lastTyping.delete(typingKey(channelId, rootId));
}

export async function setStatus(status: string) {
  const me = store.s.me!;
  try {
    await client.updateStatus({ user_id: me.id, status } as never);
    store.set({ statuses: { ...store.s.statuses, [me.id]: status } });
  } catch {
    // the next status_change event tells the truth
  }
}

function notify(post: Post, ch?: Channel) {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const s = store.s;
  const who = s.users[post.user_id]?.username ?? 'Someone';
  const where = ch ? channelLabel(ch, s.me!.id, s.users) : '';
  const n = new Notification(`${who}${where ? ` in ${where}` : ''}`, { body: post.message.slice(0, 200), tag: post.id });
  n.onclick = () => {
    window.focus();
    if (ch) void openChannel(ch.id);
  };
}

// The client's state in one object, and a tiny store: set() merges and notifies subscribers,
// which re-render the UI.
import type { ServerChannel as Channel, ChannelMembership } from '@mattermost/types/channels';
import type { ClientConfig } from '@mattermost/types/config';
import type { FileSearchResultItem } from '@mattermost/types/files';
import type { Post } from '@mattermost/types/posts';
import type { PreferenceType } from '@mattermost/types/preferences';
import type { Team } from '@mattermost/types/teams';
import type { UserProfile } from '@mattermost/types/users';
import type { PendingPost } from './drafts';

export type Screen = 'loading' | 'login' | 'signup' | 'teams' | 'channel';
export type Modal = null | 'browse' | 'create-channel' | 'direct' | 'switcher' | 'profile' | 'custom-emoji';
export type PostList = null | 'pinned' | 'saved'; // the list shown in the right-hand pane
export type SearchTab = 'messages' | 'files';

export interface State {
  screen: Screen;
  error: string;
  config: Partial<ClientConfig>;
  me: UserProfile | null;
  teams: Team[];
  openTeams: Team[]; // teams the user may join
  teamId: string;
  teamsUnread: Record<string, boolean>; // other teams with posts since the user left them
  channels: Record<string, Channel>;
  members: Record<string, ChannelMembership>;
  channelId: string;
  posts: Record<string, Post>;
  order: Record<string, string[]>; // channel id -> post ids, oldest first
  complete: Record<string, boolean>; // channel id -> its oldest post is loaded
  pending: PendingPost[];
  users: Record<string, UserProfile>;
  groupMembers: Record<string, string[]>; // group message channel id -> member user ids
  statuses: Record<string, string>;
  typing: Record<string, Record<string, number>>; // channel/root key -> user id -> expiry (ms)
  threadId: string; // root post of the open thread pane
  search: { terms: string; ids: string[]; files: FileSearchResultItem[]; busy: boolean; tab: SearchTab } | null;
  list: PostList;
  saved: Record<string, true>; // ids of the posts the user saved (flagged_post preferences)
  modal: Modal;
  sidebarOpen: boolean; // on narrow screens
  theme: 'light' | 'dark';
  online: boolean; // WebSocket connected
  serverDrafts: Record<string, string>; // "channel.root" -> message, from /drafts
  connectionId: string; // the WebSocket's (hello): the server leaves it out of this page's draft events
  emojiLoaded: boolean; // the standard emoji table
  customEmoji: Record<string, string>; // name -> custom emoji id
}

export function initialState(): State {
  return {
    screen: 'loading',
    error: '',
    config: {},
    me: null,
    teams: [],
    openTeams: [],
    teamId: '',
    teamsUnread: {},
    channels: {},
    members: {},
    channelId: '',
    posts: {},
    order: {},
    complete: {},
    pending: [],
    users: {},
    groupMembers: {},
    statuses: {},
    typing: {},
    threadId: '',
    search: null,
    list: null,
    saved: {},
    modal: null,
    sidebarOpen: false,
    theme: document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
    online: false,
    serverDrafts: {},
    connectionId: '',
    emojiLoaded: false,
    customEmoji: {},
  };
}

type Listener = () => void;

export class Store {
  state: State = initialState();
  private listeners = new Set<Listener>();

  get s(): State {
    return this.state;
  }

  set(patch: Partial<State>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

// Posts of a channel merged into the store maps, oldest first, without duplicates.
// A reply new to the store counts on its root unless the root came in the same list (then the
// server's reply_count is current).
export function mergePosts(s: State, list: Post[]): Pick<State, 'posts' | 'order'> {
  const posts = { ...s.posts };
  const order = { ...s.order };
  const touched = new Set<string>();
  const inList = new Set(list.map((p) => p.id));
  for (const p of list) {
    const root = p.root_id ? posts[p.root_id] : undefined;
    if (root && !s.posts[p.id] && !inList.has(root.id)) {
      posts[root.id] = { ...root, reply_count: (root.reply_count ?? 0) + 1 };
    }
    posts[p.id] = p;
    const ids = order[p.channel_id] ?? [];
    if (!touched.has(p.channel_id)) {
      order[p.channel_id] = [...ids];
      touched.add(p.channel_id);
    }
    if (!order[p.channel_id].includes(p.id)) order[p.channel_id].push(p.id);
  }
  for (const c of touched) order[c].sort((a, b) => posts[a].create_at - posts[b].create_at);
  return { posts, order };
}

// Posts put into the store without joining a channel's message order (lists and events about
// posts that may lie outside the loaded pages).
export function putPosts(s: State, list: Post[]): Pick<State, 'posts'> {
  const posts = { ...s.posts };
  for (const p of list) posts[p.id] = p;
  return { posts };
}

// The server's drafts after reading its list: `listed` as read, except the entries that changed in
// the store while the read was under way (`before` -> `now`: an event or this page's own save),
// which are newer than the list or as new as it.
export function mergeServerDrafts(
  listed: Record<string, string>, before: Record<string, string>, now: Record<string, string>,
): Record<string, string> {
  const merged = { ...listed };
  for (const key of new Set([...Object.keys(before), ...Object.keys(now)])) {
    if (before[key] === now[key]) continue;
    if (key in now) merged[key] = now[key];
    else delete merged[key];
  }
  return merged;
}

const newestFirst = (a: Post, b: Post) => b.create_at - a.create_at;

// The pinned posts of a channel known to the store, newest first.
export function pinnedPosts(s: State, channelId: string): Post[] {
  return Object.values(s.posts).filter((p) => p.channel_id === channelId && p.is_pinned).sort(newestFirst);
}

// The saved posts known to the store, newest first.
export function savedPosts(s: State): Post[] {
  return Object.keys(s.saved).map((id) => s.posts[id]).filter((p): p is Post => !!p).sort(newestFirst);
}

export const SAVED_CATEGORY = 'flagged_post';

// The saved set after preferences were changed (saved=true) or deleted; other categories are ignored.
export function applySavedPreferences(saved: Record<string, true>, prefs: PreferenceType[], changed: boolean): Record<string, true> {
  const next = { ...saved };
  for (const p of prefs) {
    if (p.category !== SAVED_CATEGORY) continue;
    if (changed && p.value === 'true') next[p.name] = true;
    else delete next[p.name];
  }
  return next;
}

// Whether the user may leave the channel: not a DM/GM, and never the team's default channel.
export function canLeave(c: Channel): boolean {
  return (c.type === 'O' || c.type === 'P') && c.name !== 'town-square';
}

// The permission archiving the channel needs ('' when it cannot be archived at all).
export function archivePermission(c: Channel): string {
  if (!canLeave(c) || c.delete_at > 0) return '';
  return c.type === 'O' ? 'delete_public_channel' : 'delete_private_channel';
}

// Whether the server lets users keep reading archived channels (TeamSettings.ExperimentalViewArchivedChannels,
// in the client config of servers that have it; @mattermost/types no longer lists it).
export const viewArchived = (s: State) => (s.config as Record<string, unknown>).ExperimentalViewArchivedChannels === 'true';

// Unread state of a channel for the sidebar.
export function unread(channel: Channel, member?: ChannelMembership): { unread: boolean; mentions: number } {
  if (!member) return { unread: false, mentions: 0 };
  return {
    unread: channel.total_msg_count > member.msg_count,
    mentions: member.mention_count,
  };
}

// The name a channel is shown with: DMs by the other person, GMs by the members.
export function channelLabel(c: Channel, meId: string, users: Record<string, UserProfile>): string {
  if (c.type === 'D') {
    const ids = c.name.split('__');
    const other = ids.find((id) => id !== meId) ?? meId;
    return users[other]?.username ?? c.display_name ?? other;
  }
  return c.display_name || c.name;
}

// The other person of a DM, '' for other channels.
export function dmPartner(c: Channel, meId: string): string {
  if (c.type !== 'D') return '';
  const ids = c.name.split('__');
  return ids.find((id) => id !== meId) ?? meId;
}

// The sidebar's channel order: public and private channels by name, then DMs/GMs by last post.
// Archived channels are left out, except the one being read.
export function sidebarOrder(s: State): Channel[] {
  const meId = s.me?.id ?? '';
  const all = Object.values(s.channels).filter((c) => c.delete_at === 0 || c.id === s.channelId);
  const label = (c: Channel) => channelLabel(c, meId, s.users);
  const channels = all.filter((c) => c.type === 'O' || c.type === 'P').sort((a, b) => label(a).localeCompare(label(b)));
  const directs = all.filter((c) => c.type === 'D' || c.type === 'G').sort((a, b) => b.last_post_at - a.last_post_at);
  return [...channels, ...directs];
}

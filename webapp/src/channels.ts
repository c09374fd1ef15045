// Channels of the current team: loading the sidebar, opening a channel (posts, read state),
// the channel browser, channel creation, leaving and archiving, and direct/group messages.
import type { ServerChannel as Channel, ChannelMembership } from '@mattermost/types/channels';
import type { Post, PostList } from '@mattermost/types/posts';
import type { Team } from '@mattermost/types/teams';
import type { UserProfile } from '@mattermost/types/users';
import { client, errorMessage, ws } from './api';
import { rememberCustomEmoji } from './customEmoji';
import { openList } from './lists';
import { syncLocalDrafts } from './posts';
import { navigate } from './session';
import { mergePosts, mergeServerDrafts, viewArchived } from './state';
import { store } from './store';

const PAGE = 60;

const byId = <T extends { id: string }>(list: T[]) => Object.fromEntries(list.map((x) => [x.id, x]));

export async function loadTeam(team: Team) {
  const teamsUnread = { ...store.s.teamsUnread };
  delete teamsUnread[team.id];
  store.set({ teamId: team.id, teamsUnread, screen: 'channel', threadId: '', search: null });
  await refreshChannels();
  ws.updateActiveTeam(team.id);
  void loadServerDrafts(team.id);
}

// Re-reads the team's channels and memberships (start, reconnect, membership events). Archived
// channels come too when the server lets them be read. The user leaves a channel that is gone
// (left in another tab, removed, archived without that setting) for Town Square.
export async function refreshChannels() {
  const teamId = store.s.teamId;
  if (!teamId) return;
  try {
    const [channels, members] = await Promise.all([
      client.getMyChannels(teamId, viewArchived(store.s)),
      client.getMyChannelMembers(teamId),
    ]);
    store.set({
      channels: byId(channels as Channel[]),
      members: Object.fromEntries(members.map((m: ChannelMembership) => [m.channel_id, m])),
    });
    const current = store.s.channels[store.s.channelId];
    if (store.s.channelId && (!current || (current.delete_at > 0 && !viewArchived(store.s)))) {
      await openChannelByName('town-square');
    }
    await ensureUsers(dmUserIds(channels as Channel[]));
    await loadGroupMembers(channels as Channel[]);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

function dmUserIds(channels: Channel[]): string[] {
  const ids = new Set<string>();
  for (const c of channels) if (c.type === 'D') for (const id of c.name.split('__')) ids.add(id);
  return [...ids];
}

// The members of group messages, for their pictures in the sidebar.
async function loadGroupMembers(channels: Channel[]) {
  const ids = channels.filter((c) => c.type === 'G').map((c) => c.id);
  if (!ids.length) return;
  const byChannel = await client.getProfilesInGroupChannels(ids);
  const users = { ...store.s.users };
  const groupMembers: Record<string, string[]> = {};
  for (const [id, list] of Object.entries(byChannel)) {
    for (const u of list) users[u.id] ??= u;
    groupMembers[id] = list.map((u) => u.id);
  }
  store.set({ users, groupMembers });
}

// Fetches the profiles (and statuses) of users not yet known.
export async function ensureUsers(ids: string[]) {
  const missing = [...new Set(ids)].filter((id) => id && !store.s.users[id]);
  if (!missing.length) return;
  try {
    const [profiles, statuses] = await Promise.all([
      client.getProfilesByIds(missing),
      client.getStatusesByIds(missing),
    ]);
    store.set({
      users: { ...store.s.users, ...byId(profiles as UserProfile[]) },
      statuses: { ...store.s.statuses, ...Object.fromEntries(statuses.map((x) => [x.user_id, x.status])) },
    });
  } catch {
    // names show as ids until the next try
  }
}

// Re-reads the statuses of the users on screen. Mattermost sends status_change only to the user
// concerned, so others' statuses are polled (on channel switch and every 30 s), as its web app does.
export async function refreshStatuses() {
  const ids = Object.keys(store.s.users).slice(0, 200);
  if (!ids.length) return;
  try {
    const list = await client.getStatusesByIds(ids);
    store.set({ statuses: { ...store.s.statuses, ...Object.fromEntries(list.map((x) => [x.user_id, x.status])) } });
  } catch {
    // kept until the next poll
  }
}

export async function loadServerDrafts(teamId: string) {
  try {
    const before = store.s.serverDrafts;
    const list = await client.getUserDrafts(teamId);
    const listed: Record<string, string> = {};
    for (const d of list) listed[`${d.channel_id}.${d.root_id ?? ''}`] = d.message;
    store.set({ serverDrafts: mergeServerDrafts(listed, before, store.s.serverDrafts) });
    syncLocalDrafts();
  } catch {
    // drafts may be disabled on the server; local drafts still work
  }
}

function teamName(): string {
  return store.s.teams.find((t) => t.id === store.s.teamId)?.name ?? '';
}

export async function openChannelByName(name: string) {
  let ch = Object.values(store.s.channels).find((c) => c.name === name);
  if (!ch) {
    try {
      ch = (await client.getChannelByNameAndTeamName(teamName(), name)) as Channel;
    } catch {
      ch = Object.values(store.s.channels).find((c) => c.name === 'town-square');
    }
  }
  if (ch) await openChannel(ch.id);
}

export async function openChannel(channelId: string) {
  const ch = store.s.channels[channelId];
  if (!ch) return;
  const path = `/${teamName()}/channels/${encodeURIComponent(ch.name)}`;
  navigate(path);
  localStorage.setItem('parley.lastPath', path);
  store.set({ channelId, screen: 'channel', sidebarOpen: false, modal: null });
  ws.updateActiveChannel(channelId);
  if (store.s.list === 'pinned') void openList('pinned');
  await loadPosts(channelId);
  markViewed(channelId);
  void refreshStatuses();
}

// Reads the newest page of a channel and merges it (also the resync after a reconnect).
export async function loadPosts(channelId: string) {
  try {
    const list: PostList = await client.getPosts(channelId, 0, PAGE);
    const posts = Object.values(list.posts) as Post[];
    const complete = { ...store.s.complete };
    complete[channelId] ||= list.order.length < PAGE;
    const merged = mergePosts(store.s, posts);
    merged.order[channelId] ??= []; // loaded, even when empty
    store.set({ ...merged, complete });
    rememberCustomEmoji(posts.flatMap((p) => p.metadata?.emojis ?? []));
    await ensureUsers(posts.map((p) => p.user_id));
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

// Reads the page before the oldest loaded post.
export async function loadOlder(channelId: string) {
  const oldest = store.s.order[channelId]?.[0];
  if (!oldest || store.s.complete[channelId]) return;
  try {
    const list: PostList = await client.getPostsBefore(channelId, oldest, 0, PAGE);
    const posts = Object.values(list.posts) as Post[];
    store.set({ ...mergePosts(store.s, posts), complete: { ...store.s.complete, [channelId]: list.order.length < PAGE } });
    await ensureUsers(posts.map((p) => p.user_id));
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

// Marks the channel read on the server and in the sidebar.
export function markViewed(channelId: string) {
  const ch = store.s.channels[channelId];
  const m = store.s.members[channelId];
  if (ch && m) {
    store.set({ members: { ...store.s.members, [channelId]: { ...m, msg_count: ch.total_msg_count, mention_count: 0 } } });
  }
  client.viewMyChannel(channelId).catch(() => undefined);
}

export async function browseChannels(): Promise<Channel[]> {
  const all = (await client.getChannels(store.s.teamId, 0, 200)) as Channel[];
  return all.filter((c) => !store.s.members[c.id]);
}

export async function leaveChannel(channelId: string) {
  try {
    await client.removeFromChannel(store.s.me!.id, channelId);
    await refreshChannels();
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function archiveChannel(channelId: string) {
  try {
    await client.deleteChannel(channelId);
    await refreshChannels();
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

// Whether the user holds a permission in a channel: through their system, team or channel roles,
// whose permissions are read once per role name.
const rolePermissions = new Map<string, string[]>();
export async function hasChannelPermission(channelId: string, permission: string): Promise<boolean> {
  const s = store.s;
  const team = await client.getTeamMember(s.teamId, s.me!.id);
  const names = [s.me!.roles, team.roles, s.members[channelId]?.roles ?? ''].join(' ').split(' ').filter(Boolean);
  const unknown = names.filter((n) => !rolePermissions.has(n));
  if (unknown.length) for (const r of await client.getRolesByNames(unknown)) rolePermissions.set(r.name, r.permissions);
  return names.some((n) => rolePermissions.get(n)?.includes(permission));
}

export async function joinChannel(channelId: string) {
  try {
    await client.addToChannel(store.s.me!.id, channelId);
    await refreshChannels();
    await openChannel(channelId);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function createChannel(displayName: string, purpose: string, isPrivate: boolean) {
  const name = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'channel';
  try {
    const ch = (await client.createChannel({
      team_id: store.s.teamId, name, display_name: displayName, purpose, type: isPrivate ? 'P' : 'O',
    })) as Channel;
    await refreshChannels();
    await openChannel(ch.id);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

// Opens (creating when needed) the DM with one user or the GM with several.
export async function openDirect(userIds: string[]) {
  const me = store.s.me!.id;
  try {
    const ch = (userIds.length === 1
      ? await client.createDirectChannel([me, userIds[0]])
      : await client.createGroupChannel([me, ...userIds])) as Channel;
    await refreshChannels();
    await openChannel(ch.id);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function searchUsers(term: string): Promise<UserProfile[]> {
  const r = await client.autocompleteUsers(term, store.s.teamId, '');
  return [...(r.users ?? []), ...(r.out_of_channel ?? [])].filter((u) => u.id !== store.s.me?.id);
}

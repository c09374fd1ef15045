// Sidebar: team switcher, channels, direct and group messages with unread and mention badges,
// the user (opening the profile settings), status, theme and custom emoji.
import type { ServerChannel as Channel } from '@mattermost/types/channels';
import { openChannel } from '../channels';
import { customEmojiEnabled } from '../customEmoji';
import { setStatus } from '../realtime';
import { showTeamPicker, logout, openTeam } from '../session';
import { channelLabel, dmPartner, sidebarOrder, unread } from '../state';
import { store } from '../store';
import { useStore } from './hooks';
import { Avatar } from './Post';

function toggleTheme() {
  const theme = store.s.theme === 'dark' ? 'light' : 'dark';
  localStorage.setItem('parley.theme', theme);
  document.documentElement.dataset.theme = theme;
  store.set({ theme });
}

export function Sidebar() {
  const s = useStore();
  const me = s.me!;
  const label = (c: Channel) => channelLabel(c, me.id, s.users);
  const ordered = sidebarOrder(s);
  const channels = ordered.filter((c) => c.type === 'O' || c.type === 'P');
  const directs = ordered.filter((c) => c.type === 'D' || c.type === 'G');
  const item = (c: Channel) => {
    const u = unread(c, s.members[c.id]);
    const partner = dmPartner(c, me.id) || (s.groupMembers[c.id] ?? []).find((id) => id !== me.id) || '';
    return (
      <li key={c.id}>
        <a href="#" class={`channel-item ${c.id === s.channelId ? 'active' : ''} ${u.unread ? 'unread' : ''}`}
          aria-current={c.id === s.channelId ? 'page' : undefined}
          data-channel-name={c.name}
          onClick={(e) => { e.preventDefault(); void openChannel(c.id); }}>
          {partner ? <Avatar userId={partner} small status={c.type === 'D'} /> : <span class="sigil">{c.type === 'P' ? '🔒' : c.type === 'G' ? c.display_name.split(',').length : '#'}</span>}
          <span class="label">{label(c)}</span>
          {u.mentions > 0 && <span class="badge" aria-label={`${u.mentions} mentions`}>{u.mentions}</span>}
        </a>
      </li>
    );
  };
  const team = s.teams.find((t) => t.id === s.teamId);
  return (
    <nav class="sidebar" aria-label="Channels">
      <div class="team-row">
        <select aria-label="Team" value={s.teamId} onChange={(e) => {
          const v = e.currentTarget.value;
          const t = s.teams.find((x) => x.id === v);
          if (t) void openTeam(t); else void showTeamPicker();
        }}>
          {s.teams.map((t) => <option key={t.id} value={t.id}>{s.teamsUnread[t.id] ? '• ' : ''}{t.display_name}</option>)}
          <option value="">Other teams…</option>
        </select>
      </div>
      <div class="me-row">
        <button class="link me-name" aria-label="Profile settings" title="Profile settings" onClick={() => store.set({ modal: 'profile' })}>
          <Avatar userId={me.id} small /> {me.username}
        </button>
        <select aria-label="Status" value={s.statuses[me.id] ?? 'online'} onChange={(e) => void setStatus(e.currentTarget.value)}>
          <option value="online">Online</option>
          <option value="away">Away</option>
          <option value="dnd">Do not disturb</option>
          <option value="offline">Offline</option>
        </select>
      </div>
      <div class="section-head">
        <h3>Channels</h3>
        <button class="icon" aria-label="Browse channels" title="Browse channels" onClick={() => store.set({ modal: 'browse' })}>⌕</button>
        <button class="icon" aria-label="Create channel" title="Create channel" onClick={() => store.set({ modal: 'create-channel' })}>＋</button>
      </div>
      <ul class="channel-list">{channels.map(item)}</ul>
      <div class="section-head">
        <h3>Direct messages</h3>
        <button class="icon" aria-label="Write to people" title="Direct or group message" onClick={() => store.set({ modal: 'direct' })}>＋</button>
      </div>
      <ul class="channel-list">{directs.map(item)}</ul>
      <div class="sidebar-foot">
        <button class="link" onClick={toggleTheme} aria-label="Toggle theme">{s.theme === 'dark' ? '☀ Light' : '☾ Dark'}</button>
        {typeof Notification !== 'undefined' && Notification.permission === 'default' && (
          <button class="link" onClick={() => void Notification.requestPermission().then(() => store.set({}))}>Enable notifications</button>
        )}
        {customEmojiEnabled() && <button class="link" onClick={() => store.set({ modal: 'custom-emoji' })}>Custom emoji</button>}
        <button class="link" onClick={() => void logout()}>Log out</button>
      </div>
      {team && <span class="visually-hidden">{team.display_name}</span>}
    </nav>
  );
}

// The logged-in layout: sidebar, channel (header with its menu, messages, composer or the
// archived notice), thread/search/list pane, modals.
import type { ServerChannel as Channel } from '@mattermost/types/channels';
import { useEffect, useState } from 'preact/hooks';
import { archiveChannel, hasChannelPermission, leaveChannel } from '../channels';
import { openList } from '../lists';
import { search } from '../posts';
import { archivePermission, canLeave, channelLabel } from '../state';
import { store } from '../store';
import { Composer } from './Composer';
import { useStore } from './hooks';
import { MessageList } from './MessageList';
import { Modals } from './Modals';
import { ListPane, SearchPane, ThreadPane } from './Panes';
import { Sidebar } from './Sidebar';
import { TypingLine } from './Typing';

// The channel's menu: leave (not Town Square, not DMs) and archive (for those allowed), each confirmed.
function ChannelMenu({ ch }: { ch: Channel }) {
  const [open, setOpen] = useState(false);
  const [mayArchive, setMayArchive] = useState(false);
  const [confirm, setConfirm] = useState<'' | 'leave' | 'archive'>('');
  const permission = archivePermission(ch);
  useEffect(() => {
    setMayArchive(false);
    let live = true;
    if (open && permission) hasChannelPermission(ch.id, permission).then((ok) => live && setMayArchive(ok), () => undefined);
    return () => { live = false; };
  }, [open, ch.id, permission]);
  if (!canLeave(ch) || ch.delete_at > 0) return null;
  const done = () => { setOpen(false); setConfirm(''); };
  return (
    <div class="channel-menu">
      <button class="icon" aria-label="Channel menu" aria-expanded={open} onClick={() => { setOpen(!open); setConfirm(''); }}>⋯</button>
      {open && (
        <div class="dropdown" role="menu" aria-label="Channel actions">
          {confirm === '' && <button role="menuitem" onClick={() => setConfirm('leave')}>Leave channel</button>}
          {confirm === '' && mayArchive && <button role="menuitem" onClick={() => setConfirm('archive')}>Archive channel</button>}
          {confirm !== '' && (
            <div role="alertdialog" aria-label={confirm === 'leave' ? 'Leave channel?' : 'Archive channel?'}>
              {confirm === 'leave' ? 'Leave this channel?' : 'Archive this channel for everyone?'}{' '}
              <button onClick={() => { done(); void (confirm === 'leave' ? leaveChannel(ch.id) : archiveChannel(ch.id)); }}>
                {confirm === 'leave' ? 'Leave' : 'Archive'}
              </button>{' '}
              <button class="link" onClick={() => setConfirm('')}>Cancel</button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

export function Workspace() {
  const s = useStore();
  const ch = s.channels[s.channelId];
  const [terms, setTerms] = useState('');
  const pane = s.threadId ? 'thread' : s.search ? 'search' : s.list ? 'list' : '';
  return (
    <div class={`workspace ${s.sidebarOpen ? 'sidebar-open' : ''} ${pane ? 'pane-open' : ''}`}>
      <Sidebar />
      <main class="channel" aria-label="Channel">
        <header class="channel-header">
          <button class="icon menu" aria-label="Menu" onClick={() => store.set({ sidebarOpen: !s.sidebarOpen })}>☰</button>
          <h2 class="channel-name">{ch ? (ch.type === 'O' ? '# ' : ch.type === 'P' ? '🔒 ' : '') + channelLabel(ch, s.me!.id, s.users) : ''}</h2>
          {!s.online && <span class="offline" title="Reconnecting to the server">offline</span>}
          {ch && <ChannelMenu ch={ch} />}
          <button class="icon" aria-label="Pinned messages" title="Pinned messages" aria-pressed={s.list === 'pinned'} onClick={() => void openList('pinned')}>📌</button>
          <button class="icon" aria-label="Saved messages" title="Saved messages" aria-pressed={s.list === 'saved'} onClick={() => void openList('saved')}>🔖</button>
          <form class="search" role="search" onSubmit={(e) => { e.preventDefault(); if (terms.trim()) void search(terms.trim()); }}>
            <input type="search" name="search" placeholder="Search (from: in: before: after: &quot;phrase&quot;)" aria-label="Search messages" value={terms} onInput={(e) => setTerms(e.currentTarget.value)} />
          </form>
        </header>
        {ch && <MessageList channelId={ch.id} />}
        {ch && <TypingLine channelId={ch.id} rootId="" />}
        {ch && ch.delete_at === 0 && <Composer key={ch.id} channelId={ch.id} rootId="" />}
        {ch && ch.delete_at > 0 && <p class="archived" role="status">You are viewing an archived channel. New messages cannot be posted.</p>}
      </main>
      {pane === 'thread' && <ThreadPane />}
      {pane === 'search' && <SearchPane />}
      {pane === 'list' && <ListPane />}
      <Modals />
    </div>
  );
}

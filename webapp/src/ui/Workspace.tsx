// The logged-in layout: sidebar, channel (header, messages, composer), thread/search pane, modals.
import { useState } from 'preact/hooks';
import { search } from '../posts';
import { channelLabel } from '../state';
import { store } from '../store';
import { Composer } from './Composer';
import { useStore } from './hooks';
import { MessageList } from './MessageList';
import { Modals } from './Modals';
import { SearchPane, ThreadPane } from './Panes';
import { Sidebar } from './Sidebar';
import { TypingLine } from './Typing';

export function Workspace() {
  const s = useStore();
  const ch = s.channels[s.channelId];
  const [terms, setTerms] = useState('');
  const pane = s.threadId ? 'thread' : s.search ? 'search' : '';
  return (
    <div class={`workspace ${s.sidebarOpen ? 'sidebar-open' : ''} ${pane ? 'pane-open' : ''}`}>
      <Sidebar />
      <main class="channel" aria-label="Channel">
        <header class="channel-header">
          <button class="icon menu" aria-label="Menu" onClick={() => store.set({ sidebarOpen: !s.sidebarOpen })}>☰</button>
          <h2 class="channel-name">{ch ? (ch.type === 'O' ? '# ' : ch.type === 'P' ? '🔒 ' : '') + channelLabel(ch, s.me!.id, s.users) : ''}</h2>
          {!s.online && <span class="offline" title="Reconnecting to the server">offline</span>}
          <form class="search" role="search" onSubmit={(e) => { e.preventDefault(); if (terms.trim()) void search(terms.trim()); }}>
            <input type="search" name="search" placeholder="Search (from: in: before: after: &quot;phrase&quot;)" aria-label="Search messages" value={terms} onInput={(e) => setTerms(e.currentTarget.value)} />
          </form>
        </header>
        {ch && <MessageList channelId={ch.id} />}
        {ch && <TypingLine channelId={ch.id} rootId="" />}
        {ch && <Composer key={ch.id} channelId={ch.id} rootId="" />}
      </main>
      {pane === 'thread' && <ThreadPane />}
      {pane === 'search' && <SearchPane />}
      <Modals />
    </div>
  );
}

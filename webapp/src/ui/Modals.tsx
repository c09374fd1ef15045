// Dialogs: browse and join channels, create a channel, write to people (DM/GM), the Ctrl+K
// channel switcher, the profile settings and adding a custom emoji.
import type { ServerChannel as Channel } from '@mattermost/types/channels';
import type { UserProfile } from '@mattermost/types/users';
import { useEffect, useState } from 'preact/hooks';
import { browseChannels, createChannel, joinChannel, openChannel, openDirect, searchUsers } from '../channels';
import { channelLabel } from '../state';
import { store } from '../store';
import { AddCustomEmoji } from './CustomEmoji';
import { Dialog } from './Dialog';
import { useStore } from './hooks';
import { ProfileSettings } from './Profile';

function Browse() {
  const [list, setList] = useState<Channel[] | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => { browseChannels().then(setList, () => setList([])); }, []);
  const shown = (list ?? []).filter((c) => c.display_name.toLowerCase().includes(filter.toLowerCase()));
  return (
    <Dialog title="Browse channels">
      <input aria-label="Filter channels" placeholder="Filter" autoFocus value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      {list === null ? <p>Loading…</p> : shown.length === 0 ? <p>No other channels.</p> : (
        <ul class="pick-list">
          {shown.map((c) => (
            <li key={c.id}><button onClick={() => void joinChannel(c.id)}>Join {c.display_name}</button> <small>{c.purpose}</small></li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function CreateChannel() {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [priv, setPriv] = useState(false);
  return (
    <Dialog title="Create channel">
      <form onSubmit={(e) => { e.preventDefault(); if (name.trim()) void createChannel(name.trim(), purpose, priv); }}>
        <label>Name<input name="channelName" autoFocus value={name} onInput={(e) => setName(e.currentTarget.value)} required /></label>
        <label>Purpose<input name="purpose" value={purpose} onInput={(e) => setPurpose(e.currentTarget.value)} /></label>
        <label class="check"><input type="checkbox" checked={priv} onChange={(e) => setPriv(e.currentTarget.checked)} /> Private</label>
        <button type="submit">Create</button>
      </form>
    </Dialog>
  );
}

function Direct() {
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<UserProfile[]>([]);
  const [chosen, setChosen] = useState<UserProfile[]>([]);
  useEffect(() => {
    let live = true;
    searchUsers(term).then((u) => live && setFound(u), () => undefined);
    return () => { live = false; };
  }, [term]);
  return (
    <Dialog title="Write to people">
      <input aria-label="Find people" placeholder="Username" autoFocus value={term} onInput={(e) => setTerm(e.currentTarget.value)} />
      {chosen.length > 0 && <p class="chosen">To: {chosen.map((u) => u.username).join(', ')}</p>}
      <ul class="pick-list">
        {found.filter((u) => !chosen.some((c) => c.id === u.id)).map((u) => (
          <li key={u.id}><button onClick={() => setChosen([...chosen, u])}>Add {u.username}</button></li>
        ))}
      </ul>
      <button disabled={!chosen.length} onClick={() => void openDirect(chosen.map((u) => u.id))}>Go</button>
    </Dialog>
  );
}

function Switcher() {
  const s = useStore();
  const [term, setTerm] = useState('');
  const [sel, setSel] = useState(0);
  const list = Object.values(s.channels)
    .filter((c) => channelLabel(c, s.me!.id, s.users).toLowerCase().includes(term.toLowerCase()))
    .slice(0, 10);
  return (
    <Dialog title="Switch channel">
      <input aria-label="Channel name" autoFocus value={term}
        onInput={(e) => { setTerm(e.currentTarget.value); setSel(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setSel(Math.min(sel + 1, list.length - 1)); }
          if (e.key === 'ArrowUp') { e.preventDefault(); setSel(Math.max(sel - 1, 0)); }
          if (e.key === 'Enter' && list[sel]) { e.preventDefault(); void openChannel(list[sel].id); }
        }} />
      <ul class="pick-list" role="listbox">
        {list.map((c, i) => (
          <li key={c.id} role="option" aria-selected={i === sel} class={i === sel ? 'selected' : ''}>
            <button onClick={() => void openChannel(c.id)}>{channelLabel(c, s.me!.id, s.users)}</button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

export function Modals() {
  const s = useStore();
  switch (s.modal) {
    case 'browse': return <Browse />;
    case 'create-channel': return <CreateChannel />;
    case 'direct': return <Direct />;
    case 'switcher': return <Switcher />;
    case 'profile': return <ProfileSettings />;
    case 'custom-emoji': return <AddCustomEmoji />;
    default: return null;
  }
}

// The reaction picker: favourites and custom emoji, or any standard or custom emoji found by name.
import { useState } from 'preact/hooks';
import { emojiMatching, FAVOURITES } from '../emoji';
import { Emoji } from './Emoji';
import { useStore } from './hooks';

export function EmojiPicker({ onPick }: { onPick: (name: string) => void }) {
  const s = useStore();
  const [term, setTerm] = useState('');
  const custom = Object.keys(s.customEmoji).sort();
  const names = term.trim() ? emojiMatching(term.trim(), custom, 60) : [...FAVOURITES, ...custom];
  return (
    <div class="picker" role="menu" aria-label="Pick a reaction">
      <input type="search" aria-label="Search emoji" placeholder="Search emoji" autoFocus value={term}
        onInput={(e) => setTerm(e.currentTarget.value)} />
      <div class="picker-grid">
        {names.map((n) => (
          <button key={n} role="menuitem" aria-label={n} title={`:${n}:`} onClick={() => onPick(n)}><Emoji name={n} /></button>
        ))}
        {names.length === 0 && <span class="empty">No emoji found.</span>}
      </div>
    </div>
  );
}

// Adding a custom emoji (when the server's EnableCustomEmoji is on): a name and an image.
import { useState } from 'preact/hooks';
import { createCustomEmoji } from '../customEmoji';
import { Dialog } from './Dialog';
import { Emoji } from './Emoji';

export function AddCustomEmoji() {
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [added, setAdded] = useState('');
  return (
    <Dialog title="Add custom emoji">
      <form onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        const n = name.trim().toLowerCase();
        void createCustomEmoji(n, file).then((error) => {
          setNote(error);
          if (!error) { setAdded(n); setName(''); }
        });
      }}>
        <label>Name<input name="emojiName" value={name} onInput={(e) => setName(e.currentTarget.value)} required pattern="[a-z0-9_+\-]+" /></label>
        <label>Image<input type="file" accept="image/png,image/gif,image/jpeg,image/webp" required
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} /></label>
        <button type="submit">Add emoji</button>
      </form>
      {(note || added) && <p class="note" role="status">{note || <>Added <Emoji name={added} /> :{added}:</>}</p>}
    </Dialog>
  );
}

// Profile settings (from the user menu): names, nickname, position, the picture (upload or reset
// to the default) and the password.
import { useState } from 'preact/hooks';
import { changePassword, resetPicture, saveProfile, uploadPicture, type ProfileFields } from '../profile';
import { Dialog } from './Dialog';
import { useStore } from './hooks';
import { Avatar } from './Post';

const FIELDS: [keyof ProfileFields, string][] = [
  ['first_name', 'First name'], ['last_name', 'Last name'], ['nickname', 'Nickname'], ['position', 'Position'],
];

export function ProfileSettings() {
  const me = useStore().me!;
  const [fields, setFields] = useState<ProfileFields>({
    first_name: me.first_name ?? '', last_name: me.last_name ?? '', nickname: me.nickname ?? '', position: me.position ?? '',
  });
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [note, setNote] = useState('');
  const report = (done: string) => (error: string) => setNote(error || done);
  return (
    <Dialog title="Profile settings">
      <div class="profile-picture">
        <Avatar userId={me.id} status={false} />
        <label class="button">Upload picture
          <input type="file" accept="image/*" hidden aria-label="New profile picture"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void uploadPicture(file).then(report('Picture updated.'));
            }} />
        </label>
        {(me.last_picture_update ?? 0) > 0 && (
          <button class="link" onClick={() => void resetPicture().then(report('Picture reset to the default.'))}>Use the default picture</button>
        )}
      </div>
      <form aria-label="Names" onSubmit={(e) => { e.preventDefault(); void saveProfile(fields).then(report('Profile saved.')); }}>
        {FIELDS.map(([key, label]) => (
          <label key={key}>{label}<input name={key} value={fields[key]} onInput={(e) => setFields({ ...fields, [key]: e.currentTarget.value })} /></label>
        ))}
        <button type="submit">Save profile</button>
      </form>
      <form aria-label="Password" onSubmit={(e) => {
        e.preventDefault();
        void changePassword(current, next).then((error) => {
          if (!error) { setCurrent(''); setNext(''); }
          report('Password changed.')(error);
        });
      }}>
        <label>Current password<input type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} required /></label>
        <label>New password<input type="password" autoComplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} required /></label>
        <button type="submit">Change password</button>
      </form>
      {note && <p class="note" role="status">{note}</p>}
    </Dialog>
  );
}

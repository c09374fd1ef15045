// The user's own profile: names and position, picture upload and reset, password change. Each
// action answers '' or the error to show; the new profile goes into the store at once (others
// learn of it through user_updated).
import type { UserProfile } from '@mattermost/types/users';
import { client, errorMessage } from './api';
import { withUpdatedUser } from './people';
import { store } from './store';

export type ProfileFields = Pick<UserProfile, 'first_name' | 'last_name' | 'nickname' | 'position'>;

function keep(me: UserProfile) {
  store.set({ me, users: withUpdatedUser(store.s.users, me) });
}

async function attempt(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return '';
  } catch (e) {
    return errorMessage(e);
  }
}

export const saveProfile = (fields: ProfileFields) => attempt(async () => keep(await client.patchMe(fields)));

export const uploadPicture = (file: File) => attempt(async () => {
  await client.uploadProfileImage(store.s.me!.id, file);
  keep(await client.getMe());
});

export const resetPicture = () => attempt(async () => {
  await client.setDefaultProfileImage(store.s.me!.id);
  keep(await client.getMe());
});

export const changePassword = (current: string, next: string) =>
  attempt(() => client.updateUserPassword(store.s.me!.id, current, next));

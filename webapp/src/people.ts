// People as the client shows them: initials for when a picture fails, full names, and profiles
// updated by user_updated events. (Pictures: client.getProfilePictureUrl(id, last_picture_update),
// a URL that changes with each new picture, so browsers may cache each one.)
import type { UserProfile } from '@mattermost/types/users';

// "Alice Liddell" → "AL"; without a name, the first letter of the username.
export function initials(user: Pick<UserProfile, 'username' | 'first_name' | 'last_name'> | undefined): string {
  if (!user) return '?';
  const fromName = [user.first_name, user.last_name].map((n) => n?.trim()?.[0] ?? '').join('');
  return (fromName || user.username?.[0] || '?').toUpperCase();
}

// First and last name, or the nickname, or '' (the username is shown beside it anyway).
export function fullName(user: Pick<UserProfile, 'first_name' | 'last_name' | 'nickname'> | undefined): string {
  if (!user) return '';
  return [user.first_name, user.last_name].filter(Boolean).join(' ') || user.nickname || '';
}

// The users map after a user_updated event: the sanitised profile replaces what was known, but
// fields the server leaves out for other people (e.g. email) are kept.
export function withUpdatedUser(users: Record<string, UserProfile>, user: UserProfile): Record<string, UserProfile> {
  return { ...users, [user.id]: { ...users[user.id], ...user } };
}

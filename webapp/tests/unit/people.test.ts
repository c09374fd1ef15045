// Initials, full names and user_updated merging (src/people.ts).
import { describe, expect, it } from 'vitest';
import type { UserProfile } from '@mattermost/types/users';
import { fullName, initials, withUpdatedUser } from '../../src/people';

const user = (over: Partial<UserProfile>) => ({ id: 'u1', username: 'alice', first_name: '', last_name: '', nickname: '', ...over }) as UserProfile;

describe('initials', () => {
  it('takes the first letters of first and last name', () => {
    expect(initials(user({ first_name: 'alice', last_name: 'Liddell' }))).toBe('AL');
    expect(initials(user({ first_name: 'Alice' }))).toBe('A');
  });
  it('falls back to the username, then to ?', () => {
    expect(initials(user({ username: 'bob' }))).toBe('B');
    expect(initials(undefined)).toBe('?');
  });
});

describe('fullName', () => {
  it('joins first and last name, else the nickname', () => {
    expect(fullName(user({ first_name: 'Alice', last_name: 'Liddell', nickname: 'al' }))).toBe('Alice Liddell');
    expect(fullName(user({ nickname: 'al' }))).toBe('al');
    expect(fullName(user({}))).toBe('');
  });
});

describe('withUpdatedUser', () => {
  it('replaces the profile but keeps fields the event leaves out', () => {
    const users = { u1: user({ email: 'a@example.com', last_picture_update: 1 }), u2: user({ id: 'u2', username: 'bob' }) };
    const next = withUpdatedUser(users, { id: 'u1', username: 'alice', first_name: 'Alice', last_picture_update: 5 } as UserProfile);
    expect(next.u1).toMatchObject({ email: 'a@example.com', first_name: 'Alice', last_picture_update: 5 });
    expect(next.u2).toBe(users.u2);
    expect(users.u1.last_picture_update).toBe(1);
  });
});

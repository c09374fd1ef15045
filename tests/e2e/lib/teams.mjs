// Helpers for tests that need teams: unique team/channel names and teams set up through the
// official client.
import { unique } from './harness.mjs';

// A unique lowercase name valid for teams and channels.
export function teamName(prefix = 't') {
  return unique(prefix).toLowerCase().slice(0, 30);
}

export const slug = (prefix = 'c') => teamName(prefix);

// An open team (listed and joinable) created by `owner`.
export async function openTeam(owner, extra = {}) {
  return owner.client.createTeam({ name: teamName(), display_name: 'Open Team', type: 'O', allow_open_invite: true, ...extra });
}

// An open team owned by `owner` with the given other users added as members.
export async function teamWith(owner, ...others) {
  const team = await owner.client.createTeam({ name: teamName('t'), display_name: 'Team', type: 'O', allow_open_invite: true });
  for (const o of others) await owner.client.addToTeam(team.id, o.user.id);
  return team;
}

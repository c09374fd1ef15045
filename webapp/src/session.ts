// Session and navigation: start-up, sign-up, login, logout, teams, and the URL
// (/login, /signup_user_complete, /select_team, /{team}/channels/{channel}).
import type { Team } from '@mattermost/types/teams';
import type { UserProfile } from '@mattermost/types/users';
import { client, errorMessage, SESSION_ENDED } from './api';
import { loadTeam, openChannelByName } from './channels';
import { loadCustomEmoji } from './customEmoji';
import { loadStandardEmoji } from './emoji';
import { loadSavedIds } from './lists';
import { startRealtime, stopRealtime } from './realtime';
import { initialState } from './state';
import { outbox, store } from './store';

export function navigate(path: string, replace = false) {
  if (window.location.pathname !== path) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
}

export async function start() {
  window.addEventListener('popstate', () => void route());
  window.addEventListener('parley:unauthorized', () => {
    if (!store.s.me) return;
    stopRealtime();
    store.set({ ...initialState(), screen: 'login', error: SESSION_ENDED });
    navigate('/login');
  });
  try {
    const config = await client.getClientConfig();
    store.set({ config });
  } catch {
    // the login screen still works with defaults
  }
  try {
    const me = await client.getMe();
    await afterLogin(me);
  } catch {
    const path = window.location.pathname;
    store.set({ screen: path.startsWith('/signup') ? 'signup' : 'login' });
  }
}

// Routes the current URL once logged in.
async function route() {
  const s = store.s;
  if (!s.me) return;
  const m = /^\/([^/]+)\/channels\/([^/]+)/.exec(window.location.pathname);
  if (m) {
    const team = s.teams.find((t) => t.name === m[1]);
    if (team) {
      if (team.id !== s.teamId) await loadTeam(team);
      await openChannelByName(decodeURIComponent(m[2]));
      return;
    }
  }
  if (s.teams.length === 1) {
    await loadTeam(s.teams[0]);
    await openChannelByName('town-square');
    return;
  }
  await showTeamPicker();
}

async function afterLogin(me: UserProfile) {
  store.set({ me, users: { ...store.s.users, [me.id]: me }, error: '', pending: outbox.list().filter((p) => p.user_id === me.id) });
  // The config read before login is the limited one (no ExperimentalViewArchivedChannels, ...).
  const [teams, config] = await Promise.all([client.getMyTeams(), client.getClientConfig().catch(() => store.s.config)]);
  store.set({ teams: sortTeams(teams), config });
  startRealtime();
  void loadStandardEmoji().then(() => store.set({ emojiLoaded: true }));
  void loadCustomEmoji();
  void loadSavedIds();
  const path = window.location.pathname;
  if (path === '/' || path.startsWith('/login') || path.startsWith('/signup')) {
    const last = localStorage.getItem('parley.lastPath');
    if (last) navigate(last, true);
  }
  await route();
}

const sortTeams = (t: Team[]) => [...t].sort((a, b) => a.display_name.localeCompare(b.display_name));

export async function login(loginId: string, password: string) {
  try {
    const me = await client.login(loginId, password);
    await afterLogin(me);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function signup(email: string, username: string, password: string) {
  try {
    await client.createUser({ email, username, password } as UserProfile, '', '');
    const me = await client.login(username, password);
    await afterLogin(me);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function logout() {
  stopRealtime();
  try {
    await client.logout();
  } finally {
    localStorage.removeItem('parley.lastPath');
    store.set({ ...initialState(), screen: 'login' });
    navigate('/login');
  }
}

export async function showTeamPicker() {
  navigate('/select_team');
  store.set({ screen: 'teams', teamId: '', channelId: '' });
  try {
    const all = (await client.getTeams(0, 200)) as Team[];
    const mine = new Set(store.s.teams.map((t) => t.id));
    store.set({ openTeams: sortTeams(all.filter((t) => !mine.has(t.id))) });
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function joinTeam(team: Team) {
  try {
    await client.addToTeam(team.id, store.s.me!.id);
    store.set({ teams: sortTeams([...store.s.teams, team]) });
    await openTeam(team);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function createTeam(displayName: string) {
  const name = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'team';
  try {
    const team = await client.createTeam({ display_name: displayName, name, type: 'O', allow_open_invite: true } as Team);
    store.set({ teams: sortTeams([...store.s.teams, team]) });
    await openTeam(team);
  } catch (e) {
    store.set({ error: errorMessage(e) });
  }
}

export async function openTeam(team: Team) {
  await loadTeam(team);
  await openChannelByName('town-square');
}

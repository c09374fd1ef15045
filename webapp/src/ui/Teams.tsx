// Team picker: the user's teams, open teams to join, and team creation.
import { useState } from 'preact/hooks';
import { createTeam, joinTeam, logout, openTeam } from '../session';
import { useStore } from './hooks';

export function TeamPicker() {
  const s = useStore();
  const [name, setName] = useState('');
  return (
    <main class="auth teams">
      <div class="card">
        <h1>Teams</h1>
        {s.teams.length > 0 && (
          <ul class="team-list" aria-label="Your teams">
            {s.teams.map((t) => (
              <li key={t.id}><button onClick={() => void openTeam(t)}>{t.display_name}</button></li>
            ))}
          </ul>
        )}
        {s.openTeams.length > 0 && (
          <>
            <h2>Teams you can join</h2>
            <ul class="team-list" aria-label="Teams you can join">
              {s.openTeams.map((t) => (
                <li key={t.id}><button onClick={() => void joinTeam(t)}>Join {t.display_name}</button></li>
              ))}
            </ul>
          </>
        )}
        <form aria-label="Create a team" onSubmit={(e) => { e.preventDefault(); if (name.trim()) void createTeam(name.trim()); }}>
          <h2>Create a team</h2>
          <label>Team name<input name="teamName" value={name} onInput={(e) => setName(e.currentTarget.value)} required /></label>
          <button type="submit">Create team</button>
        </form>
        <p><button class="link" onClick={() => void logout()}>Log out {s.me?.username}</button></p>
      </div>
    </main>
  );
}

// Login and sign-up forms (the first account created on a server becomes its admin).
import { useState } from 'preact/hooks';
import { login, navigate, signup } from '../session';
import { store } from '../store';

function go(screen: 'login' | 'signup') {
  store.set({ screen, error: '' });
  navigate(screen === 'login' ? '/login' : '/signup_user_complete');
}

export function Login() {
  const [id, setId] = useState('');
  const [pw, setPw] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    await login(id.trim(), pw);
    setBusy(false);
  };
  return (
    <main class="auth">
      <form onSubmit={submit} aria-label="Log in">
        <h1>Parley</h1>
        <label>Email or username<input name="loginId" autoFocus autocomplete="username" value={id} onInput={(e) => setId(e.currentTarget.value)} required /></label>
        <label>Password<input name="password" type="password" autocomplete="current-password" value={pw} onInput={(e) => setPw(e.currentTarget.value)} required /></label>
        <button type="submit" disabled={busy}>Log in</button>
        <p>No account? <a href="/signup_user_complete" onClick={(e) => { e.preventDefault(); go('signup'); }}>Create one</a></p>
      </form>
    </main>
  );
}

export function Signup() {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [pw, setPw] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    await signup(email.trim(), name.trim().toLowerCase(), pw);
    setBusy(false);
  };
  return (
    <main class="auth">
      <form onSubmit={submit} aria-label="Create account">
        <h1>Create your account</h1>
        <label>Email<input name="email" type="email" autoFocus autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required /></label>
        <label>Username<input name="username" autocomplete="username" value={name} onInput={(e) => setName(e.currentTarget.value)} required /></label>
        <label>Password<input name="password" type="password" autocomplete="new-password" value={pw} onInput={(e) => setPw(e.currentTarget.value)} required /></label>
        <button type="submit" disabled={busy}>Create account</button>
        <p>Have an account? <a href="/login" onClick={(e) => { e.preventDefault(); go('login'); }}>Log in</a></p>
      </form>
    </main>
  );
}

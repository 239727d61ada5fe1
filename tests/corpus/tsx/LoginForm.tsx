import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';

interface LoginResponse {
  token: string;
  refreshToken: string;
  user: { id: string; name: string };
}

const API_URL = import.meta.env.VITE_API_URL ?? '/api';

function persistSession(res: LoginResponse) {
  localStorage.setItem('access_token', res.token);
  localStorage.setItem('refresh_token', res.refreshToken);
}

async function login(email: string, password: string): Promise<LoginResponse> {
  const res = await fetch(`${API_URL}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'include',
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(res.status === 401 ? 'Wrong email or password' : 'Login failed');
  return res.json();
}

export function LoginForm() {
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await login(email, password);
      persistSession(res);
      navigate('/dashboard');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login" onSubmit={onSubmit}>
      <h1>Sign in</h1>
      <label htmlFor="email">Email</label>
      <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="password">Password</label>
      <div className="password-field">
        <input
          id="password"
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="button" onClick={() => setShowPassword((s) => !s)} aria-label="Toggle password visibility">
          {showPassword ? 'Hide' : 'Show'}
        </button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy || !email || !password}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <a href="/forgot-password">Forgot your password?</a>
    </form>
  );
}

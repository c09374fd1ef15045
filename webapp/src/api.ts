// The one Client4 (REST, cookie session) and WebSocketClient of the page.
import { Client4, WebSocketClient } from '@mattermost/client';

export const client = new Client4();
client.setUrl(window.location.origin);
client.setIncludeCookies(true);

export const ws = new WebSocketClient({
  maxWebSocketFails: 7,
  minWebSocketRetryTime: 1000,
  maxWebSocketRetryTime: 5000,
  reconnectJitterRange: 500,
  newWebSocketFn: (url: string) => new WebSocket(url),
  clientPingInterval: 30000,
});

export function websocketUrl(): string {
  return client.getWebSocketUrl().replace(/^http/, 'ws');
}

export const SESSION_ENDED = 'Your session has ended. Please log in again.';

// Text for an error banner. session_expired (401) means the session ended (logged out elsewhere, revoked,
// expired): the page is told through a 'parley:unauthorized' event and shows the login screen.
export function errorMessage(err: unknown): string {
  const e = err as { message?: string; status_code?: number; server_error_id?: string };
  if (!e?.status_code) return 'Cannot reach the server; retrying.';
  if (e.server_error_id === 'api.context.session_expired.app_error') {
    window.dispatchEvent(new Event('parley:unauthorized'));
    return SESSION_ENDED;
  }
  return e.message ?? String(err);
}

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

export function errorMessage(err: unknown): string {
  const e = err as { message?: string; status_code?: number };
  if (!e?.status_code) return 'Cannot reach the server; retrying.';
  return e.message ?? String(err);
}

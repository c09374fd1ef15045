// The page's store and its persistent helpers (drafts and outbox in localStorage).
import { DraftStore, Outbox } from './drafts';
import { Store } from './state';

export const store = new Store();
export const drafts = new DraftStore(window.localStorage);
export const outbox = new Outbox(window.localStorage);

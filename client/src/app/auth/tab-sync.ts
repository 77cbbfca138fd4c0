import { DestroyRef, Injectable, InjectionToken, inject } from '@angular/core';
import { Observable, Subject, Subscription, finalize } from 'rxjs';

import { APP_CONFIG } from '../config';
import { User } from './models';

/** What one tab tells the other tabs of this browser about the session they share. */
export type TabMessage =
  | { readonly type: 'token'; readonly access: string }
  | { readonly type: 'login'; readonly access: string; readonly user: User }
  | { readonly type: 'logout' };

/** The browser's Web Locks, or `null` where the API is missing (old browsers, tests). */
export const WEB_LOCKS = new InjectionToken<LockManager | null>('Web Locks', {
  providedIn: 'root',
  factory: () => globalThis.navigator?.locks ?? null,
});

/** A `BroadcastChannel` to the other tabs, or `null` where the API is missing. */
export const TAB_CHANNEL = new InjectionToken<BroadcastChannel | null>('tab channel', {
  providedIn: 'root',
  factory: () => {
    const name = `auth:${inject(APP_CONFIG).apiUrl}`;
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
  },
});

/**
 * Coordinate the tabs of one browser, which share one refresh cookie: a lock so that
 * only one tab refreshes at a time, and a channel that tells the others what happened.
 */
@Injectable({ providedIn: 'root' })
export class TabSync {
  private readonly locks = inject(WEB_LOCKS);
  private readonly channel = inject(TAB_CHANNEL);
  private readonly received = new Subject<TabMessage>();

  /** Messages from the other tabs (never this tab's own). */
  readonly messages: Observable<TabMessage> = this.received.asObservable();

  constructor() {
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isTabMessage(event.data)) {
        this.received.next(event.data);
      }
    });
    inject(DestroyRef).onDestroy(() => this.channel?.close());
  }

  /** Tell the other tabs. */
  post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  /**
   * Run `task` while no other tab runs one under the same `name`. Without Web Locks it runs
   * at once: the server answers a late tab's refresh with 409, which the caller retries.
   */
  exclusive<T>(name: string, task: () => Observable<T>): Observable<T> {
    const locks = this.locks;
    return locks === null ? task() : underLock(locks, name, task);
  }
}

function underLock<T>(locks: LockManager, name: string, task: () => Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const waiting = new AbortController();
    let running: Subscription | undefined;
    const hold = () =>
      new Promise<void>((release) => {
        running = task().pipe(finalize(release)).subscribe(subscriber);
      });
    locks.request(name, { signal: waiting.signal }, hold).catch((error: unknown) => {
      if (!subscriber.closed) {
        subscriber.error(error);
      }
    });
    return () => {
      waiting.abort();
      running?.unsubscribe();
    };
  });
}

function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null) {
    return false;
  }
  const message = data as Record<string, unknown>;
  switch (message['type']) {
    case 'logout':
      return true;
    case 'token':
      return typeof message['access'] === 'string';
    case 'login':
      return typeof message['access'] === 'string' && typeof message['user'] === 'object';
    default:
      return false;
  }
}

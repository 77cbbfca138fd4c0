import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  Observable,
  catchError,
  defer,
  finalize,
  map,
  of,
  retry,
  shareReplay,
  switchMap,
  tap,
  throwError,
} from 'rxjs';

import { APP_CONFIG } from '../config';
import { AUTH_PATHS } from './api-urls';
import { ApiError, LoginResponse, RefreshResponse, User } from './models';
import { TabMessage, TabSync } from './tab-sync';

/** `restoring` while the reload check runs, then `signed-out` or `signed-in`. */
export type SessionStatus = 'restoring' | 'signed-out' | 'signed-in';

/**
 * Cookie mode: the custom header asks the API to keep the refresh token in an httpOnly
 * cookie, and doubles as the CSRF proof (it forces a CORS preflight).
 */
const COOKIE_MODE = {
  headers: new HttpHeaders({ 'X-Token-Transport': 'cookie' }),
  withCredentials: true,
};

/** The Web Lock that lets one tab of this browser refresh at a time. */
const REFRESH_LOCK = 'auth-refresh';

/** Told to the user on the login screen of the other tabs. */
export const SIGNED_OUT_ELSEWHERE = 'You signed out in another tab.';

/**
 * Hold the session: the access token and user in memory only (never in web storage or
 * a script-readable cookie); the refresh token stays in the API's httpOnly cookie. The
 * tabs of one browser share that cookie, so they share the session: a new access token,
 * a login and a logout in one tab reach the others (`TabSync`).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(APP_CONFIG).apiUrl;
  private readonly tabs = inject(TabSync);

  private readonly accessTokenState = signal<string | null>(null);
  private readonly userState = signal<User | null>(null);
  private readonly statusState = signal<SessionStatus>('restoring');
  private readonly noticeState = signal('');
  private refreshInFlight: Observable<string> | null = null;
  /** Counts the access tokens other tabs handed over, to notice one that came while waiting. */
  private sharedTokens = 0;

  readonly accessToken = this.accessTokenState.asReadonly();
  readonly user = this.userState.asReadonly();
  readonly status = this.statusState.asReadonly();
  readonly isSignedIn = computed(() => this.statusState() === 'signed-in');
  /** Why the user was signed out, for the login screen to say; empty when they chose to. */
  readonly notice = this.noticeState.asReadonly();

  constructor() {
    this.tabs.messages.subscribe((message) => this.onTabMessage(message));
  }

  /** Log in; on success the session is in memory, the refresh cookie is set, tabs are told. */
  login(username: string, password: string): Observable<User> {
    return this.http
      .post<LoginResponse>(this.url(AUTH_PATHS.login), { username, password }, COOKIE_MODE)
      .pipe(
        tap(({ access, user }) => {
          this.startSession(access, user);
          this.tabs.post({ type: 'login', access, user });
        }),
        map(({ user }) => user),
      );
  }

  /**
   * Return a fresh access token from the refresh cookie. With rotation, two refreshes with
   * one cookie would race, so callers in this tab share the refresh in flight, and tabs take
   * turns (a Web Lock): a tab whose turn comes after another tab handed over a new access
   * token uses that one instead of refreshing.
   */
  refreshAccessToken(): Observable<string> {
    const sharedBefore = this.sharedTokens;
    this.refreshInFlight ??= this.tabs
      .exclusive(REFRESH_LOCK, () => this.refreshUnlessShared(sharedBefore))
      .pipe(
        finalize(() => (this.refreshInFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.refreshInFlight;
  }

  /** On start-up, resume the session from the refresh cookie if there is one. */
  restore(): Observable<User | null> {
    return this.refreshAccessToken().pipe(
      switchMap(() => this.http.get<User>(this.url(AUTH_PATHS.me))),
      tap((user) => this.signIn(user)),
      catchError(() => {
        this.endSession();
        return of(null);
      }),
    );
  }

  /** Revoke the session on the server, then forget it here and in every tab. */
  logout(): Observable<void> {
    return this.http.post<void>(this.url(AUTH_PATHS.logout), {}, COOKIE_MODE).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
      finalize(() => {
        this.endSession();
        this.tabs.post({ type: 'logout' });
      }),
    );
  }

  /** Show the user as the profile page changed it (names, email). */
  updateUser(user: User): void {
    this.userState.set(user);
  }

  /** Forget the session locally (the user left, or the refresh failed: say so in `notice`). */
  endSession(notice = ''): void {
    this.noticeState.set(notice);
    this.accessTokenState.set(null);
    this.userState.set(null);
    this.statusState.set('signed-out');
  }

  private refreshUnlessShared(sharedBefore: number): Observable<string> {
    const current = this.accessTokenState();
    if (this.sharedTokens !== sharedBefore && current !== null) {
      return of(current);
    }
    return defer(() => this.postRefresh()).pipe(
      tap((access) => {
        this.accessTokenState.set(access);
        this.tabs.post({ type: 'token', access });
      }),
    );
  }

  /**
   * POST the refresh. A 409 `refresh_superseded` means another tab's refresh rotated the
   * cookie a moment ago: the browser holds the new cookie, so retry once.
   */
  private postRefresh(): Observable<string> {
    return this.http.post<RefreshResponse>(this.url(AUTH_PATHS.refresh), {}, COOKIE_MODE).pipe(
      map(({ access }) => access),
      retry({
        count: 1,
        delay: (error: unknown) => (isSuperseded(error) ? of(true) : throwError(() => error)),
      }),
    );
  }

  private onTabMessage(message: TabMessage): void {
    switch (message.type) {
      case 'token':
        if (this.statusState() !== 'signed-out') {
          this.sharedTokens++;
          this.accessTokenState.set(message.access);
        }
        break;
      case 'login':
        this.sharedTokens++;
        this.startSession(message.access, message.user);
        break;
      case 'logout':
        this.endSession(SIGNED_OUT_ELSEWHERE);
        break;
    }
  }

  private startSession(access: string, user: User): void {
    this.noticeState.set('');
    this.accessTokenState.set(access);
    this.signIn(user);
  }

  private signIn(user: User): void {
    this.userState.set(user);
    this.statusState.set('signed-in');
  }

  private url(path: string): string {
    return this.apiUrl + path;
  }
}

function isSuperseded(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 409 &&
    (error.error as ApiError | null)?.code === 'refresh_superseded'
  );
}

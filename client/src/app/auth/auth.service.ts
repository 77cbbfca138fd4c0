import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, catchError, finalize, map, of, shareReplay, switchMap, tap } from 'rxjs';

import { APP_CONFIG } from '../config';
import { AUTH_PATHS } from './api-urls';
import { LoginResponse, RefreshResponse, User } from './models';

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

/**
 * Hold the session: the access token and user in memory only (never in web storage or
 * a script-readable cookie); the refresh token stays in the API's httpOnly cookie.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(APP_CONFIG).apiUrl;

  private readonly accessTokenState = signal<string | null>(null);
  private readonly userState = signal<User | null>(null);
  private readonly statusState = signal<SessionStatus>('restoring');
  private readonly noticeState = signal('');
  private refreshInFlight: Observable<string> | null = null;

  readonly accessToken = this.accessTokenState.asReadonly();
  readonly user = this.userState.asReadonly();
  readonly status = this.statusState.asReadonly();
  readonly isSignedIn = computed(() => this.statusState() === 'signed-in');
  /** Why the user was signed out, for the login screen to say; empty when they chose to. */
  readonly notice = this.noticeState.asReadonly();

  /** Log in; on success the session is in memory and the refresh cookie is set. */
  login(username: string, password: string): Observable<User> {
    return this.http
      .post<LoginResponse>(this.url(AUTH_PATHS.login), { username, password }, COOKIE_MODE)
      .pipe(
        tap(({ access, user }) => this.startSession(access, user)),
        map(({ user }) => user),
      );
  }

  /**
   * Return a fresh access token from the refresh cookie. Callers that ask while a refresh
   * is in flight share it: with rotation, a second parallel refresh would end the session.
   */
  refreshAccessToken(): Observable<string> {
    this.refreshInFlight ??= this.http
      .post<RefreshResponse>(this.url(AUTH_PATHS.refresh), {}, COOKIE_MODE)
      .pipe(
        map(({ access }) => access),
        tap((access) => this.accessTokenState.set(access)),
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

  /** Revoke the session on the server, then forget it here whatever the server said. */
  logout(): Observable<void> {
    return this.http.post<void>(this.url(AUTH_PATHS.logout), {}, COOKIE_MODE).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
      finalize(() => this.endSession()),
    );
  }

  /** Forget the session locally (the user left, or the refresh failed: say so in `notice`). */
  endSession(notice = ''): void {
    this.noticeState.set(notice);
    this.accessTokenState.set(null);
    this.userState.set(null);
    this.statusState.set('signed-out');
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

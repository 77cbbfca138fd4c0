import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import type { components } from '../api/schema';
import { User } from '../auth/models';
import { APP_CONFIG } from '../config';

type Schemas = components['schemas'];

/** A live session of the signed-in user, as `/api/auth/sessions/` lists it. */
export type AccountSession = Schemas['Session'];

/** Sign-up's answer: tokens only when the API does not require a verified address. */
export type RegisterResponse = Schemas['RegisterResponse'];

/** Cookie mode, as the auth service uses: a new refresh token lands in the httpOnly cookie. */
const COOKIE_MODE = {
  withCredentials: true,
  headers: new HttpHeaders({ 'X-Token-Transport': 'cookie' }),
};

/** The account lifecycle endpoints: sign-up, verification, reset, profile, deletion. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(APP_CONFIG).apiUrl;

  register(username: string, email: string, password: string): Observable<RegisterResponse> {
    return this.http.post<RegisterResponse>(this.url('register/'), { username, email, password });
  }

  verifyEmail(key: string): Observable<{ user: User }> {
    return this.http.post<{ user: User }>(this.url('register/verify-email/'), { key });
  }

  resendVerification(email: string): Observable<unknown> {
    return this.http.post(this.url('register/resend-email/'), { email });
  }

  requestPasswordReset(email: string): Observable<unknown> {
    return this.http.post(this.url('password/reset/'), { email });
  }

  confirmPasswordReset(uid: string, token: string, newPassword: string): Observable<unknown> {
    const body = { uid, token, new_password: newPassword };
    return this.http.post(this.url('password/reset/confirm/'), body);
  }

  updateNames(firstName: string, lastName: string): Observable<User> {
    return this.http.patch<User>(this.url('me/'), { first_name: firstName, last_name: lastName });
  }

  requestEmailChange(newEmail: string, password: string): Observable<unknown> {
    return this.http.post(this.url('email/change/'), { new_email: newEmail, password });
  }

  confirmEmailChange(key: string): Observable<{ user: User }> {
    return this.http.post<{ user: User }>(this.url('email/change/confirm/'), { key });
  }

  /** Change the password; the API ends every other session and re-issues this one's tokens. */
  changePassword(oldPassword: string, newPassword: string): Observable<{ access: string }> {
    const body = { old_password: oldPassword, new_password: newPassword };
    return this.http.post<{ access: string }>(this.url('password/change/'), body, COOKIE_MODE);
  }

  sessions(): Observable<AccountSession[]> {
    return this.http.get<AccountSession[]>(this.url('sessions/'));
  }

  endSession(id: string): Observable<unknown> {
    return this.http.delete(this.url(`sessions/${encodeURIComponent(id)}/`));
  }

  deleteAccount(password: string): Observable<unknown> {
    return this.http.delete(this.url('me/'), { body: { password } });
  }

  private url(path: string): string {
    return `${this.apiUrl}/api/auth/${path}`;
  }
}

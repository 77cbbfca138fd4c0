import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { APP_CONFIG } from '../config';

/** A fake user as the API's `/api/random-user/` returns it (the course's shape). */
export interface RandomUser {
  readonly name: string;
  readonly username: string;
  readonly email: string;
  readonly address: {
    readonly street: string;
    readonly suite: string;
    readonly city: string;
    readonly zipcode: string;
    readonly geo: { readonly lat: string; readonly lng: string };
  };
  readonly phone: string;
  readonly website: string;
  readonly company: { readonly name: string; readonly catchPhrase: string; readonly bs: string };
  readonly avatar: string;
}

/** Fetch random users from the protected API (the interceptor adds the token). */
@Injectable({ providedIn: 'root' })
export class RandomUserService {
  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(APP_CONFIG).apiUrl;

  fetch(): Observable<RandomUser> {
    return this.http.get<RandomUser>(`${this.apiUrl}/api/random-user/`);
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import type { components } from '../api/schema';
import { APP_CONFIG } from '../config';

/** A fake user as the API's `/api/random-user/` returns it (the course's shape). */
export type RandomUser = components['schemas']['Card'];

/** Fetch random users from the protected API (the interceptor adds the token). */
@Injectable({ providedIn: 'root' })
export class RandomUserService {
  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(APP_CONFIG).apiUrl;

  fetch(): Observable<RandomUser> {
    return this.http.get<RandomUser>(`${this.apiUrl}/api/random-user/`);
  }
}

import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable, catchError, of, switchMap, throwError } from 'rxjs';

import { APP_CONFIG } from '../config';
import { isApiUrl, isTokenEndpoint } from './api-urls';
import { AuthService } from './auth.service';

/**
 * Send the access token to the API's origin only, never to another host. When the API
 * answers 401 (expired or refused access token), refresh once and retry the call once;
 * concurrent failures share the refresh in flight. If the refresh fails, sign out.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const { apiUrl } = inject(APP_CONFIG);
  if (!isApiUrl(request.url, apiUrl) || isTokenEndpoint(request.url)) {
    return next(request);
  }
  const auth = inject(AuthService);
  const sentToken = auth.accessToken();
  return next(withBearer(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      return freshToken(auth, sentToken).pipe(
        catchError(() => {
          auth.endSession('Your session has ended. Please sign in again.');
          return throwError(() => error);
        }),
        switchMap((token) => next(withBearer(request, token))),
      );
    }),
  );
};

/** A token newer than the one that failed, refreshing only if nobody has already. */
function freshToken(auth: AuthService, failedToken: string | null): Observable<string> {
  const current = auth.accessToken();
  return current !== null && current !== failedToken ? of(current) : auth.refreshAccessToken();
}

function withBearer<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token === null
    ? request
    : request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

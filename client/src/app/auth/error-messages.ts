import { HttpErrorResponse } from '@angular/common/http';

import { ApiError } from './models';

/** Turn a failed API call into one sentence a person can act on. */
export function describeError(error: unknown, apiUrl: string): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something went wrong. Please try again.';
  }
  const body = (typeof error.error === 'object' ? error.error : null) as ApiError | null;
  switch (error.status) {
    case 0:
      return `Cannot reach the server at ${apiUrl}.`;
    case 400:
      return describeFieldErrors(body) ?? 'Please check the form and try again.';
    case 401:
      return body?.code === 'invalid_credentials'
        ? 'Wrong username or password.'
        : 'Your session has ended. Please sign in again.';
    case 403:
      return body?.detail ?? 'This is not allowed.';
    case 429:
      return describeThrottle(error, body);
    default:
      return `The server had a problem (HTTP ${error.status}). Please try again.`;
  }
}

function describeFieldErrors(body: ApiError | null): string | null {
  const messages = Object.entries(body?.errors ?? {}).map(
    ([field, errors]) => `${capitalize(field)}: ${errors.join(' ')}`,
  );
  return messages.length > 0 ? messages.join(' ') : (body?.detail ?? null);
}

/**
 * Read the wait from `Retry-After` (RFC 9110 §10.2.3; readable across origins only if the
 * API exposes it), else from DRF's throttle detail "... available in N seconds".
 */
function describeThrottle(error: HttpErrorResponse, body: ApiError | null): string {
  const header = Number(error.headers.get('Retry-After'));
  const fromDetail = Number(/(\d+) seconds?/.exec(body?.detail ?? '')?.[1]);
  const seconds = header > 0 ? header : fromDetail;
  if (!(seconds > 0)) {
    return 'Too many attempts; try again later.';
  }
  return `Too many attempts; try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, ' ');
}

import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';

import { describeError } from './error-messages';

const API = 'http://127.0.0.1:8000';

function httpError(status: number, error: unknown, headers = new HttpHeaders()) {
  return new HttpErrorResponse({ status, error, headers });
}

describe('describeError', () => {
  it('names the server it could not reach', () => {
    expect(describeError(httpError(0, new ProgressEvent('error')), API)).toBe(
      'Cannot reach the server at http://127.0.0.1:8000.',
    );
  });

  it('says wrong username or password for invalid credentials', () => {
    const error = httpError(401, { detail: 'No.', code: 'invalid_credentials' });
    expect(describeError(error, API)).toBe('Wrong username or password.');
  });

  it('reads the wait from Retry-After', () => {
    const error = httpError(429, { code: 'throttled' }, new HttpHeaders({ 'Retry-After': '42' }));
    expect(describeError(error, API)).toBe('Too many attempts; try again in 42 seconds.');
  });

  it('falls back to the seconds in the detail when Retry-After is not exposed', () => {
    const detail = 'Request was throttled. Expected available in 1 second.';
    expect(describeError(httpError(429, { detail, code: 'throttled' }), API)).toBe(
      'Too many attempts; try again in 1 second.',
    );
  });

  it('still reads well without any wait', () => {
    expect(describeError(httpError(429, null), API)).toBe('Too many attempts; try again later.');
  });

  it('lists field errors of a 400', () => {
    const error = httpError(400, { code: 'invalid', errors: { password: ['Required.'] } });
    expect(describeError(error, API)).toBe('Password: Required.');
  });

  it('gives the status of a server error', () => {
    expect(describeError(httpError(500, '<html>'), API)).toBe(
      'The server had a problem (HTTP 500). Please try again.',
    );
  });

  it('handles errors that are not HTTP errors', () => {
    expect(describeError(new Error('boom'), API)).toBe('Something went wrong. Please try again.');
  });
});

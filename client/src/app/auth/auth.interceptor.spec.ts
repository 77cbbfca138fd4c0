import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { API, USER, provideTestHttp } from '../testing';
import { AuthService } from './auth.service';

const RANDOM = `${API}/api/random-user/`;
const REFRESH = `${API}/api/auth/refresh/`;
const EXPIRED = { detail: 'Token is invalid or expired', code: 'token_not_valid' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let controller: HttpTestingController;
  let auth: AuthService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestHttp() });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    auth.login('ada', 'secret').subscribe();
    controller.expectOne(`${API}/api/auth/login/`).flush({ access: 'old', user: USER });
  });

  afterEach(() => controller.verify());

  function expire(url = RANDOM) {
    controller.expectOne(url).flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });
  }

  describe('origin check', () => {
    it('adds the Bearer token to calls to the API origin', () => {
      http.get(RANDOM).subscribe();
      expect(controller.expectOne(RANDOM).request.headers.get('Authorization')).toBe('Bearer old');
    });

    it.each([
      'http://evil.example/api/random-user/',
      'http://api.test:8001/api/random-user/',
      'https://api.test:8000/api/random-user/',
      'http://api.test.evil.example:8000/api/random-user/',
      '/api/random-user/',
    ])('never sends the token to another origin: %s', (url) => {
      http.get(url).subscribe();
      expect(controller.expectOne(url).request.headers.has('Authorization')).toBe(false);
    });

    it('does not send the token to the token endpoints', () => {
      auth.logout().subscribe();
      expect(
        controller.expectOne(`${API}/api/auth/logout/`).request.headers.has('Authorization'),
      ).toBe(false);
    });

    it('sends nothing when signed out', () => {
      auth.endSession();
      http.get(RANDOM).subscribe({ error: () => undefined });
      const call = controller.expectOne(RANDOM);
      expect(call.request.headers.has('Authorization')).toBe(false);
      call.flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });
      controller.expectOne(REFRESH).flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });
    });
  });

  describe('refresh and retry', () => {
    it('refreshes once through the cookie and retries the call with the new token', () => {
      const received: unknown[] = [];
      http.get(RANDOM).subscribe((body) => received.push(body));
      expire();

      const refresh = controller.expectOne(REFRESH);
      expect(refresh.request.withCredentials).toBe(true);
      expect(refresh.request.headers.get('X-Token-Transport')).toBe('cookie');
      expect(refresh.request.headers.has('Authorization')).toBe(false);
      expect(refresh.request.body).toEqual({});
      refresh.flush({ access: 'new' });

      const retry = controller.expectOne(RANDOM);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
      retry.flush({ ok: true });
      expect(received).toEqual([{ ok: true }]);
      expect(auth.accessToken()).toBe('new');
    });

    it('retries only once: a second 401 reaches the caller', () => {
      let failure: HttpErrorResponse | undefined;
      http.get(RANDOM).subscribe({ error: (error) => (failure = error) });
      expire();
      controller.expectOne(REFRESH).flush({ access: 'new' });
      expire();
      controller.expectNone(REFRESH);
      expect(failure?.status).toBe(401);
    });

    it('shares one refresh between concurrent calls', () => {
      const received: unknown[] = [];
      for (let index = 0; index < 3; index++) {
        http.get(RANDOM).subscribe((body) => received.push(body));
      }
      for (const call of controller.match(RANDOM)) {
        call.flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });
      }

      const refreshes = controller.match(REFRESH);
      expect(refreshes.length).toBe(1);
      refreshes[0].flush({ access: 'new' });

      const retries = controller.match(RANDOM);
      expect(retries.map((call) => call.request.headers.get('Authorization'))).toEqual([
        'Bearer new',
        'Bearer new',
        'Bearer new',
      ]);
      retries.forEach((call, index) => call.flush({ index }));
      expect(received).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
    });

    it('does not refresh again for a 401 that arrives after another call refreshed', () => {
      http.get(RANDOM).subscribe();
      http.get(RANDOM).subscribe();
      const [first, late] = controller.match(RANDOM);
      first.flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });
      controller.expectOne(REFRESH).flush({ access: 'new' });
      late.flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });

      controller.expectNone(REFRESH);
      const retries = controller.match(RANDOM);
      expect(retries.map((call) => call.request.headers.get('Authorization'))).toEqual([
        'Bearer new',
        'Bearer new',
      ]);
      retries.forEach((call) => call.flush({}));
    });

    it('retries with the token another tab handed over meanwhile, without refreshing', async () => {
      const otherTab = new BroadcastChannel(`auth:${API}`);
      http.get(RANDOM).subscribe();
      const call = controller.expectOne(RANDOM);
      otherTab.postMessage({ type: 'token', access: 'from-the-other-tab' });
      await vi.waitFor(() => expect(auth.accessToken()).toBe('from-the-other-tab'));
      otherTab.close();
      call.flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });

      controller.expectNone(REFRESH);
      const retry = controller.expectOne(RANDOM);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer from-the-other-tab');
      retry.flush({});
    });

    it('starts a new refresh for a later expiry once the first one is done', () => {
      http.get(RANDOM).subscribe();
      expire();
      controller.expectOne(REFRESH).flush({ access: 'second' });
      controller.expectOne(RANDOM).flush({});

      http.get(RANDOM).subscribe();
      expire();
      controller.expectOne(REFRESH).flush({ access: 'third' });
      expect(controller.expectOne(RANDOM).request.headers.get('Authorization')).toBe(
        'Bearer third',
      );
    });

    it('signs out and reports the original error when the refresh fails', () => {
      const failures: HttpErrorResponse[] = [];
      http.get(RANDOM).subscribe({ error: (error) => failures.push(error) });
      http.get(RANDOM).subscribe({ error: (error) => failures.push(error) });
      for (const call of controller.match(RANDOM)) {
        call.flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });
      }
      controller.expectOne(REFRESH).flush(EXPIRED, { status: 401, statusText: 'Unauthorized' });

      expect(failures.map((error) => error.status)).toEqual([401, 401]);
      expect(auth.status()).toBe('signed-out');
      expect(auth.accessToken()).toBeNull();
      expect(auth.notice()).toBe('Your session has ended. Please sign in again.');
    });

    it('passes other errors through without refreshing', () => {
      let failure: HttpErrorResponse | undefined;
      http.get(RANDOM).subscribe({ error: (error) => (failure = error) });
      controller.expectOne(RANDOM).flush({}, { status: 500, statusText: 'Server Error' });
      controller.expectNone(REFRESH);
      expect(failure?.status).toBe(500);
    });

    it('never refreshes for a 401 from another host', () => {
      let failure: HttpErrorResponse | undefined;
      http.get('http://evil.example/x').subscribe({ error: (error) => (failure = error) });
      controller
        .expectOne('http://evil.example/x')
        .flush({}, { status: 401, statusText: 'Unauthorized' });
      controller.expectNone(REFRESH);
      expect(failure?.status).toBe(401);
    });
  });
});

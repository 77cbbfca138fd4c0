import { HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { API, USER, provideTestHttp } from '../testing';
import { AuthService, SIGNED_OUT_ELSEWHERE } from './auth.service';

const LOGIN = `${API}/api/auth/login/`;
const REFRESH = `${API}/api/auth/refresh/`;
const LOGOUT = `${API}/api/auth/logout/`;
const ME = `${API}/api/auth/me/`;
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const SUPERSEDED = { status: 409, statusText: 'Conflict' };

describe('AuthService', () => {
  let controller: HttpTestingController;
  let auth: AuthService;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestHttp() });
    controller = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
  });

  afterEach(() => controller.verify());

  function expectCookieMode(url: string) {
    const call = controller.expectOne(url);
    expect(call.request.method).toBe('POST');
    expect(call.request.withCredentials).toBe(true);
    expect(call.request.headers.get('X-Token-Transport')).toBe('cookie');
    expect(call.request.headers.has('Authorization')).toBe(false);
    return call;
  }

  it('starts out restoring, with nothing in memory', () => {
    expect(auth.status()).toBe('restoring');
    expect(auth.accessToken()).toBeNull();
    expect(auth.user()).toBeNull();
  });

  describe('login', () => {
    it('logs in in cookie mode and keeps the token in memory only', () => {
      let user: unknown;
      auth.login('ada', 'secret').subscribe((value) => (user = value));
      const call = expectCookieMode(LOGIN);
      expect(call.request.body).toEqual({ username: 'ada', password: 'secret' });
      call.flush({ access: 'access-1', user: USER });

      expect(user).toEqual(USER);
      expect(auth.status()).toBe('signed-in');
      expect(auth.isSignedIn()).toBe(true);
      expect(auth.accessToken()).toBe('access-1');
      expect(localStorage.length).toBe(0);
      expect(sessionStorage.length).toBe(0);
      expect(document.cookie).toBe('');
    });

    it('stays signed out and passes the error on when the credentials are wrong', () => {
      let failure: HttpErrorResponse | undefined;
      auth.endSession();
      auth.login('ada', 'nope').subscribe({ error: (error) => (failure = error) });
      controller.expectOne(LOGIN).flush({ code: 'invalid_credentials' }, UNAUTHORIZED);

      expect(failure?.status).toBe(401);
      expect(auth.status()).toBe('signed-out');
      expect(auth.accessToken()).toBeNull();
      controller.expectNone(REFRESH);
    });
  });

  describe('restore', () => {
    it('resumes the session from the refresh cookie, then loads the user', () => {
      auth.restore().subscribe();
      expectCookieMode(REFRESH).flush({ access: 'access-2' });
      const me = controller.expectOne(ME);
      expect(me.request.headers.get('Authorization')).toBe('Bearer access-2');
      me.flush(USER);

      expect(auth.status()).toBe('signed-in');
      expect(auth.user()).toEqual(USER);
    });

    it('shows the login form when there is no valid cookie', () => {
      let result: unknown = 'pending';
      auth.restore().subscribe((value) => (result = value));
      controller.expectOne(REFRESH).flush({ code: 'token_not_valid' }, UNAUTHORIZED);

      expect(result).toBeNull();
      expect(auth.status()).toBe('signed-out');
      expect(auth.notice()).toBe('');
    });

    it('shows the login form when the server is down', () => {
      auth.restore().subscribe();
      controller.expectOne(REFRESH).error(new ProgressEvent('error'));
      expect(auth.status()).toBe('signed-out');
    });
  });

  describe('refreshAccessToken', () => {
    it('shares the refresh in flight and forgets it when done', () => {
      const tokens: string[] = [];
      auth.refreshAccessToken().subscribe((token) => tokens.push(token));
      auth.refreshAccessToken().subscribe((token) => tokens.push(token));
      controller.expectOne(REFRESH).flush({ access: 'shared' });
      expect(tokens).toEqual(['shared', 'shared']);

      auth.refreshAccessToken().subscribe((token) => tokens.push(token));
      controller.expectOne(REFRESH).flush({ access: 'later' });
      expect(tokens).toEqual(['shared', 'shared', 'later']);
    });

    it('forgets a failed refresh so that the next one can try again', () => {
      auth.refreshAccessToken().subscribe({ error: () => undefined });
      controller.expectOne(REFRESH).flush({}, UNAUTHORIZED);
      auth.refreshAccessToken().subscribe();
      controller.expectOne(REFRESH).flush({ access: 'again' });
      expect(auth.accessToken()).toBe('again');
    });

    it('retries once when another tab rotated the cookie a moment ago (409)', () => {
      const tokens: string[] = [];
      auth.refreshAccessToken().subscribe((token) => tokens.push(token));
      expectCookieMode(REFRESH).flush({ code: 'refresh_superseded' }, SUPERSEDED);
      expectCookieMode(REFRESH).flush({ access: 'after-retry' });
      expect(tokens).toEqual(['after-retry']);
      expect(auth.accessToken()).toBe('after-retry');
    });

    it('gives up after a second 409, and never retries another error', () => {
      const failures: number[] = [];
      auth.refreshAccessToken().subscribe({ error: (error) => failures.push(error.status) });
      controller.expectOne(REFRESH).flush({ code: 'refresh_superseded' }, SUPERSEDED);
      controller.expectOne(REFRESH).flush({ code: 'refresh_superseded' }, SUPERSEDED);
      auth.refreshAccessToken().subscribe({ error: (error) => failures.push(error.status) });
      controller.expectOne(REFRESH).flush({ code: 'conflict' }, SUPERSEDED);
      controller.expectNone(REFRESH);
      expect(failures).toEqual([409, 409]);
    });
  });

  describe('logout', () => {
    beforeEach(() => {
      auth.login('ada', 'secret').subscribe();
      controller.expectOne(LOGIN).flush({ access: 'access-1', user: USER });
    });

    it('revokes the session in cookie mode, then clears local state', () => {
      let done = false;
      auth.logout().subscribe({ complete: () => (done = true) });
      expect(auth.status()).toBe('signed-in');
      const call = expectCookieMode(LOGOUT);
      expect(call.request.body).toEqual({});
      call.flush(null, { status: 204, statusText: 'No Content' });

      expect(done).toBe(true);
      expect(auth.status()).toBe('signed-out');
      expect(auth.accessToken()).toBeNull();
      expect(auth.user()).toBeNull();
    });

    it('clears local state even when the server cannot be reached', () => {
      let done = false;
      auth.logout().subscribe({ complete: () => (done = true) });
      controller.expectOne(LOGOUT).error(new ProgressEvent('error'));

      expect(done).toBe(true);
      expect(auth.status()).toBe('signed-out');
      expect(auth.accessToken()).toBeNull();
    });
  });

  describe('other tabs', () => {
    let otherTab: BroadcastChannel;
    let heard: unknown[];

    beforeEach(() => {
      otherTab = new BroadcastChannel(`auth:${API}`);
      heard = [];
      otherTab.onmessage = (event: MessageEvent<unknown>) => heard.push(event.data);
    });

    afterEach(() => otherTab.close());

    function signIn() {
      auth.login('ada', 'secret').subscribe();
      controller.expectOne(LOGIN).flush({ access: 'access-1', user: USER });
    }

    it('hands its new access token to the other tabs', async () => {
      auth.refreshAccessToken().subscribe();
      controller.expectOne(REFRESH).flush({ access: 'fresh' });
      await vi.waitFor(() => expect(heard).toEqual([{ type: 'token', access: 'fresh' }]));
    });

    it('uses the access token another tab refreshed, without refreshing itself', async () => {
      signIn();
      otherTab.postMessage({ type: 'token', access: 'from-the-other-tab' });
      await vi.waitFor(() => expect(auth.accessToken()).toBe('from-the-other-tab'));
      controller.expectNone(REFRESH);
      expect(auth.status()).toBe('signed-in');
    });

    it('is signed out when another tab logs out', async () => {
      signIn();
      otherTab.postMessage({ type: 'logout' });
      await vi.waitFor(() => expect(auth.status()).toBe('signed-out'));
      expect(auth.accessToken()).toBeNull();
      expect(auth.user()).toBeNull();
      expect(auth.notice()).toBe(SIGNED_OUT_ELSEWHERE);
      controller.expectNone(LOGOUT);
    });

    it('is signed in when another tab logs in', async () => {
      auth.endSession();
      otherTab.postMessage({ type: 'login', access: 'access-9', user: USER });
      await vi.waitFor(() => expect(auth.status()).toBe('signed-in'));
      expect(auth.user()).toEqual(USER);
      expect(auth.accessToken()).toBe('access-9');
      expect(auth.notice()).toBe('');
    });

    it('tells the other tabs about its login and its logout', async () => {
      signIn();
      auth.logout().subscribe();
      controller.expectOne(LOGOUT).flush(null, { status: 204, statusText: 'No Content' });
      await vi.waitFor(() =>
        expect(heard).toEqual([
          { type: 'login', access: 'access-1', user: USER },
          { type: 'logout' },
        ]),
      );
    });

    it('takes no access token while signed out, and ignores what is not a message', async () => {
      auth.endSession();
      otherTab.postMessage('hello');
      otherTab.postMessage({ type: 'token' });
      otherTab.postMessage({ type: 'token', access: 'stray' });
      otherTab.postMessage({ type: 'login', access: 'access-9', user: USER });
      await vi.waitFor(() => expect(auth.status()).toBe('signed-in'));
      expect(auth.accessToken()).toBe('access-9');
    });
  });
});

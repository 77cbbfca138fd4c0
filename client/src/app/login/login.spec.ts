import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AuthService } from '../auth/auth.service';
import { API, USER, provideTestHttp } from '../testing';
import { Login } from './login';

const LOGIN = `${API}/api/auth/login/`;

describe('Login', () => {
  let fixture: ComponentFixture<Login>;
  let controller: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Login], providers: provideTestHttp() });
    controller = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Login);
    page = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => controller.verify());

  const input = (id: string) => page.querySelector<HTMLInputElement>(`#${id}`)!;
  const errorRegion = () => page.querySelector('#login-error')!;

  async function submit(username: string, password: string) {
    input('username').value = username;
    input('username').dispatchEvent(new Event('input'));
    input('password').value = password;
    input('password').dispatchEvent(new Event('input'));
    page.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  }

  async function answer(body: object, status: number, headers: Record<string, string> = {}) {
    controller.expectOne(LOGIN).flush(body, { status, statusText: 'x', headers });
    await fixture.whenStable();
  }

  it('labels its inputs and focuses the username', () => {
    expect(page.querySelector('label[for=username]')?.textContent).toContain('Username');
    expect(page.querySelector('label[for=password]')?.textContent).toContain('Password');
    expect(input('username').autocomplete).toBe('username');
    expect(input('password').type).toBe('password');
    expect(document.activeElement).toBe(input('username'));
  });

  it('has an assertive live region for errors, empty at first', () => {
    expect(errorRegion().getAttribute('aria-live')).toBe('assertive');
    expect(errorRegion().textContent?.trim()).toBe('');
  });

  it('asks for the username without calling the API', async () => {
    await submit('  ', 'secret');
    expect(errorRegion().textContent).toContain('Enter your username.');
    expect(input('username').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('username'));
    controller.expectNone(LOGIN);
  });

  it('asks for the password without calling the API', async () => {
    await submit('ada', '');
    expect(errorRegion().textContent).toContain('Enter your password.');
    expect(document.activeElement).toBe(input('password'));
  });

  it('says the password is wrong and puts focus back on it', async () => {
    await submit('ada', 'wrong');
    expect(page.querySelector('button[type=submit]')?.textContent).toContain('Signing in…');
    await answer({ detail: 'x', code: 'invalid_credentials' }, 401);

    expect(errorRegion().textContent?.trim()).toBe('Wrong username or password.');
    expect(input('password').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('password'));
    expect(TestBed.inject(AuthService).accessToken()).toBeNull();
  });

  it('names the server it cannot reach', async () => {
    await submit('ada', 'secret');
    controller.expectOne(LOGIN).error(new ProgressEvent('error'));
    await fixture.whenStable();
    expect(errorRegion().textContent?.trim()).toBe(`Cannot reach the server at ${API}.`);
  });

  it('says how long to wait when throttled', async () => {
    await submit('ada', 'secret');
    await answer({ code: 'throttled' }, 429, { 'Retry-After': '30' });
    expect(errorRegion().textContent?.trim()).toBe('Too many attempts; try again in 30 seconds.');
  });

  it('sends the trimmed username and signs in', async () => {
    await submit(' ada ', 'secret');
    const call = controller.expectOne(LOGIN);
    expect(call.request.body).toEqual({ username: 'ada', password: 'secret' });
    call.flush({ access: 'a', user: USER });
    expect(TestBed.inject(AuthService).status()).toBe('signed-in');
  });

  it('shows why the session ended', async () => {
    TestBed.inject(AuthService).endSession('Your session has ended. Please sign in again.');
    await fixture.whenStable();
    expect(page.querySelector('[role=status]')?.textContent).toContain('Your session has ended.');
  });
});

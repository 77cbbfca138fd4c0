import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AuthService } from '../auth/auth.service';
import { API, USER, provideTestHttp } from '../testing';
import { AccountSession } from './account-api';
import { Profile } from './profile';

const SESSIONS = `${API}/api/auth/sessions/`;
const session = (id: string, current: boolean): AccountSession => ({
  id,
  created_at: '2030-01-01T10:00:00Z',
  last_used_at: '2030-01-01T10:00:00Z',
  expires_at: '2030-01-31T10:00:00Z',
  user_agent: `browser ${id}`,
  ip_address: '127.0.0.1',
  current,
});

describe('Profile', () => {
  let fixture: ComponentFixture<Profile>;
  let controller: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Profile], providers: provideTestHttp() });
    controller = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).updateUser(USER);
    fixture = TestBed.createComponent(Profile);
    page = fixture.nativeElement;
    await fixture.whenStable();
    controller.expectOne(SESSIONS).flush([session('a', true), session('b', false)]);
    await fixture.whenStable();
  });

  afterEach(() => controller.verify());

  const type = (id: string, value: string) => {
    const field = page.querySelector<HTMLInputElement>(`#${id}`)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const button = (text: string) =>
    [...page.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent?.includes(text),
    )!;

  it('lists the sessions, this browser marked, and ends another one', async () => {
    const items = page.querySelectorAll('.sessions li');
    expect(items.length).toBe(2);
    expect(items[0].textContent).toContain('This browser');
    button('End this session').click();
    controller.expectOne(`${SESSIONS}b/`).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    controller.expectOne(SESSIONS).flush([session('a', true)]);
    await fixture.whenStable();
    expect(page.querySelectorAll('.sessions li').length).toBe(1);
  });

  it('asks for confirmation before deleting the account', async () => {
    type('delete-password', 'secret');
    button('Delete account…').click();
    await fixture.whenStable();
    controller.expectNone(`${API}/api/auth/me/`);
    expect(page.querySelector('[role=alertdialog]')?.textContent).toContain('for good');
    button('Yes, delete my account').click();
    const request = controller.expectOne(`${API}/api/auth/me/`);
    expect(request.request.method).toBe('DELETE');
    expect(request.request.body).toEqual({ password: 'secret' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(TestBed.inject(AuthService).notice()).toBe('Your account has been deleted.');
  });

  it('says the password is wrong under the delete form', async () => {
    type('delete-password', 'wrong');
    button('Delete account…').click();
    await fixture.whenStable();
    button('Yes, delete my account').click();
    const body = {
      detail: 'Invalid input.',
      code: 'wrong_password',
      errors: { password: ['The password is wrong.'] },
    };
    controller
      .expectOne(`${API}/api/auth/me/`)
      .flush(body, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(page.querySelector('#delete-error')?.textContent).toContain('The password is wrong.');
    expect(page.querySelector('#delete-password')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('saves the names and updates the signed-in user', async () => {
    type('first-name', 'Augusta');
    button('Save names').click();
    const request = controller.expectOne(`${API}/api/auth/me/`);
    expect(request.request.method).toBe('PATCH');
    request.flush({ ...USER, first_name: 'Augusta' });
    await fixture.whenStable();
    expect(TestBed.inject(AuthService).user()?.first_name).toBe('Augusta');
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { API, USER, provideTestHttp } from '../testing';
import { ResetPassword } from './reset-password';
import { VerifyEmail } from './verify-email';

describe('pages opened from an email link', () => {
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [VerifyEmail, ResetPassword],
      providers: provideTestHttp(),
    });
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  async function verifyPage(key: string) {
    const fixture = TestBed.createComponent(VerifyEmail);
    fixture.componentRef.setInput('key', key);
    await fixture.whenStable();
    return fixture;
  }

  it('verifies the key of the link and offers to sign in', async () => {
    const fixture = await verifyPage('k3y');
    const request = controller.expectOne(`${API}/api/auth/register/verify-email/`);
    expect(request.request.body).toEqual({ key: 'k3y' });
    request.flush({ user: USER });
    await fixture.whenStable();
    const page: HTMLElement = fixture.nativeElement;
    expect(page.querySelector('[role=status]')?.textContent).toContain('address is confirmed');
    expect(page.querySelector('a.button')?.textContent).toContain('Sign in');
  });

  it('says a link has expired, in words', async () => {
    const fixture = await verifyPage('old');
    const body = { detail: 'This link has expired. Ask for a new one.', code: 'key_expired' };
    controller
      .expectOne(`${API}/api/auth/register/verify-email/`)
      .flush(body, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    const alert = fixture.nativeElement.querySelector('.alert');
    expect(alert.textContent).toContain('This link has expired. Ask for a new one.');
  });

  it('sets a new password from the uid and token of the link', async () => {
    const fixture = TestBed.createComponent(ResetPassword);
    fixture.componentRef.setInput('uid', 'MQ');
    fixture.componentRef.setInput('token', 't0k');
    await fixture.whenStable();
    const page: HTMLElement = fixture.nativeElement;
    const field = page.querySelector<HTMLInputElement>('#new-password')!;
    field.value = 'a brand new passphrase';
    field.dispatchEvent(new Event('input'));
    page.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const request = controller.expectOne(`${API}/api/auth/password/reset/confirm/`);
    expect(request.request.body).toEqual({
      uid: 'MQ',
      token: 't0k',
      new_password: 'a brand new passphrase',
    });
    request.flush({ detail: 'ok' });
    await fixture.whenStable();
    expect(page.querySelector('[role=status]')?.textContent).toContain('Your password is set');
  });
});

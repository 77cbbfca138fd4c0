import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { API, provideTestHttp } from '../testing';
import { Register } from './register';

const REGISTER = `${API}/api/auth/register/`;

describe('Register', () => {
  let fixture: ComponentFixture<Register>;
  let controller: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Register], providers: provideTestHttp() });
    controller = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Register);
    page = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => controller.verify());

  const input = (id: string) => page.querySelector<HTMLInputElement>(`#${id}`)!;
  const errorRegion = () => page.querySelector('#register-error')!;

  async function submit(values: Record<string, string>) {
    for (const [id, value] of Object.entries(values)) {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
    }
    page.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  }

  it('labels its inputs and announces errors assertively', () => {
    for (const id of ['username', 'email', 'password']) {
      expect(page.querySelector(`label[for=${id}]`)).not.toBeNull();
    }
    expect(input('password').autocomplete).toBe('new-password');
    expect(errorRegion().getAttribute('aria-live')).toBe('assertive');
  });

  it('asks for an email address without calling the API', async () => {
    await submit({ username: 'ada', email: 'nope', password: 'x' });
    expect(errorRegion().textContent).toContain('Enter your email address.');
    expect(input('email').getAttribute('aria-invalid')).toBe('true');
    controller.expectNone(REGISTER);
  });

  it('signs up and goes to "check your email"', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await submit({ username: 'ada', email: 'ada@example.com', password: 'a long passphrase' });
    const request = controller.expectOne(REGISTER);
    expect(request.request.body).toEqual({
      username: 'ada',
      email: 'ada@example.com',
      password: 'a long passphrase',
    });
    request.flush(
      { user: { username: 'ada', email: 'ada@example.com' } },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/check-email'], {
      queryParams: { email: 'ada@example.com' },
    });
  });

  it("shows the password validators' messages and marks the field", async () => {
    await submit({ username: 'ada', email: 'ada@example.com', password: 'short' });
    const body = {
      detail: 'Invalid input.',
      code: 'password_invalid',
      errors: { password: ['This password is too short.'] },
    };
    controller.expectOne(REGISTER).flush(body, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(errorRegion().textContent).toContain('Password: This password is too short.');
    expect(input('password').getAttribute('aria-invalid')).toBe('true');
    expect(input('email').getAttribute('aria-invalid')).toBeNull();
  });
});

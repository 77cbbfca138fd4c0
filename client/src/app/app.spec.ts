import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';

import { App } from './app';
import { routes } from './app.routes';
import { API, USER, provideTestHttp } from './testing';

const REFRESH = `${API}/api/auth/refresh/`;

describe('App', () => {
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [...provideTestHttp(), provideRouter(routes, withComponentInputBinding())],
    });
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  async function start(url = '/') {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
    return fixture;
  }

  it('says it is restoring the session while the refresh runs', async () => {
    const fixture = await start();
    expect(fixture.nativeElement.textContent).toContain('Restoring your session');
    controller.expectOne(REFRESH).flush({}, { status: 401, statusText: 'Unauthorized' });
  });

  it('shows the login form when there is no session to restore', async () => {
    const fixture = await start();
    controller.expectOne(REFRESH).flush({}, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('app-login h1')?.textContent).toContain('Sign in');
  });

  it('shows the welcome when the refresh cookie is still good', async () => {
    const fixture = await start();
    controller.expectOne(REFRESH).flush({ access: 'a' });
    controller.expectOne(`${API}/api/auth/me/`).flush(USER);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('app-home h1')?.textContent).toContain(
      'Welcome ada',
    );
  });

  it('sends a signed-out visitor of the profile to the sign-in page', async () => {
    const fixture = TestBed.createComponent(App);
    const navigation = TestBed.inject(Router).navigateByUrl('/profile');
    controller.expectOne(REFRESH).flush({}, { status: 401, statusText: 'Unauthorized' });
    await navigation;
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
    expect(fixture.nativeElement.querySelector('app-login')).not.toBeNull();
  });

  it('opens the page of an emailed link with its key', async () => {
    const fixture = await start('/verify-email?key=abc');
    controller.expectOne(REFRESH).flush({}, { status: 401, statusText: 'Unauthorized' });
    const request = controller.expectOne(`${API}/api/auth/register/verify-email/`);
    expect(request.request.body).toEqual({ key: 'abc' });
    request.flush({ user: USER });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('address is confirmed');
  });
});

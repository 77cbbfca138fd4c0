import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { App } from './app';
import { API, USER, provideTestHttp } from './testing';

const REFRESH = `${API}/api/auth/refresh/`;

describe('App', () => {
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [App], providers: provideTestHttp() });
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  async function start() {
    const fixture = TestBed.createComponent(App);
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
});

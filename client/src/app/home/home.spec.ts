import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AuthService } from '../auth/auth.service';
import { API, RANDOM_USER, USER, provideTestHttp } from '../testing';
import { Home } from './home';

const RANDOM = `${API}/api/random-user/`;

describe('Home', () => {
  let fixture: ComponentFixture<Home>;
  let controller: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Home], providers: provideTestHttp() });
    controller = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).login('ada', 'secret').subscribe();
    controller.expectOne(`${API}/api/auth/login/`).flush({ access: 'a', user: USER });
    fixture = TestBed.createComponent(Home);
    page = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => controller.verify());

  const button = (text: string) =>
    [...page.querySelectorAll('button')].find((element) => element.textContent?.includes(text))!;

  async function loadCard() {
    button('Get random user').click();
    controller.expectOne(RANDOM).flush(RANDOM_USER);
    await fixture.whenStable();
  }

  it('welcomes the user by username and focuses the heading', () => {
    const heading = page.querySelector('h1')!;
    expect(heading.textContent?.trim()).toBe('Welcome ada');
    expect(document.activeElement).toBe(heading);
  });

  it('shows a random user as a card and announces it', async () => {
    await loadCard();
    const card = page.querySelector('app-user-card article')!;
    expect(card.querySelector('h2')?.textContent).toContain('Grace Hopper');
    expect(card.textContent).toContain('grace@example.com');
    expect(card.textContent).toContain('555-0100');
    expect(card.textContent).toContain('Arlington');
    expect(card.textContent).toContain('Cobol Inc');
    const avatar = card.querySelector('img')!;
    expect(avatar.getAttribute('src')).toBe(RANDOM_USER.avatar);
    expect(avatar.alt).toBe('Avatar of Grace Hopper');
    expect(page.querySelector('[role=status]')?.textContent).toContain('Showing Grace Hopper.');
  });

  it('toggles the raw JSON with aria-expanded', async () => {
    expect(button('raw JSON')).toBeUndefined();
    await loadCard();
    const toggle = button('Show raw JSON');
    const json = page.querySelector<HTMLElement>('#raw-json')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe('raw-json');
    expect(json.hidden).toBe(true);

    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('Hide raw JSON');
    expect(json.hidden).toBe(false);
    expect(JSON.parse(json.textContent!)).toEqual(RANDOM_USER);
  });

  it('sends one call per click and shows the latest answer', async () => {
    button('Get random user').click();
    button('Get random user').click();
    const [first, second] = controller.match(RANDOM);
    second.flush({ ...RANDOM_USER, name: 'Second' });
    first.flush({ ...RANDOM_USER, name: 'First' });
    await fixture.whenStable();
    expect(page.querySelector('app-user-card h2')?.textContent).toContain('Second');
    expect(button('Get random user').getAttribute('aria-busy')).toBe('false');
  });

  it('explains a failure to load', async () => {
    button('Get random user').click();
    controller.expectOne(RANDOM).flush({}, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(page.querySelector('.alert')?.textContent).toContain('HTTP 503');
  });

  it('logs out through the API and ends the session', async () => {
    button('Log out').click();
    const call = controller.expectOne(`${API}/api/auth/logout/`);
    expect(call.request.withCredentials).toBe(true);
    call.flush(null, { status: 204, statusText: 'No Content' });
    expect(TestBed.inject(AuthService).status()).toBe('signed-out');
  });
});

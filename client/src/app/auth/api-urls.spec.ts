import { isApiUrl, isTokenEndpoint } from './api-urls';

const API = 'http://127.0.0.1:8000';

describe('isApiUrl', () => {
  it.each([`${API}/api/random-user/`, `${API}/api/auth/me/`, 'http://127.0.0.1:8000'])(
    'accepts the API origin: %s',
    (url) => expect(isApiUrl(url, API)).toBe(true),
  );

  it.each([
    'http://127.0.0.1:8001/api/random-user/',
    'https://127.0.0.1:8000/api/random-user/',
    'http://localhost:8000/api/random-user/',
    'http://evil.example/api/random-user/',
    'http://127.0.0.1:8000.evil.example/api/',
    'http://evil.example/?next=http://127.0.0.1:8000/',
    '/api/random-user/',
    'config.json',
  ])('refuses any other origin: %s', (url) => expect(isApiUrl(url, API)).toBe(false));
});

describe('isTokenEndpoint', () => {
  it.each(['login', 'refresh', 'logout'])('matches %s with or without a slash', (name) => {
    expect(isTokenEndpoint(`${API}/api/auth/${name}/`)).toBe(true);
    expect(isTokenEndpoint(`${API}/api/auth/${name}`)).toBe(true);
  });

  it.each(['/api/auth/me/', '/api/random-user/', '/api/auth/login/extra/'])(
    'leaves %s to the retry logic',
    (path) => expect(isTokenEndpoint(API + path)).toBe(false),
  );
});

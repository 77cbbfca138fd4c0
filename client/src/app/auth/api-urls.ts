/** Paths of the token endpoints; they manage tokens themselves and never carry a Bearer token. */
export const AUTH_PATHS = {
  login: '/api/auth/login/',
  refresh: '/api/auth/refresh/',
  logout: '/api/auth/logout/',
  me: '/api/auth/me/',
} as const;

const TOKEN_ENDPOINTS: readonly string[] = [
  AUTH_PATHS.login,
  AUTH_PATHS.refresh,
  AUTH_PATHS.logout,
];

/** Resolve a request URL against the page, as the browser would. */
function resolve(url: string): URL | null {
  const base = typeof document === 'undefined' ? undefined : document.baseURI;
  return URL.canParse(url, base) ? new URL(url, base) : null;
}

/** True when `url` points at the API's origin (scheme, host and port all equal). */
export function isApiUrl(url: string, apiUrl: string): boolean {
  const target = resolve(url);
  return target !== null && target.origin === new URL(apiUrl).origin;
}

/** True for login, refresh and logout, which must not be retried after a refresh. */
export function isTokenEndpoint(url: string): boolean {
  const path = resolve(url)?.pathname.replace(/\/?$/, '/');
  return path !== undefined && TOKEN_ENDPOINTS.includes(path);
}

import { InjectionToken } from '@angular/core';

/** Settings read at run time from `config.json`, so one build serves any API. */
export interface AppConfig {
  /** Base URL of the API, without a trailing slash, e.g. `http://127.0.0.1:8000`. */
  readonly apiUrl: string;
}

export const DEFAULT_CONFIG: AppConfig = { apiUrl: 'http://127.0.0.1:8000' };

export const APP_CONFIG = new InjectionToken<AppConfig>('APP_CONFIG');

/** Return a valid config from untrusted JSON, falling back to the default API URL. */
export function parseConfig(raw: unknown): AppConfig {
  const apiUrl = (raw as { apiUrl?: unknown } | null)?.apiUrl;
  if (typeof apiUrl !== 'string' || !URL.canParse(apiUrl)) {
    return DEFAULT_CONFIG;
  }
  return { apiUrl: apiUrl.replace(/\/+$/, '') };
}

/** Fetch `config.json` next to the app; a missing or broken file means the defaults. */
export async function loadConfig(fetchFn: typeof fetch = fetch): Promise<AppConfig> {
  try {
    const response = await fetchFn('config.json', { cache: 'no-store' });
    return response.ok ? parseConfig(await response.json()) : DEFAULT_CONFIG;
  } catch {
    return DEFAULT_CONFIG;
  }
}

import type { components } from '../api/schema';

/* The API's bodies, as the OpenAPI schema describes them (`make api-types` regenerates it). */
type Schemas = components['schemas'];

/** The user object the API returns from login and `/api/auth/me/`. */
export type User = Schemas['User'];

/** Login answer; in cookie mode `refresh` is left out (it is in an httpOnly cookie). */
export type LoginResponse = Schemas['LoginResponse'];

/** Refresh answer; in cookie mode `refresh` is left out too. */
export type RefreshResponse = Schemas['TokenPair'];

/** An error body: `{detail, code}`, plus field errors on a 400 (any of them may be missing). */
export type ApiError = Partial<Schemas['ValidationError']>;

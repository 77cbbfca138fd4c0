/** The user object the API returns from login and `/api/auth/me/`. */
export interface User {
  readonly id: number;
  readonly username: string;
  readonly email: string;
  readonly first_name: string;
  readonly last_name: string;
}

/** Login answer in cookie mode: the refresh token is in an httpOnly cookie, not here. */
export interface LoginResponse {
  readonly access: string;
  readonly user: User;
}

/** Refresh answer in cookie mode. */
export interface RefreshResponse {
  readonly access: string;
}

/** The API's error body: `{detail, code}`, plus field errors on a 400. */
export interface ApiError {
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: Record<string, string[]>;
}

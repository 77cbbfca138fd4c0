import { inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { filter, map, take } from 'rxjs';

import { CheckEmail } from './account/check-email';
import { ConfirmEmail } from './account/confirm-email';
import { ForgotPassword } from './account/forgot-password';
import { Profile } from './account/profile';
import { Register } from './account/register';
import { ResetPassword } from './account/reset-password';
import { VerifyEmail } from './account/verify-email';
import { AuthService } from './auth/auth.service';
import { Start } from './start/start';

/** Let a signed-in user in once the session is restored; send anyone else to sign in. */
export const signedIn: CanActivateFn = () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return toObservable(auth.status).pipe(
    filter((status) => status !== 'restoring'),
    take(1),
    map((status) => status === 'signed-in' || router.createUrlTree(['/'])),
  );
};

/** The pages; emailed links open `/verify-email`, `/reset-password` and `/confirm-email`. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', component: Start, title: 'JWT random users' },
  { path: 'register', component: Register, title: 'Create an account' },
  { path: 'check-email', component: CheckEmail, title: 'Check your email' },
  { path: 'verify-email', component: VerifyEmail, title: 'Confirm your email address' },
  { path: 'forgot-password', component: ForgotPassword, title: 'Forgot your password?' },
  { path: 'reset-password', component: ResetPassword, title: 'Choose a new password' },
  { path: 'confirm-email', component: ConfirmEmail, title: 'Confirm your new email address' },
  { path: 'profile', component: Profile, canActivate: [signedIn], title: 'Your account' },
  { path: '**', redirectTo: '' },
];

import { Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';
import { FormStatus } from '../ui/form-status';
import { PanelPage } from '../ui/page';
import { SubmitButton } from '../ui/submit-button';

/** Sign up: username, email and password; then "check your email". */
@Component({
  selector: 'app-register',
  imports: [ReactiveFormsModule, RouterLink, PanelPage, FormStatus, SubmitButton],
  template: `
    <app-panel-page heading="Create an account" headingId="register-title">
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="state.busy()">
        <div class="field">
          <label for="username">Username</label>
          <input
            id="username"
            formControlName="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            required
            [attr.aria-invalid]="state.isInvalid('username')"
            aria-describedby="register-error"
          />
        </div>
        <div class="field">
          <label for="email">Email</label>
          <input
            id="email"
            type="email"
            formControlName="email"
            autocomplete="email"
            required
            [attr.aria-invalid]="state.isInvalid('email')"
            aria-describedby="register-error"
          />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            type="password"
            formControlName="password"
            autocomplete="new-password"
            required
            [attr.aria-invalid]="state.isInvalid('password')"
            aria-describedby="register-error"
          />
        </div>
        <app-form-status [state]="state" errorId="register-error" />
        <button
          appSubmit
          [busy]="state.busy()"
          busyLabel="Creating your account…"
          class="button button--primary button--block"
        >
          Create account
        </button>
      </form>
      <p class="muted">Already have an account? <a routerLink="/">Sign in</a></p>
    </app-panel-page>
  `,
})
export class Register {
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);
  protected readonly state = new FormState(inject(APP_CONFIG).apiUrl);
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [''],
    email: [''],
    password: [''],
  });

  protected submit(): void {
    const { username, email, password } = this.form.getRawValue();
    if (!username.trim()) {
      return this.state.fail('Choose a username.', 'username');
    }
    if (!email.includes('@')) {
      return this.state.fail('Enter your email address.', 'email');
    }
    if (!password) {
      return this.state.fail('Choose a password.', 'password');
    }
    this.state.run(this.api.register(username.trim(), email.trim(), password), () => {
      void this.router.navigate(['/check-email'], { queryParams: { email: email.trim() } });
    });
  }
}

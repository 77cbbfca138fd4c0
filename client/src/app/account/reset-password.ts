import { Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';

/** `/reset-password?uid=…&token=…`, the link of the reset email: choose a new password. */
@Component({
  selector: 'app-reset-password',
  imports: [ReactiveFormsModule, RouterLink],
  template: `
    <main class="page page--center">
      <section class="panel" aria-labelledby="reset-title">
        <div class="brand" aria-hidden="true">JWT</div>
        <h1 id="reset-title">Choose a new password</h1>
        @if (changed()) {
          <p class="notice" role="status">
            Your password is set, and every device that was signed in has been signed out.
          </p>
          <a class="button button--primary button--block" routerLink="/">Sign in</a>
        } @else {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="state.busy()">
            <div class="field">
              <label for="new-password">New password</label>
              <input
                id="new-password"
                type="password"
                formControlName="password"
                autocomplete="new-password"
                required
                [attr.aria-invalid]="state.isInvalid('new_password')"
                aria-describedby="reset-error"
              />
            </div>
            <p
              id="reset-error"
              class="alert"
              aria-live="assertive"
              aria-atomic="true"
              [textContent]="state.error()"
            ></p>
            <button type="submit" class="button button--primary button--block">
              @if (state.busy()) {
                <span class="spinner" aria-hidden="true"></span> Saving…
              } @else {
                Set new password
              }
            </button>
          </form>
          <p class="muted"><a routerLink="/forgot-password">Ask for a new link</a></p>
        }
      </section>
    </main>
  `,
})
export class ResetPassword {
  private readonly api = inject(AccountApi);
  readonly uid = input('');
  readonly token = input('');
  protected readonly changed = signal(false);
  protected readonly state = new FormState(inject(APP_CONFIG).apiUrl);
  protected readonly form = inject(NonNullableFormBuilder).group({ password: [''] });

  protected submit(): void {
    const { password } = this.form.getRawValue();
    if (!password) {
      return this.state.fail('Choose a new password.', 'new_password');
    }
    this.state.run(this.api.confirmPasswordReset(this.uid(), this.token(), password), () =>
      this.changed.set(true),
    );
  }
}

import { Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';
import { FormStatus } from '../ui/form-status';
import { PanelPage } from '../ui/page';
import { SubmitButton } from '../ui/submit-button';

/** `/reset-password?uid=…&token=…`, the link of the reset email: choose a new password. */
@Component({
  selector: 'app-reset-password',
  imports: [ReactiveFormsModule, RouterLink, PanelPage, FormStatus, SubmitButton],
  template: `
    <app-panel-page heading="Choose a new password" headingId="reset-title">
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
          <app-form-status [state]="state" errorId="reset-error" />
          <button
            appSubmit
            [busy]="state.busy()"
            busyLabel="Saving…"
            class="button button--primary button--block"
          >
            Set new password
          </button>
        </form>
        <p class="muted"><a routerLink="/forgot-password">Ask for a new link</a></p>
      }
    </app-panel-page>
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

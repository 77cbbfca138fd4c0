import { Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';
import { FormStatus } from '../ui/form-status';
import { PanelPage } from '../ui/page';
import { SubmitButton } from '../ui/submit-button';

/** "Forgot password": ask for a reset link by email. */
@Component({
  selector: 'app-forgot-password',
  imports: [ReactiveFormsModule, RouterLink, PanelPage, FormStatus, SubmitButton],
  template: `
    <app-panel-page heading="Forgot your password?" headingId="forgot-title">
      <p class="muted">We will email you a link to choose a new one.</p>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-busy]="state.busy()">
        <div class="field">
          <label for="email">Email</label>
          <input
            id="email"
            type="email"
            formControlName="email"
            autocomplete="email"
            required
            [attr.aria-invalid]="state.isInvalid('email')"
            aria-describedby="forgot-error"
          />
        </div>
        <app-form-status [state]="state" errorId="forgot-error" />
        <button
          appSubmit
          [busy]="state.busy()"
          busyLabel="Sending…"
          class="button button--primary button--block"
        >
          Email me a link
        </button>
      </form>
      <p class="muted"><a routerLink="/">Back to sign in</a></p>
    </app-panel-page>
  `,
})
export class ForgotPassword {
  private readonly api = inject(AccountApi);
  protected readonly state = new FormState(inject(APP_CONFIG).apiUrl);
  protected readonly form = inject(NonNullableFormBuilder).group({ email: [''] });

  protected submit(): void {
    const email = this.form.getRawValue().email.trim();
    if (!email.includes('@')) {
      return this.state.fail('Enter your email address.', 'email');
    }
    this.state.run(this.api.requestPasswordReset(email), () =>
      this.state.done.set(`Check your email: if ${email} has an account, a link is on its way.`),
    );
  }
}

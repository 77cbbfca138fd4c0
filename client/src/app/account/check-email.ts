import { Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';
import { FormStatus } from '../ui/form-status';
import { PanelPage } from '../ui/page';

/** "Check your email" after sign-up, with a button to send the link again. */
@Component({
  selector: 'app-check-email',
  imports: [RouterLink, PanelPage, FormStatus],
  template: `
    <app-panel-page heading="Check your email" headingId="check-title">
      <p>
        We sent a link to <strong>{{ email() || 'your address' }}</strong>. Open it to confirm your
        address, then sign in. The link works for 3 days.
      </p>
      @if (email()) {
        <button type="button" class="button" (click)="resend()" [attr.aria-busy]="state.busy()">
          Send the link again
        </button>
      }
      <app-form-status [state]="state" />
      <p class="muted"><a routerLink="/">Back to sign in</a></p>
    </app-panel-page>
  `,
})
export class CheckEmail {
  private readonly api = inject(AccountApi);
  /** From the query string (`withComponentInputBinding`). */
  readonly email = input('');
  protected readonly state = new FormState(inject(APP_CONFIG).apiUrl);

  protected resend(): void {
    this.state.run(this.api.resendVerification(this.email()), () =>
      this.state.done.set('Sent. It can take a minute to arrive.'),
    );
  }
}

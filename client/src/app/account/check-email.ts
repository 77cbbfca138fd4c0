import { Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';

/** "Check your email" after sign-up, with a button to send the link again. */
@Component({
  selector: 'app-check-email',
  imports: [RouterLink],
  template: `
    <main class="page page--center">
      <section class="panel" aria-labelledby="check-title">
        <div class="brand" aria-hidden="true">JWT</div>
        <h1 id="check-title">Check your email</h1>
        <p>
          We sent a link to <strong>{{ email() || 'your address' }}</strong>. Open it to confirm
          your address, then sign in. The link works for 3 days.
        </p>
        @if (email()) {
          <button type="button" class="button" (click)="resend()" [attr.aria-busy]="state.busy()">
            Send the link again
          </button>
        }
        <p class="notice" role="status" [textContent]="state.done()"></p>
        <p class="alert" aria-live="assertive" aria-atomic="true" [textContent]="state.error()"></p>
        <p class="muted"><a routerLink="/">Back to sign in</a></p>
      </section>
    </main>
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

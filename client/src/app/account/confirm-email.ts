import { Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService } from '../auth/auth.service';
import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';

/**
 * `/confirm-email?key=…`, the link sent to a new address. It waits for the session to be
 * restored, so that this tab's session (sent along as its token) is the one kept.
 */
@Component({
  selector: 'app-confirm-email',
  imports: [RouterLink],
  template: `
    <main class="page page--center">
      <section class="panel" aria-labelledby="confirm-title" [attr.aria-busy]="state.busy()">
        <div class="brand" aria-hidden="true">JWT</div>
        <h1 id="confirm-title">Confirm your new email address</h1>
        @if (state.busy()) {
          <p role="status"><span class="spinner" aria-hidden="true"></span> Confirming…</p>
        }
        <p class="notice" role="status" [textContent]="state.done()"></p>
        <p class="alert" aria-live="assertive" aria-atomic="true" [textContent]="state.error()"></p>
        @if (confirmed() || state.error()) {
          <a class="button button--block" routerLink="/">Continue</a>
        }
      </section>
    </main>
  `,
})
export class ConfirmEmail {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);
  readonly key = input('');
  protected readonly confirmed = signal(false);
  protected readonly state = new FormState(inject(APP_CONFIG).apiUrl);
  private started = false;

  constructor() {
    effect(() => {
      if (this.auth.status() !== 'restoring' && !this.started) {
        this.started = true;
        untracked(() => this.confirm());
      }
    });
  }

  private confirm(): void {
    if (!this.key()) {
      return this.state.fail('This link has no key. Open the link from the email again.');
    }
    this.state.run(this.api.confirmEmailChange(this.key()), ({ user }) => {
      this.confirmed.set(true);
      this.auth.updateUser(user);
      this.state.done.set(
        `Your email address is now ${user.email}. Other devices were signed out.`,
      );
    });
  }
}

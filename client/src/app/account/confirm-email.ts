import { Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService } from '../auth/auth.service';
import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';
import { FormStatus } from '../ui/form-status';
import { PanelPage } from '../ui/page';

/**
 * `/confirm-email?key=…`, the link sent to a new address. It waits for the session to be
 * restored, so that this tab's session (sent along as its token) is the one kept.
 */
@Component({
  selector: 'app-confirm-email',
  imports: [RouterLink, PanelPage, FormStatus],
  template: `
    <app-panel-page
      heading="Confirm your new email address"
      headingId="confirm-title"
      [busy]="state.busy()"
    >
      @if (state.busy()) {
        <p role="status"><span class="spinner" aria-hidden="true"></span> Confirming…</p>
      }
      <app-form-status [state]="state" />
      @if (confirmed() || state.error()) {
        <a class="button button--block" routerLink="/">Continue</a>
      }
    </app-panel-page>
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

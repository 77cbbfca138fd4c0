import { Component, OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';
import { FormStatus } from '../ui/form-status';
import { PanelPage } from '../ui/page';

/** `/verify-email?key=…`, the link of the verification email: confirms the address. */
@Component({
  selector: 'app-verify-email',
  imports: [RouterLink, PanelPage, FormStatus],
  template: `
    <app-panel-page
      heading="Confirm your email address"
      headingId="verify-title"
      [busy]="state.busy()"
    >
      @if (state.busy()) {
        <p role="status"><span class="spinner" aria-hidden="true"></span> Confirming…</p>
      }
      <app-form-status [state]="state" />
      @if (verified()) {
        <a class="button button--primary button--block" routerLink="/">Sign in</a>
      } @else if (state.error()) {
        <p class="muted">
          <a routerLink="/check-email">Ask for a new link</a> or <a routerLink="/">sign in</a>.
        </p>
      }
    </app-panel-page>
  `,
})
export class VerifyEmail implements OnInit {
  private readonly api = inject(AccountApi);
  readonly key = input('');
  protected readonly verified = signal(false);
  protected readonly state = new FormState(inject(APP_CONFIG).apiUrl);

  ngOnInit(): void {
    if (!this.key()) {
      return this.state.fail('This link has no key. Open the link from the email again.');
    }
    this.state.run(this.api.verifyEmail(this.key()), ({ user }) => {
      this.verified.set(true);
      this.state.done.set(`Thank you, ${user.username}: your address is confirmed.`);
    });
  }
}

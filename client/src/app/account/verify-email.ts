import { Component, OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { APP_CONFIG } from '../config';
import { AccountApi } from './account-api';
import { FormState } from './form-state';

/** `/verify-email?key=…`, the link of the verification email: confirms the address. */
@Component({
  selector: 'app-verify-email',
  imports: [RouterLink],
  template: `
    <main class="page page--center">
      <section class="panel" aria-labelledby="verify-title" [attr.aria-busy]="state.busy()">
        <div class="brand" aria-hidden="true">JWT</div>
        <h1 id="verify-title">Confirm your email address</h1>
        @if (state.busy()) {
          <p role="status"><span class="spinner" aria-hidden="true"></span> Confirming…</p>
        }
        <p class="notice" role="status" [textContent]="state.done()"></p>
        <p class="alert" aria-live="assertive" aria-atomic="true" [textContent]="state.error()"></p>
        @if (verified()) {
          <a class="button button--primary button--block" routerLink="/">Sign in</a>
        } @else if (state.error()) {
          <p class="muted">
            <a routerLink="/check-email">Ask for a new link</a> or <a routerLink="/">sign in</a>.
          </p>
        }
      </section>
    </main>
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

import { Component, inject } from '@angular/core';

import { AuthService } from '../auth/auth.service';
import { Home } from '../home/home';
import { Login } from '../login/login';

/** The start page: the screen for the session's state (restoring, signed in or not). */
@Component({
  selector: 'app-start',
  imports: [Home, Login],
  template: `
    @switch (auth.status()) {
      @case ('restoring') {
        <main class="page page--center">
          <p role="status" class="muted">
            <span class="spinner" aria-hidden="true"></span> Restoring your session…
          </p>
        </main>
      }
      @case ('signed-in') {
        <app-home />
      }
      @default {
        <app-login />
      }
    }
  `,
})
export class Start {
  protected readonly auth = inject(AuthService);
}

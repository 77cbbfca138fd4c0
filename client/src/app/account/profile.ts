import { Component, OnInit, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { AuthService } from '../auth/auth.service';
import { APP_CONFIG } from '../config';
import { FormStatus } from '../ui/form-status';
import { AccountApi, AccountSession } from './account-api';
import { FormState } from './form-state';

/** Your account: names, email, password, sessions, and deleting it (confirmed twice). */
@Component({
  selector: 'app-profile',
  imports: [ReactiveFormsModule, RouterLink, FormStatus],
  templateUrl: './profile.html',
})
export class Profile implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);
  protected readonly auth = inject(AuthService);
  private readonly apiUrl = inject(APP_CONFIG).apiUrl;
  private readonly forms = inject(NonNullableFormBuilder);

  protected readonly names = new FormState(this.apiUrl);
  protected readonly email = new FormState(this.apiUrl);
  protected readonly password = new FormState(this.apiUrl);
  protected readonly sessionsState = new FormState(this.apiUrl);
  protected readonly removal = new FormState(this.apiUrl);
  protected readonly sessions = signal<readonly AccountSession[]>([]);
  /** Deleting asks twice: the password, then "Yes, delete my account". */
  protected readonly confirmingDelete = signal(false);

  protected readonly namesForm = this.forms.group({
    firstName: [this.auth.user()?.first_name ?? ''],
    lastName: [this.auth.user()?.last_name ?? ''],
  });
  protected readonly emailForm = this.forms.group({ newEmail: [''], password: [''] });
  protected readonly passwordForm = this.forms.group({ oldPassword: [''], newPassword: [''] });
  protected readonly deleteForm = this.forms.group({ password: [''] });

  ngOnInit(): void {
    this.loadSessions();
  }

  protected saveNames(): void {
    const { firstName, lastName } = this.namesForm.getRawValue();
    this.names.run(this.api.updateNames(firstName.trim(), lastName.trim()), (user) => {
      this.auth.updateUser(user);
      this.names.done.set('Saved.');
    });
  }

  protected changeEmail(): void {
    const { newEmail, password } = this.emailForm.getRawValue();
    if (!newEmail.includes('@')) {
      return this.email.fail('Enter the new address.', 'new_email');
    }
    this.email.run(this.api.requestEmailChange(newEmail.trim(), password), () => {
      this.emailForm.reset();
      this.email.done.set(`Check ${newEmail.trim()}: open the link there to confirm it.`);
    });
  }

  protected changePassword(): void {
    const { oldPassword, newPassword } = this.passwordForm.getRawValue();
    this.password.run(this.api.changePassword(oldPassword, newPassword), () => {
      this.passwordForm.reset();
      this.password.done.set('Password changed. Your other sessions were signed out.');
      this.auth.refreshAccessToken().subscribe(() => this.loadSessions());
    });
  }

  protected endSession(session: AccountSession): void {
    this.sessionsState.run(this.api.endSession(session.id), () => {
      this.sessionsState.done.set('Session ended.');
      this.loadSessions();
    });
  }

  protected askDelete(): void {
    if (!this.deleteForm.getRawValue().password) {
      return this.removal.fail('Enter your password to delete your account.', 'password');
    }
    this.removal.fail('');
    this.confirmingDelete.set(true);
  }

  protected deleteAccount(): void {
    this.removal.run(this.api.deleteAccount(this.deleteForm.getRawValue().password), () => {
      this.auth.endSession('Your account has been deleted.');
      void this.router.navigateByUrl('/');
    });
    this.confirmingDelete.set(false);
  }

  private loadSessions(): void {
    this.sessionsState.run(this.api.sessions(), (sessions) => this.sessions.set(sessions));
  }
}

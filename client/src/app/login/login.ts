import { Component, ElementRef, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { HttpErrorResponse } from '@angular/common/http';

import { AuthService } from '../auth/auth.service';
import { describeError } from '../auth/error-messages';
import { APP_CONFIG } from '../config';
import { PanelPage } from '../ui/page';
import { SubmitButton } from '../ui/submit-button';

/** The sign-in form; errors are announced through an `aria-live` region. */
@Component({
  selector: 'app-login',
  imports: [ReactiveFormsModule, RouterLink, PanelPage, SubmitButton],
  templateUrl: './login.html',
})
export class Login {
  private readonly auth = inject(AuthService);
  protected readonly apiUrl = inject(APP_CONFIG).apiUrl;
  protected readonly notice = this.auth.notice;
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  /** The field the current error is about, marked `aria-invalid` and focused. */
  protected readonly invalidField = signal<Field | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [''],
    password: [''],
  });

  private readonly usernameInput =
    viewChild.required<ElementRef<HTMLInputElement>>('usernameInput');
  private readonly passwordInput =
    viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  constructor() {
    afterNextRender(() => this.usernameInput().nativeElement.focus());
  }

  protected submit(): void {
    if (this.busy()) {
      return;
    }
    this.error.set('');
    this.invalidField.set(null);
    const { username, password } = this.form.getRawValue();
    if (!username.trim()) {
      this.fail('Enter your username.', 'username');
      return;
    }
    if (!password) {
      this.fail('Enter your password.', 'password');
      return;
    }
    this.busy.set(true);
    this.auth.login(username.trim(), password).subscribe({
      error: (error: unknown) => {
        this.busy.set(false);
        const wrongCredentials = error instanceof HttpErrorResponse && error.status === 401;
        this.fail(describeError(error, this.apiUrl), wrongCredentials ? 'password' : null);
      },
    });
  }

  /** Show the message; move focus to the field to fix, selecting a wrong password. */
  private fail(message: string, field: Field | null): void {
    this.error.set(message);
    this.invalidField.set(field);
    const input = field === 'username' ? this.usernameInput() : field && this.passwordInput();
    input?.nativeElement.focus();
    input?.nativeElement.select();
  }
}

type Field = 'username' | 'password';

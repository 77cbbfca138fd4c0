import { signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable } from 'rxjs';

import { describeError } from '../auth/error-messages';
import { ApiError } from '../auth/models';

/**
 * The state of one form: busy while its request runs, then a readable error (announced by
 * the form's `aria-live` region) and the fields the API named, for `aria-invalid`.
 */
export class FormState {
  readonly busy = signal(false);
  readonly error = signal('');
  readonly done = signal('');
  readonly invalid = signal<readonly string[]>([]);

  constructor(private readonly apiUrl: string) {}

  /** Show a problem found before calling the API. */
  fail(message: string, field?: string): void {
    this.error.set(message);
    this.invalid.set(field ? [field] : []);
    this.done.set('');
  }

  /** Run `request` unless one is running; `success` gets its answer. */
  run<T>(request: Observable<T>, success: (answer: T) => void): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.fail('');
    request.subscribe({
      next: (answer) => {
        this.busy.set(false);
        success(answer);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(describeError(error, this.apiUrl));
        this.invalid.set(fieldsOf(error));
      },
    });
  }

  isInvalid(field: string): true | null {
    return this.invalid().includes(field) || null;
  }
}

function fieldsOf(error: unknown): string[] {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object') {
    return [];
  }
  return Object.keys((error.error as ApiError | null)?.errors ?? {});
}

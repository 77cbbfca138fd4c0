import { Component, input } from '@angular/core';

import { FormState } from '../account/form-state';

/**
 * A form's two live regions: its error, read out at once (`errorId` lets the fields point
 * at it with `aria-describedby`), and its confirmation. Each is hidden while empty.
 */
@Component({
  selector: 'app-form-status',
  template: `
    <p
      [id]="errorId()"
      class="alert"
      aria-live="assertive"
      aria-atomic="true"
      [textContent]="state().error()"
    ></p>
    <p class="notice" role="status" [textContent]="state().done()"></p>
  `,
})
export class FormStatus {
  readonly state = input.required<FormState>();
  readonly errorId = input<string | null>(null);
}

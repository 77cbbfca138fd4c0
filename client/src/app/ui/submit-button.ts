import { Component, input } from '@angular/core';

/**
 * A form's submit button: `<button appSubmit [busy]="state.busy()" busyLabel="Saving…">Save</button>`
 * shows a spinner and `busyLabel` while the request runs, and its own content otherwise.
 */
@Component({
  selector: 'button[appSubmit]',
  host: { type: 'submit' },
  template: `
    @if (busy()) {
      <span class="spinner" aria-hidden="true"></span> {{ busyLabel() }}
    } @else {
      <ng-content />
    }
  `,
})
export class SubmitButton {
  readonly busy = input.required<boolean>();
  readonly busyLabel = input.required<string>();
}

import { Component, input } from '@angular/core';

/**
 * The centred panel of the signed-out pages (sign in, sign up, the email links): the brand
 * and the page's heading, which names the panel for assistive technology; the page's own
 * content is projected below it.
 */
@Component({
  selector: 'app-panel-page',
  template: `
    <main class="page page--center">
      <section class="panel" [attr.aria-labelledby]="headingId()" [attr.aria-busy]="busy()">
        <div class="brand" aria-hidden="true">JWT</div>
        <h1 [id]="headingId()">{{ heading() }}</h1>
        <ng-content />
      </section>
    </main>
  `,
})
export class PanelPage {
  readonly heading = input.required<string>();
  readonly headingId = input.required<string>();
  /** Marks the panel busy while a request that fills it (a link's check) runs. */
  readonly busy = input<boolean | null>(null);
}

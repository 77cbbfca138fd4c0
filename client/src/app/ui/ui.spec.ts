import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { FormState } from '../account/form-state';
import { FormStatus } from './form-status';
import { PanelPage } from './page';
import { SubmitButton } from './submit-button';

@Component({
  imports: [PanelPage, FormStatus, SubmitButton],
  template: `
    <app-panel-page heading="Sign in" headingId="t" [busy]="busy()">
      <form (submit)="$event.preventDefault(); submitted = submitted + 1">
        <app-form-status [state]="state" errorId="e" />
        <button appSubmit [busy]="busy()" busyLabel="Signing in…">Sign in</button>
      </form>
    </app-panel-page>
  `,
})
class Host {
  readonly busy = signal(false);
  readonly state = new FormState('http://api.test');
  submitted = 0;
}

describe('the shared form pieces', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return { fixture, page: fixture.nativeElement as HTMLElement };
  }

  it('names the panel by its heading and marks it busy', async () => {
    const { fixture, page } = await render();
    const panel = page.querySelector('section.panel')!;
    expect(panel.getAttribute('aria-labelledby')).toBe('t');
    expect(page.querySelector('h1#t')?.textContent).toBe('Sign in');
    expect(panel.getAttribute('aria-busy')).toBe('false');
    fixture.componentInstance.busy.set(true);
    await fixture.whenStable();
    expect(panel.getAttribute('aria-busy')).toBe('true');
  });

  it('announces the error assertively under its id, and the confirmation politely', async () => {
    const { fixture, page } = await render();
    fixture.componentInstance.state.fail('Wrong password.');
    fixture.componentInstance.state.done.set('');
    await fixture.whenStable();
    const alert = page.querySelector('#e')!;
    expect(alert.textContent).toBe('Wrong password.');
    expect(alert.getAttribute('aria-live')).toBe('assertive');
    fixture.componentInstance.state.done.set('Saved.');
    await fixture.whenStable();
    expect(page.querySelector('[role=status]')?.textContent).toBe('Saved.');
  });

  it('submits its form, and shows a spinner and the busy label while busy', async () => {
    const { fixture, page } = await render();
    const button = page.querySelector<HTMLButtonElement>('button[appSubmit]')!;
    expect(button.type).toBe('submit');
    expect(button.textContent?.trim()).toBe('Sign in');
    button.click();
    expect(fixture.componentInstance.submitted).toBe(1);
    fixture.componentInstance.busy.set(true);
    await fixture.whenStable();
    expect(button.querySelector('.spinner')).not.toBeNull();
    expect(button.textContent?.trim()).toBe('Signing in…');
  });
});

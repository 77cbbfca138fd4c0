import { JsonPipe } from '@angular/common';
import { Component, ElementRef, afterNextRender, inject, signal, viewChild } from '@angular/core';

import { AuthService } from '../auth/auth.service';
import { describeError } from '../auth/error-messages';
import { APP_CONFIG } from '../config';
import { RandomUser, RandomUserService } from '../random-user/random-user';
import { UserCard } from '../random-user/user-card';

/** The signed-in screen: welcome, random user card with its raw JSON, and logout. */
@Component({
  selector: 'app-home',
  imports: [JsonPipe, UserCard],
  templateUrl: './home.html',
})
export class Home {
  private readonly auth = inject(AuthService);
  private readonly randomUsers = inject(RandomUserService);
  private readonly apiUrl = inject(APP_CONFIG).apiUrl;

  protected readonly user = this.auth.user;
  protected readonly card = signal<RandomUser | null>(null);
  protected readonly loading = signal(false);
  protected readonly status = signal('');
  protected readonly error = signal('');
  protected readonly showJson = signal(false);
  protected readonly loggingOut = signal(false);

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  protected getRandomUser(): void {
    if (this.loading()) {
      return;
    }
    this.loading.set(true);
    this.error.set('');
    this.status.set('Loading a random user…');
    this.randomUsers.fetch().subscribe({
      next: (card) => {
        this.card.set(card);
        this.status.set(`Showing ${card.name}.`);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.status.set('');
        this.error.set(describeError(error, this.apiUrl));
        this.loading.set(false);
      },
    });
  }

  protected toggleJson(): void {
    this.showJson.update((shown) => !shown);
  }

  protected logout(): void {
    this.loggingOut.set(true);
    this.auth.logout().subscribe();
  }
}

import { JsonPipe } from '@angular/common';
import {
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { finalize } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { describeError } from '../auth/error-messages';
import { APP_CONFIG } from '../config';
import { RandomUser, RandomUserService } from '../random-user/random-user';
import { UserCard } from '../random-user/user-card';

/** The signed-in screen: welcome, random user card with its raw JSON, and logout. */
@Component({
  selector: 'app-home',
  imports: [JsonPipe, RouterLink, UserCard],
  templateUrl: './home.html',
})
export class Home {
  private readonly auth = inject(AuthService);
  private readonly randomUsers = inject(RandomUserService);
  private readonly apiUrl = inject(APP_CONFIG).apiUrl;

  protected readonly user = this.auth.user;
  protected readonly card = signal<RandomUser | null>(null);
  private readonly inFlight = signal(0);
  private latestCall = 0;
  protected readonly loading = computed(() => this.inFlight() > 0);
  protected readonly status = signal('');
  protected readonly error = signal('');
  protected readonly showJson = signal(false);
  protected readonly loggingOut = signal(false);

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  /**
   * Fetch a card. Clicks are not blocked while one is loading (a double click sends two
   * calls at once, which the interceptor must handle); the latest click's answer wins.
   */
  protected getRandomUser(): void {
    const call = ++this.latestCall;
    this.inFlight.update((count) => count + 1);
    this.error.set('');
    this.status.set('Loading a random user…');
    this.randomUsers
      .fetch()
      .pipe(finalize(() => this.inFlight.update((count) => count - 1)))
      .subscribe({
        next: (card) => call === this.latestCall && this.show(card),
        error: (error: unknown) => call === this.latestCall && this.fail(error),
      });
  }

  private show(card: RandomUser): void {
    this.card.set(card);
    this.status.set(`Showing ${card.name}.`);
  }

  private fail(error: unknown): void {
    this.status.set('');
    this.error.set(describeError(error, this.apiUrl));
  }

  protected toggleJson(): void {
    this.showJson.update((shown) => !shown);
  }

  protected logout(): void {
    this.loggingOut.set(true);
    this.auth.logout().subscribe();
  }
}

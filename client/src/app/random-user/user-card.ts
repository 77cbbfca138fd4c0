import { Component, input } from '@angular/core';

import { RandomUser } from './random-user';

/** One random user as a card: avatar, name, contact details, address and company. */
@Component({
  selector: 'app-user-card',
  templateUrl: './user-card.html',
})
export class UserCard {
  readonly user = input.required<RandomUser>();
}

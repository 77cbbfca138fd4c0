import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { provideRouter } from '@angular/router';

import { authInterceptor } from './auth/auth.interceptor';
import { User } from './auth/models';
import { APP_CONFIG } from './config';
import { RandomUser } from './random-user/random-user';

/** Helpers shared by the specs (not part of the app bundle: only specs import it). */
export const API = 'http://api.test:8000';

export const USER: User = {
  id: 1,
  username: 'ada',
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
};

export const RANDOM_USER: RandomUser = {
  name: 'Grace Hopper',
  username: 'grace',
  email: 'grace@example.com',
  address: {
    street: '1 Navy Way',
    suite: 'Suite 7',
    city: 'Arlington',
    zipcode: '22202',
    geo: { lat: '38.8700', lng: '-77.0500' },
  },
  phone: '555-0100',
  website: 'grace.example',
  company: { name: 'Cobol Inc', catchPhrase: 'Compile the future', bs: 'debug moths' },
  avatar: `${API}/api/avatars/grace.svg`,
};

export function provideTestHttp(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([authInterceptor])),
    provideHttpClientTesting(),
    provideRouter([]),
    { provide: APP_CONFIG, useValue: { apiUrl: API } },
  ];
}

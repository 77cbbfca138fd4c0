import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';

import { routes } from './app.routes';
import { authInterceptor } from './auth/auth.interceptor';
import { APP_CONFIG, AppConfig } from './config';

/** Providers for the app, with the config loaded from `config.json` at start-up. */
export function appConfig(config: AppConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideHttpClient(withInterceptors([authInterceptor])),
      // Query parameters of emailed links (`?key=…`) become the pages' inputs.
      provideRouter(routes, withComponentInputBinding()),
      { provide: APP_CONFIG, useValue: config },
    ],
  };
}

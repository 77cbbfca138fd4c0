import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';

import { authInterceptor } from './auth/auth.interceptor';
import { APP_CONFIG, AppConfig } from './config';

/** Providers for the app, with the config loaded from `config.json` at start-up. */
export function appConfig(config: AppConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideHttpClient(withInterceptors([authInterceptor])),
      { provide: APP_CONFIG, useValue: config },
    ],
  };
}

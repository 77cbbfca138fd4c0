import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { loadConfig } from './app/config';

// The API URL is read at run time so that one build can be served against any API.
loadConfig()
  .then((config) => bootstrapApplication(App, appConfig(config)))
  .catch((error: unknown) => console.error(error));

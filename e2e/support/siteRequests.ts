import type { Page } from '@playwright/test';

/** Everything a page asks the network for, and every console error, while a test runs. */
export const watchPage = (page: Page) => {
  const requests: { url: string; type: string }[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { requests, consoleErrors };
};

import { describe, expect, it } from 'vitest';
import { actionLabel, isRefusedAction } from '../../src/bootstrap/public-role';

describe('the Public role', () => {
  it('is refused content, media, end-user accounts and sending e-mail, whatever was ticked in the admin', () => {
    for (const action of [
      'api::page.page.find',
      'plugin::upload.content-api.upload',
      'plugin::users-permissions.auth.register',
      // POST /api/email: anyone could send mail from the coalition's server.
      'plugin::email.email.send',
    ])
      expect(isRefusedAction(action), action).toBe(true);
  });

  it('keeps what no one can misuse: the list of languages', () => {
    expect(isRefusedAction('plugin::i18n.locales.listLocales')).toBe(false);
  });

  it('names a refused action as the admin’s Roles page shows it, not by its code', () => {
    expect(actionLabel('plugin::email.email.send')).toBe('Email → send');
    expect(actionLabel('api::page.page.find')).toBe('Page → find');
    expect(actionLabel('plugin::users-permissions.auth.register')).toBe('Users-permissions → auth → register');
    expect(actionLabel('plugin::users-permissions.user.find')).toBe('Users-permissions → user → find');
  });
});

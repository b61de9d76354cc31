import { describe, expect, it } from 'vitest';
import { isRefusedAction } from '../../src/bootstrap/public-role';

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
});

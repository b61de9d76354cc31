import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { logIn } from '../support/adminUi';
import { submissions } from '../support/adminApi';
import { watchPage } from '../support/siteRequests';
import { cms, mailUrl, site } from '../support/system';

/**
 * The coalition's own forms as a visitor without JavaScript uses them: every form in English
 * and in Spanish, on the pages the seed puts them on, sent to the page itself and answered with
 * its thank-you page; the way back with every value when something is wrong; nothing asked of
 * any other site, and no script on any form page.
 */
test.use({ javaScriptEnabled: false });

/** The site refuses a form sent sooner than a person could have filled it (lib/forms/formToken.ts). */
const FASTEST_FILL_MS = 3_000;
const unique = () => randomBytes(3).toString('hex');

/**
 * A visitor address of its own for each test (the site reads X-Forwarded-For from a proxy on
 * loopback, as from Varnish): the CMS allows a few forms an hour from one address, and the tests
 * are several people, not one sending again and again.
 */
const visitorAddress = () => `198.51.100.${1 + (randomBytes(1)[0]! % 254)}`;

/** Opens a form page and checks what it asks of the network: its own site only, and no script. */
const openForm = async (page: Page, path: string) => {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': visitorAddress() });
  const watched = watchPage(page);
  await page.goto(`${site()}${path}`);
  const openedAt = Date.now();
  const siteOrigin = new URL(site()).origin;
  expect(watched.requests.filter((request) => new URL(request.url).origin !== siteOrigin)).toEqual([]);
  expect(watched.requests.filter((request) => request.type === 'script')).toEqual([]);
  await expect(page.locator('script')).toHaveCount(0);
  return {
    /** Waits, if need be, until a person could have filled it in, then presses its button. */
    send: async (button: Locator) => {
      const waited = FASTEST_FILL_MS + 200 - (Date.now() - openedAt);
      if (waited > 0) await page.waitForTimeout(waited);
      await button.click();
    },
  };
};

const group = (form: Locator, name: string | RegExp) => form.getByRole('group', { name });
/** A form's own section of its page (the footer holds the newsletter's sign-up too). */
const section = (page: Page, kind: string) => page.locator(`#${kind}-form`);

type Case = {
  form: 'contact' | 'volunteer' | 'stay-informed' | 'help';
  language: 'English' | 'Spanish';
  path: string;
  button: string;
  thanks: RegExp;
  /** Fills the form (its section of the page) as a person would; returns the name it was sent under. */
  fill: (form: Locator) => Promise<string>;
};

const CASES: Case[] = [
  {
    form: 'contact',
    language: 'English',
    path: '/contact-us/',
    button: 'Send message',
    thanks: /Thank you, we have your message/,
    fill: async (form) => {
      const name = `Dana O’Neil ${unique()}`;
      await form.getByLabel('Your name').fill(name);
      await form.getByLabel('E-mail address').fill('dana@example.org');
      await group(form, /What is it about/)
        .getByLabel('Clearing a record')
        .check();
      await form.getByLabel('Your message').fill('Can an arrest from 2015 be sealed?');
      return name;
    },
  },
  {
    form: 'contact',
    language: 'Spanish',
    path: '/es/contacto/',
    button: 'Enviar mensaje',
    thanks: /Gracias, recibimos su mensaje/,
    fill: async (form) => {
      const name = `Begoña Muñoz ${unique()}`;
      await form.getByLabel('Su nombre').fill(name);
      await form.getByLabel('Correo electrónico').fill('begona@example.org');
      await group(form, /Sobre qué es su mensaje/)
        .getByLabel('Limpiar un historial')
        .check();
      await form.getByLabel('Su mensaje').fill('¿Se puede sellar un arresto? Muchísimas gracias.');
      return name;
    },
  },
  {
    form: 'volunteer',
    language: 'English',
    path: '/get-involved/volunteer/',
    button: 'Sign up',
    thanks: /Thank you for signing up/,
    fill: async (form) => {
      const name = `Sam Rivera ${unique()}`;
      await form.getByLabel('Your name').fill(name);
      await form.getByLabel('E-mail address').fill('sam@example.org');
      await form.getByLabel(/Phone/).fill('773-555-0142');
      await group(form, /How would you like to help/)
        .getByLabel('Events')
        .check();
      await group(form, /How would you like to help/)
        .getByLabel('Translation (Spanish)')
        .check();
      return name;
    },
  },
  {
    form: 'volunteer',
    language: 'Spanish',
    path: '/es/participe/voluntariado/',
    button: 'Inscribirme',
    thanks: /Gracias por inscribirse/,
    fill: async (form) => {
      const name = `Íñigo Peña ${unique()}`;
      await form.getByLabel('Su nombre').fill(name);
      await form.getByLabel('Correo electrónico').fill('inigo@example.org');
      await group(form, /Cómo le gustaría ayudar/)
        .getByLabel('Difusión en mi comunidad')
        .check();
      await form.getByLabel(/Algo más que debamos saber/).fill('Hablo español e inglés; también puedo traducir.');
      return name;
    },
  },
  {
    form: 'stay-informed',
    language: 'English',
    path: '/get-involved/stay-informed/',
    button: 'Sign up',
    thanks: /You are signed up/,
    fill: async (form) => {
      const name = `Lee Park ${unique()}`;
      await form.getByLabel('Your name').fill(name);
      await form.getByLabel('E-mail address').fill('lee@example.org');
      await group(form, /What would you like to hear about/)
        .getByLabel('Changes in the law')
        .check();
      return name;
    },
  },
  {
    form: 'stay-informed',
    language: 'Spanish',
    path: '/es/participe/mantengase-informado/',
    button: 'Inscribirme',
    thanks: /Ya está inscrito/,
    fill: async (form) => {
      const name = `Ramón Gómez ${unique()}`;
      await form.getByLabel('Su nombre').fill(name);
      await form.getByLabel('Correo electrónico').fill('ramon@example.org');
      await group(form, /Sobre qué quiere recibir noticias/)
        .getByLabel('Cambios en la ley')
        .check();
      return name;
    },
  },
  {
    form: 'help',
    language: 'English',
    path: '/services/ask-for-help/',
    button: 'Ask for help',
    thanks: /We have your request/,
    fill: async (form) => {
      const name = `Jo ${unique()}`;
      await form.getByLabel('First name or nickname').fill(name);
      await group(form, /How should we reach you/)
        .getByLabel('Text message')
        .check();
      await form.getByLabel('Phone number or e-mail address').fill('312-555-0100');
      await group(form, /safe to leave a message/)
        .getByLabel('No', { exact: true })
        .check();
      await group(form, /Which language do you prefer/)
        .getByLabel('English')
        .check();
      await form.getByLabel(/In which county/).selectOption('Cook');
      await group(form, /Roughly when was the case/)
        .getByLabel('More than five years ago')
        .check();
      await group(form, /How did the case end/)
        .getByLabel('Supervision')
        .check();
      await group(form, /related to cannabis/)
        .getByLabel('Yes', { exact: true })
        .check();
      await group(form, /under 18/)
        .getByLabel('No', { exact: true })
        .check();
      return name;
    },
  },
  {
    form: 'help',
    language: 'Spanish',
    path: '/es/servicios/pida-ayuda/',
    button: 'Pedir ayuda',
    thanks: /Recibimos su solicitud/,
    fill: async (form) => {
      const name = `Maricruz ${unique()}`;
      await form.getByLabel('Nombre o apodo').fill(name);
      await group(form, /Cómo prefiere que nos comuniquemos/)
        .getByLabel('Llamada telefónica')
        .check();
      await form.getByLabel('Número de teléfono o correo electrónico').fill('773-555-0123');
      await group(form, /Es seguro dejarle un mensaje/)
        .getByLabel('Sí', { exact: true })
        .check();
      await group(form, /Qué idioma prefiere/)
        .getByLabel('Español')
        .check();
      await form.getByLabel(/En qué condado/).selectOption('Fuera de Illinois');
      await group(form, /cuándo fue el caso/)
        .getByLabel('Hace entre uno y cinco años')
        .check();
      await group(form, /Cómo terminó el caso/)
        .getByLabel('Solo arresto, sin cargos')
        .check();
      await group(form, /Tuvo que ver con cannabis/)
        .getByLabel('No estoy seguro/a')
        .check();
      await group(form, /menos de 18 años/)
        .getByLabel('No', { exact: true })
        .check();
      await form.getByLabel(/Algo más que quiera contarnos/).fill('Fue en Waukegan; ¿qué documentos necesito?');
      return name;
    },
  },
];

/** How the notice's subject names each form (cms/src/forms/notice-text.ts), one or several at once. */
const NOTICE_WORDS: Record<Case['form'], string> = {
  contact: 'contact form',
  volunteer: 'volunteer sign-ups?',
  'stay-informed': 'sign-ups? for updates',
  help: 'help requests?',
};

const noticeSubjects = async (): Promise<string[]> =>
  ((await (await fetch(`${mailUrl()}messages.json`)).json()) as { subject: string }[]).map((m) => m.subject);

for (const form of CASES) {
  test(`the ${form.form} form is sent in ${form.language} without JavaScript, thanked on its own address and kept as written`, async ({
    page,
  }) => {
    const { send } = await openForm(page, form.path);
    const name = await form.fill(section(page, form.form));
    await send(section(page, form.form).getByRole('button', { name: form.button }));
    // The form's own fragment (#contact-form) stays with the address, as browsers keep it over a redirect.
    await expect(page).toHaveURL(new RegExp(`/(thanks|es/gracias)/${form.form}/(#.*)?$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(form.thanks);
    const kept = await submissions(form.form === 'help' ? 'help-request' : 'form-submission');
    const entry = kept.find((s) => (s.name ?? s.firstName) === name);
    expect(entry, `${name} is kept`).toMatchObject({
      state: 'new',
      language: form.language === 'Spanish' ? 'es' : 'en',
    });
    // Staff are told, in words that hold nothing the visitor wrote.
    await expect
      .poll(noticeSubjects)
      .toContainEqual(expect.stringMatching(new RegExp(`${NOTICE_WORDS[form.form]}.*, ${form.language}$`, 'i')));
    expect(await (await fetch(`${mailUrl()}messages.json`)).text()).not.toContain(name);
  });
}

test('a form with a mistake comes back with every value, the mistake named and linked, and “Error:” in the title', async ({
  page,
}) => {
  const { send } = await openForm(page, '/es/contacto/');
  const form = section(page, 'contact');
  const name = `Zoë Ibáñez ${unique()}`;
  await form.getByLabel('Su nombre').fill(name);
  // The browser takes an address without a dot in its domain; the site does not.
  await form.getByLabel('Correo electrónico').fill('zoe@ejemplo');
  await group(form, /Sobre qué es su mensaje/)
    .getByLabel('Prensa y medios')
    .check();
  await form.getByLabel('Su mensaje').fill('Línea uno.\nLínea dos, con acentos: áéíóú ñ ü.');
  await send(form.getByRole('button', { name: 'Enviar mensaje' }));
  await expect(page).toHaveTitle(/^Error: /);
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading')).toHaveText('Hay un problema');
  const link = summary.getByRole('link', { name: /Correo electrónico/ });
  await expect(link).toHaveAttribute('href', '#contact-email');
  await expect(form.getByLabel('Su nombre')).toHaveValue(name);
  await expect(form.getByLabel('Correo electrónico')).toHaveValue('zoe@ejemplo');
  await expect(form.getByLabel('Correo electrónico')).toHaveAttribute('aria-invalid', 'true');
  await expect(group(form, /Sobre qué es su mensaje/).getByLabel('Prensa y medios')).toBeChecked();
  await expect(form.getByLabel('Su mensaje')).toHaveValue('Línea uno.\nLínea dos, con acentos: áéíóú ñ ü.');
  // Fixed, it goes: the page came back with a fresh token.
  await form.getByLabel('Correo electrónico').fill('zoe@ejemplo.org');
  await page.waitForTimeout(FASTEST_FILL_MS + 200);
  await form.getByRole('button', { name: 'Enviar mensaje' }).click();
  await expect(page).toHaveURL(/\/es\/gracias\/contact\/(#.*)?$/);
  const kept = (await submissions('form-submission')).find((s) => s.name === name);
  expect(kept?.message).toBe('Línea uno.\nLínea dos, con acentos: áéíóú ñ ü.');
});

test('a person using only the keyboard fills in and sends a form', async ({ page }) => {
  await openForm(page, '/contact-us/');
  const form = section(page, 'contact');
  const name = `Keyboard Person ${unique()}`;
  await form.getByLabel('Your name').focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type('keys@example.org');
  // The topics: Tab into the group, arrows choose.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Typed without a mouse.');
  await page.waitForTimeout(FASTEST_FILL_MS);
  // The hidden trap is never reached with Tab: the next stop is the button.
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Send message' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/thanks\/contact\/(#.*)?$/);
  const kept = (await submissions('form-submission')).find((s) => s.name === name);
  expect(kept).toMatchObject({ email: 'keys@example.org', topic: 'Volunteering or partnering', state: 'new' });
});

test('staff see a visitor’s message in the admin', async ({ page }) => {
  const { send } = await openForm(page, '/contact-us/');
  const form = section(page, 'contact');
  const name = `Visible To Staff ${unique()}`;
  await form.getByLabel('Your name').fill(name);
  await form.getByLabel('E-mail address').fill('staff-see@example.org');
  await form.getByLabel('Your message').fill('Hello from the site.');
  await send(form.getByRole('button', { name: 'Send message' }));
  await expect(page).toHaveURL(/\/thanks\/contact\/(#.*)?$/);
  const admin = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  const staff = await admin.newPage();
  await logIn(staff);
  await staff.goto(`${cms()}/admin/content-manager/collection-types/api::form-submission.form-submission`);
  await expect(staff.getByRole('row').filter({ hasText: name })).toBeVisible();
  await admin.close();
});

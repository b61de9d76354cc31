import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminSession, contentApi, editorSession, sendContentApi } from '../support/http';
import { sqlOn } from '../support/sql-on';

const strapi = () => inject('strapi');
const formsToken = () => strapi().env.STRAPI_FORMS_TOKEN!;
const DAY_MS = 24 * 60 * 60 * 1000;
const SUBMISSIONS = 'api::form-submission.form-submission';
const HELP = 'api::help-request.help-request';
const opaque = () => randomBytes(18).toString('base64url');

type Values = Record<string, string | string[]>;

/** One post as the site makes it, from a visitor of its own (a fresh address key) unless told. */
const submit = (
  form: string,
  values: Values,
  {
    language = 'es',
    client = opaque(),
    nonce = opaque(),
    token = formsToken() as string | null,
    trapFilled = undefined as boolean | undefined,
  } = {},
) =>
  sendContentApi(
    'POST',
    '/form-submissions/submit',
    {
      data: {
        form,
        language,
        values,
        nonce,
        nonceExpiresAt: Date.now() + 3_600_000,
        client,
        ...(trapFilled === undefined ? {} : { trapFilled }),
      },
    },
    token,
  );

const CONTACT: Values = {
  name: 'José Núñez',
  email: 'jose@example.org',
  topic: 'Limpiar un historial',
  message: '¿Puedo limpiar mi historial de 2009? Gracias.',
};

const HELP_REQUEST: Values = {
  firstName: 'Begoña',
  reachBy: 'text',
  contact: '312-555-0147',
  safeToLeaveMessage: 'no',
  preferredLanguage: 'spanish',
  county: 'Cook',
  caseWhen: 'over-five-years',
  caseKind: 'supervision',
  cannabisRelated: 'yes',
  under18: 'no',
  message: 'Me arrestaron una vez, no sé qué pasó después.',
};

const database = () => ({ label: strapi().database, env: strapi().env, drop: async () => undefined });

/** Moves a row's time back `days`, as if the clock had moved on since it was written. */
const backdate = async (table: string, column: string, documentId: string, days: number) => {
  if (database().label === 'postgres') {
    await sqlOn(database(), [
      `update ${table} set ${column} = ${column} - interval '${days} days' where document_id = '${documentId}'`,
    ]);
    return;
  }
  const [[row] = []] = await sqlOn(database(), [
    `select ${column} as v from ${table} where document_id = '${documentId}'`,
  ]);
  const value = row!.v;
  const shifted =
    typeof value === 'number'
      ? String(value - days * DAY_MS)
      : `'${new Date(new Date(String(value)).getTime() - days * DAY_MS).toISOString()}'`;
  await sqlOn(database(), [`update ${table} set ${column} = ${shifted} where document_id = '${documentId}'`]);
};

const list = async (session: Awaited<ReturnType<typeof adminSession>>, uid: string) =>
  session.call('GET', `/content-manager/collection-types/${uid}?pageSize=100&sort=createdAt:desc`);

describe('the forms’ wording', () => {
  it('is seeded and published for all four forms in English and Spanish, and the site reads it with its read token', async () => {
    for (const form of ['contact-form', 'volunteer-form', 'stay-informed-form', 'help-request-form']) {
      for (const locale of ['en', 'es']) {
        const { status, body } = await contentApi(`/${form}`, { locale, populate: '*' });
        expect(status, `${form} ${locale}`).toBe(200);
        expect((body.data as { title: string }).title.length, `${form} ${locale}`).toBeGreaterThan(3);
      }
    }
    const help = await contentApi('/help-request-form', { locale: 'es' });
    expect((help.body.data as { otherHelp: string }).otherHelp).toContain('855-963-9532');
  });
});

describe('a submission from the site', () => {
  it('is kept with its accents and answered with its documentId only; the Editor sees it in the admin', async () => {
    const { status, body } = await submit('contact', CONTACT, { language: 'es' });
    expect(status).toBe(201);
    expect(body).toEqual({ data: { documentId: expect.any(String), outcome: 'received' } });
    const editor = await editorSession();
    const { status: listed, body: page } = await list(editor, SUBMISSIONS);
    expect(listed).toBe(200);
    const kept = (page.results as Record<string, unknown>[]).find(
      (row) => row.documentId === (body.data as { documentId: string }).documentId,
    );
    expect(kept).toMatchObject({ ...CONTACT, form: 'contact', language: 'es', state: 'new' });
  });

  it('is refused with the read token, without a token, and the forms token reads nothing', async () => {
    expect((await submit('contact', CONTACT, { token: strapi().readToken })).status).toBe(403);
    expect((await submit('contact', CONTACT, { token: null })).status).toBe(401);
    expect((await contentApi('/contact-form', {}, formsToken())).status).toBe(403);
    expect((await contentApi('/pages', {}, formsToken())).status).toBe(403);
  });

  it('comes back field by field when a field is wrong, missing or not the form’s, and nothing is kept', async () => {
    const before = (await list(await adminSession(), SUBMISSIONS)).body.pagination as { total: number };
    const { status, body } = await submit('contact', {
      name: '',
      email: 'not-an-address',
      topic: 'A topic staff never wrote',
      message: 'x'.repeat(3001),
      ssn: '123-45-6789',
    });
    expect(status).toBe(400);
    expect((body.error as { details: unknown }).details).toEqual({
      code: 'invalid-fields',
      fields: { name: 'required', email: 'email', topic: 'choice', message: 'too-long', ssn: 'unknown' },
    });
    const after = (await list(await adminSession(), SUBMISSIONS)).body.pagination as { total: number };
    expect(after.total).toBe(before.total);
  });

  it('keeps the visitor’s token and allowance through a mistake: the corrected form goes through with the same token', async () => {
    const [nonce, client] = [opaque(), opaque()];
    for (let i = 0; i < 6; i += 1)
      expect((await submit('contact', { ...CONTACT, email: 'typo@' }, { nonce, client })).status).toBe(400);
    expect((await submit('contact', CONTACT, { nonce, client })).status).toBe(201);
  });

  it('is refused when its token was used before, even from another visitor', async () => {
    const nonce = opaque();
    expect((await submit('contact', CONTACT, { nonce })).status).toBe(201);
    const replay = await submit('contact', CONTACT, { nonce });
    expect(replay.status).toBe(409);
    expect((replay.body.error as { details: { code: string } }).details.code).toBe('token-used');
  });

  it('is refused after five from one visitor to one form in an hour, saying when to try again; other forms and visitors go on', async () => {
    const client = opaque();
    for (let i = 0; i < 5; i += 1) expect((await submit('contact', CONTACT, { client })).status).toBe(201);
    const sixth = await fetch(`${strapi().url}/api/form-submissions/submit`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${formsToken()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: {
          form: 'contact',
          language: 'es',
          values: CONTACT,
          nonce: opaque(),
          nonceExpiresAt: Date.now() + 60_000,
          client,
        },
      }),
    });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect((await submit('stay-informed', { name: 'Ana', email: 'ana@example.org' }, { client })).status).toBe(201);
    expect((await submit('contact', CONTACT)).status).toBe(201);
  });

  it('is set aside as possible spam, never dropped, when it holds too many links or a word of staff’s block list', async () => {
    const links = await submit('contact', {
      ...CONTACT,
      message: 'Cheap https://a.example https://b.example www.c.example',
    });
    expect(links.status).toBe(201);
    expect(links.body.data).toMatchObject({ outcome: 'set-aside' });
    const admin = await adminSession();
    expect(
      (
        await admin.call('PUT', '/content-manager/single-types/api::spam-filter.spam-filter', {
          blockedWords: `casino bonus\n@spam.example\n${'long pasted line '.repeat(20)}`,
          mostLinks: 2,
        })
      ).status,
    ).toBe(200);
    const word = await submit('contact', { ...CONTACT, message: 'Best CASINO BONUS here' });
    // A line of the filter longer than the reason's field still sets aside (its quote is cut short).
    const long = await submit('contact', { ...CONTACT, message: `Hi ${'long pasted line '.repeat(20)}` });
    expect(long.status).toBe(201);
    expect(long.body.data).toMatchObject({ outcome: 'set-aside' });
    const domain = await submit('stay-informed', { name: 'X', email: 'x@spam.example' });
    const fine = await submit('contact', { ...CONTACT, message: 'One link is fine: https://example.org' });
    // The site's hidden trap came filled: a bot, or a browser's autofill for a person.
    const trapped = await submit('contact', CONTACT, { trapFilled: true });
    expect([word, domain, fine, trapped].map((r) => (r.body.data as { outcome: string }).outcome)).toEqual([
      'set-aside',
      'set-aside',
      'received',
      'set-aside',
    ]);
    const kept = (await list(admin, SUBMISSIONS)).body.results as Record<string, unknown>[];
    const setAside = kept.find((row) => row.documentId === (links.body.data as { documentId: string }).documentId);
    expect(setAside).toMatchObject({ state: 'possible-spam', setAsideBecause: '3 links (the filter allows 2)' });
    const trap = kept.find((row) => row.documentId === (trapped.body.data as { documentId: string }).documentId);
    expect(trap).toMatchObject({ state: 'possible-spam', setAsideBecause: expect.stringMatching(/hidden field/) });
  });
});

/** The Intake role's session, made by the help requests' tests (the export's use it too). */
let intakeToken = '';

describe('help requests', () => {
  let intake: Awaited<ReturnType<typeof adminSession>>;
  let requestId: string;

  beforeAll(async () => {
    const admin = await adminSession();
    const roles = (await admin.call('GET', '/admin/roles')).body.data as { id: number; code: string }[];
    const role = roles.find((r) => r.code === 'intake');
    expect(role, 'the Intake role exists').toBeDefined();
    const email = `intake-${opaque()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}@example.org`;
    const created = await admin.call('POST', '/admin/users', {
      firstname: 'In',
      lastname: 'Take',
      email,
      roles: [role!.id],
    });
    expect(created.status).toBe(201);
    const registration = (created.body.data as { registrationToken: string }).registrationToken;
    const registered = await fetch(`${strapi().url}/admin/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        registrationToken: registration,
        userInfo: { firstname: 'In', lastname: 'Take', password: `Intake-${opaque()}-1a` },
      }),
    });
    expect(registered.status).toBe(200);
    const token = ((await registered.json()) as { data: { token: string } }).data.token;
    intakeToken = token;
    intake = {
      call: async (method, path, body) => {
        const response = await fetch(`${strapi().url}${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
      },
      upload: async () => ({ status: 0, body: null }),
    };
    const sent = await submit('help', HELP_REQUEST, { language: 'es' });
    expect(sent.status).toBe(201);
    requestId = (sent.body.data as { documentId: string }).documentId;
  });

  it('are read by the Intake role, and by no Editor', async () => {
    const editor = await editorSession();
    expect((await list(editor, HELP)).status).toBe(403);
    expect((await editor.call('GET', `/content-manager/collection-types/${HELP}/${requestId}`)).status).toBe(403);
    const { status, body } = await list(intake, HELP);
    expect(status).toBe(200);
    expect((body.results as Record<string, unknown>[]).find((row) => row.documentId === requestId)).toMatchObject(
      HELP_REQUEST,
    );
    // Intake sees help requests and nothing else.
    expect((await list(intake, SUBMISSIONS)).status).toBe(403);
    expect((await list(intake, 'api::page.page')).status).toBe(403);
  });

  it('refuse a county, a case kind or a field the form does not have', async () => {
    const { status, body } = await submit('help', {
      ...HELP_REQUEST,
      county: 'Atlantis',
      caseKind: 'felony',
      dateOfBirth: '1980-01-01',
    });
    expect(status).toBe(400);
    expect((body.error as { details: { fields: unknown } }).details.fields).toEqual({
      county: 'choice',
      caseKind: 'choice',
      dateOfBirth: 'unknown',
    });
  });

  it('are marked handled by Intake, who can change the status and nothing else; the CMS notes when', async () => {
    const path = `/content-manager/collection-types/${HELP}/${requestId}`;
    const { status, body } = await intake.call('PUT', path, { state: 'handled', firstName: 'Changed' });
    expect(status).toBe(200);
    const saved = body.data as Record<string, unknown>;
    expect(saved.state).toBe('handled');
    expect(saved.firstName).toBe(HELP_REQUEST.firstName);
    expect(Date.now() - new Date(String(saved.handledAt)).getTime()).toBeLessThan(60_000);
  });
});

describe('the retention job', () => {
  it('deletes, once the clock has moved on, what is past its keeping time and nothing else, and keeps the counts', async () => {
    const old = await submit('contact', CONTACT);
    const recent = await submit('contact', CONTACT);
    const volunteer = await submit('volunteer', { name: 'Vi', email: 'vi@example.org', interests: ['Eventos'] });
    const spam = await submit('contact', {
      ...CONTACT,
      message: 'https://a.example https://b.example https://c.example',
    });
    const handled = await submit('help', HELP_REQUEST);
    const waiting = await submit('help', HELP_REQUEST);
    const id = (sent: { body: Record<string, unknown> }) => (sent.body.data as { documentId: string }).documentId;
    for (const sent of [old, recent, volunteer, spam, handled, waiting]) expect(sent.status).toBe(201);
    const admin = await adminSession();
    expect(
      (await admin.call('PUT', `/content-manager/collection-types/${HELP}/${id(handled)}`, { state: 'handled' }))
        .status,
    ).toBe(200);

    await backdate('form_submissions', 'created_at', id(old), 181);
    await backdate('form_submissions', 'created_at', id(recent), 179);
    await backdate('form_submissions', 'created_at', id(volunteer), 3000);
    await backdate('form_submissions', 'created_at', id(spam), 31);
    await backdate('help_requests', 'handled_at', id(handled), 91);
    await backdate('help_requests', 'created_at', id(waiting), 400);

    const run = await admin.call('POST', '/site-tools/forms/delete-due');
    expect(run.status).toBe(200);
    expect(run.body.deleted).toEqual({ contact: 1, help: 1, 'possible-spam': 1 });
    const remaining = async (uid: string) =>
      new Set(((await list(admin, uid)).body.results as { documentId: string }[]).map((row) => row.documentId));
    const submissions = await remaining(SUBMISSIONS);
    const requests = await remaining(HELP);
    expect(submissions.has(id(old))).toBe(false);
    expect(submissions.has(id(spam))).toBe(false);
    expect(requests.has(id(handled))).toBe(false);
    expect(submissions.has(id(recent))).toBe(true);
    expect(submissions.has(id(volunteer))).toBe(true);
    expect(requests.has(id(waiting))).toBe(true);
    const [totals] = await sqlOn(database(), [
      "select form, outcome, count from form_totals where outcome = 'deleted' order by form",
    ]);
    expect(totals!.map((row) => `${String(row.form)}:${Number(row.count)}`)).toEqual(
      expect.arrayContaining(['contact:1', 'help:1', 'possible-spam:1']),
    );
    // An Editor cannot run it (it deletes help requests too).
    expect((await (await editorSession()).call('POST', '/site-tools/forms/delete-due')).status).toBe(403);
  });
});

describe('the export', () => {
  it('gives staff a spreadsheet of what they may read, accents kept and formulas never run; help requests to Intake only', async () => {
    expect((await submit('contact', { ...CONTACT, message: '=HYPERLINK("http://x.example","clic")' })).status).toBe(
      201,
    );
    const download = async (token: string, name: string) =>
      fetch(`${strapi().url}/site-tools/forms/export/${name}`, { headers: { Authorization: `Bearer ${token}` } });
    const sheet = await download(strapi().editorToken, 'form-submissions');
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(sheet.headers.get('cache-control')).toBe('no-store');
    expect(sheet.headers.get('content-disposition')).toMatch(
      /attachment; filename="form-submissions-\d{4}-\d\d-\d\d\.csv"/,
    );
    const bytes = new Uint8Array(await sheet.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'the byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('form,name,email,')).toBe(true);
    expect(text).toContain('José Núñez');
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""clic"")"`);
    expect((await download(strapi().editorToken, 'help-requests')).status).toBe(403);
    expect((await download(intakeToken, 'form-submissions')).status).toBe(403);
    const help = await download(intakeToken, 'help-requests');
    expect(help.status).toBe(200);
    expect((await help.text()).split('\r\n')[0]).toBe(
      'firstName,reachBy,contact,safeToLeaveMessage,preferredLanguage,county,caseWhen,caseKind,cannabisRelated,under18,message,language,state,setAsideBecause,createdAt,handledAt',
    );
  });
});

describe('the notices', () => {
  it('reach the form’s recipients through SMTP naming the form and language only, and no e-mail ever holds what a visitor wrote', async () => {
    const admin = await adminSession();
    const settings = await admin.call('GET', '/content-manager/single-types/api::contact-form.contact-form?locale=en');
    const recipients = ((settings.body.data as { recipients: { email: string }[] }).recipients ?? []).map(
      (recipient) => recipient.email,
    );
    expect(recipients.length, 'the seed names the site settings’ contact address').toBeGreaterThan(0);
    // The site never reads who is told, nor how long things are kept.
    const published = await contentApi('/contact-form', { locale: 'es', populate: '*' });
    expect(published.body.data).not.toHaveProperty('recipients');
    expect(published.body.data).not.toHaveProperty('keepDays');

    const since = Date.now();
    expect((await submit('contact', CONTACT)).status).toBe(201);
    const { url } = inject('mail');
    type Captured = { envelope: { to: string[] }; subject: string; text: string; receivedAt: string };
    let notice: Captured | undefined;
    for (const deadline = Date.now() + 15_000; !notice && Date.now() < deadline;) {
      const messages = (await (await fetch(`${url}messages.json`)).json()) as Captured[];
      notice = messages.find(
        (message) =>
          new Date(message.receivedAt).getTime() >= since - 1000 &&
          /contact form, Spanish$/.test(message.subject) &&
          recipients.every((recipient) => message.envelope.to.includes(recipient)),
      );
      if (!notice) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(notice, 'a notice of the new message').toBeDefined();
    expect(notice!.text).toContain('/admin/content-manager/collection-types/api::form-submission.form-submission');

    const everything = JSON.stringify(await (await fetch(`${url}messages.json`)).json());
    for (const written of [
      ...Object.values(CONTACT).flat(),
      ...Object.values(HELP_REQUEST)
        .flat()
        .filter((value) => value.length > 4),
    ])
      expect(everything, 'what a visitor wrote is in no e-mail').not.toContain(written);
  });
});

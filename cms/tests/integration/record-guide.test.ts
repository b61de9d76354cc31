import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { contentApi, editorSession, sendContentApi } from '../support/http';
import { sqlOn } from '../support/sql-on';

const strapi = () => inject('strapi');
const database = () => ({ label: strapi().database, env: strapi().env, drop: async () => undefined });
const GUIDE = '/content-manager/single-types/api::record-guide.record-guide';
type Json = Record<string, unknown>;
type Step = { key: string; question: string; help?: string | null; answers: { label: string; leadsTo: string }[] };

let editor: Awaited<ReturnType<typeof editorSession>>;
let seeded: Json;

/** A component as the edit form sends it back: without the ids Strapi adds. */
const withoutIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutIds)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([name]) => name !== 'id' && name !== 'documentId')
            .map(([name, inner]) => [name, withoutIds(inner)]),
        )
      : value;

/** The draft with these questions; a field left out of a save keeps its value (the outcomes, the links). */
const formOf = (guide: Json, steps: Step[]) => ({
  title: guide.title,
  intro: guide.intro,
  notAdvice: guide.notAdvice,
  steps: withoutIds(steps),
});

const stepsOf = (guide: Json) => guide.steps as Step[];
const save = (locale: string, data: Json) => editor.call('PUT', `${GUIDE}?locale=${locale}`, data);
const publish = (locale: string) => editor.call('POST', `${GUIDE}/actions/publish?locale=${locale}`, {});

beforeAll(async () => {
  editor = await editorSession();
  const { status, body } = await editor.call('GET', `${GUIDE}?locale=en`);
  expect(status).toBe(200);
  seeded = (body as { data: Json }).data;
});

afterAll(async () => {
  // Back to the seed's questions, and unpublished: the other files find the guide as the first run left it.
  await save('en', formOf(seeded, stepsOf(seeded)));
  await editor.call('POST', `${GUIDE}/actions/unpublish?locale=en`, {});
});

describe('the record guide in the CMS', () => {
  it('is seeded as a draft in English and Spanish, which the site cannot read until it is published', async () => {
    expect(seeded.title).toBe('Can my record be cleared?');
    expect(seeded.publishedAt).toBeNull();
    const spanish = await editor.call('GET', `${GUIDE}?locale=es`);
    expect((spanish.body as { data: Json }).data.title).toBe('¿Se pueden limpiar mis antecedentes?');
    expect((await contentApi('/record-guide', { locale: 'en' })).status).toBe(404);
    expect(String(seeded.notes)).toMatch(/20 ILCS 2630\/5\.2/);
  });

  it('refuses to publish a guide with an answer that leads nowhere, naming the question and the answer', async () => {
    const steps = structuredClone(stepsOf(seeded));
    steps[1]!.answers[1]!.leadsTo = 'no-such-step';
    expect((await save('en', formOf(seeded, steps))).status).toBe(200);
    const refused = await publish('en');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(
      /leads to \\"no-such-step\\", which is the key of no question or outcome/,
    );
    expect((await contentApi('/record-guide', { locale: 'en' })).status).toBe(404);
  });

  it('refuses to publish a guide with a loop', async () => {
    const steps = structuredClone(stepsOf(seeded));
    steps[2]!.answers[0]!.leadsTo = 'what-happened';
    await save('en', formOf(seeded, steps));
    const refused = await publish('en');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/leads back to question 1/);
  });

  it('refuses to publish a guide with a question no answer leads to', async () => {
    const steps = [
      ...structuredClone(stepsOf(seeded)),
      { key: 'lonely', question: 'Lonely?', answers: [{ label: 'Yes', leadsTo: 'automatic' }] },
    ];
    await save('en', formOf(seeded, steps));
    const refused = await publish('en');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/No answer leads to question 6/);
  });

  it('publishes a sound guide, which the site then reads without its staff notes', async () => {
    await save('en', formOf(seeded, stepsOf(seeded)));
    expect((await publish('en')).status).toBe(200);
    const { status, body } = await contentApi('/record-guide', {
      locale: 'en',
      populate: { steps: { populate: { answers: true } }, outcomes: true },
    });
    expect(status).toBe(200);
    const data = (body as { data: Json }).data;
    expect(stepsOf(data)).toHaveLength(5);
    expect(data).not.toHaveProperty('notes');
  });

  it('counts an outcome the site reports with its forms token (language, month, key: nothing else), and nothing else counts', async () => {
    const formsToken = strapi().env.STRAPI_FORMS_TOKEN!;
    const count = (body: unknown, token: string | null = formsToken) =>
      sendContentApi('POST', '/record-guide/outcomes', body, token);
    expect((await count({ locale: 'en', outcome: 'automatic' })).status).toBe(204);
    expect((await count({ locale: 'en', outcome: 'automatic' })).status).toBe(204);
    expect((await count({ locale: 'en', outcome: 'no-such-outcome' })).status).toBe(404);
    expect((await count({ locale: 'es', outcome: 'automatic' })).status).toBe(404); // not published in Spanish
    expect((await count({ locale: 'en', outcome: 'automatic', answers: '0.0.0.0' })).status).toBe(204);
    expect((await count({ locale: 'xx', outcome: 'automatic' })).status).toBe(400);
    expect((await count({ locale: 'en', outcome: 'automatic' }, strapi().readToken)).status).toBe(403);
    const [rows] = await sqlOn(database(), ['select * from record_guide_outcome_counts']);
    const month = new Date().toISOString().slice(0, 7);
    expect(rows).toEqual([{ locale: 'en', month, outcome: 'automatic', count: 3 }]);
    const staff = await editor.call('GET', '/site-tools/record-guide/counts?locale=en');
    expect(staff.body).toEqual({ counts: [{ outcome: 'automatic', month, count: 3 }] });
  });
});

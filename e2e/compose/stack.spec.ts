import { expect, test } from '@playwright/test';
import { createStack, health, IMAGES, readmeCommands, requireDocker, SERVICES, upHealthy, waitHealthy, type Stack } from './stack.ts';

/**
 * docker-compose.yml for real: the images built, `docker compose up -d` with a generated .env,
 * every check through the ports published on 127.0.0.1, the README's backup commands as written.
 * Needs a Docker engine with the base images (sudo ops/base-images/build.sh) and `docker compose`.
 */
test.describe.configure({ mode: 'serial' });

const SEED = '/services/clear-your-record/';
const OTHER = '/contact-us/';
const CHANGED_TITLE = 'Clear Your Record in Illinois';
const STAFF = { email: 'ops@example.com', password: 'Ops-Passw0rd-1', firstname: 'Ops', lastname: 'Test' };
/** Settings only the CMS may hold (the site gets the read token and the two shared secrets). */
const CMS_ONLY = ['POSTGRES_PASSWORD', 'APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
const SECRETS = [...CMS_ONLY, 'STRAPI_READ_TOKEN', 'REVALIDATE_SECRET', 'PREVIEW_SECRET'];

let stack: Stack;
let token = '';

const site = async (p: string) => {
  const response = await fetch(`${stack.siteUrl}${p}`);
  return { status: response.status, text: await response.text() };
};
const cms = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${stack.cmsUrl}${p}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${p}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};
const registerAdmin = async () => {
  token = (await cms<{ data: { token: string } }>('POST', '/admin/register-admin', STAFF)).data.token;
};
/** The hero's image address, as the browser reads it (the HTML escapes its &amp;). */
const heroImage = (html: string) => /<img class="hero__image" src="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

/** The published change is there and the hero image (a media-library file) is served. */
const expectContentKept = async () => {
  const page = await site(SEED);
  expect(page.status).toBe(200);
  expect(page.text).toMatch(new RegExp(`<h1[^>]*>${CHANGED_TITLE}</h1>`));
  const image = heroImage(page.text);
  expect(image, 'the seed page has a hero image').toBeTruthy();
  expect((await fetch(`${stack.siteUrl}${image}`)).status).toBe(200);
  expect((await site(OTHER)).status).toBe(200);
};

/** Restores run against an empty stack: new volumes, first start (which seeds the old site's pages). */
const emptyStack = async () => {
  stack.compose(['down', '--volumes']);
  await upHealthy(stack);
  token = '';
  const seeded = await site(SEED);
  expect(seeded.text, 'a new stack has the seed, not the change').not.toContain(CHANGED_TITLE);
};

test.beforeAll(async () => {
  test.setTimeout(1_200_000);
  requireDocker();
  stack = await createStack(`ceic-compose-test-${process.pid}`);
  stack.compose(['build']);
});
test.afterAll(() => stack?.remove());

test('all three services become healthy after up, and the site and the admin answer on 127.0.0.1', async () => {
  test.setTimeout(300_000);
  const seconds = await upHealthy(stack);
  console.log(`compose: all healthy ${seconds.toFixed(1)} s after up`);
  expect(seconds).toBeLessThan(90);
  expect(health(stack)).toEqual({ postgres: 'healthy', cms: 'healthy', web: 'healthy' });

  for (const p of [SEED, OTHER]) expect((await site(p)).status, p).toBe(200);
  expect((await site(SEED)).text).toMatch(/<h1[^>]*>Clear Your Record<\/h1>/);
  const adminPage = await fetch(`${stack.cmsUrl}/admin/`);
  expect(adminPage.status).toBe(200);
  expect(await adminPage.text()).toContain('<div id="strapi"');
  expect((await fetch(`${stack.cmsUrl}/_health`)).status).toBe(204);

  // Only on the loopback interface: the published ports say so.
  for (const service of ['cms', 'web']) {
    const port = service === 'cms' ? '1337' : '4321';
    expect(stack.compose(['port', service, port]).trim(), service).toMatch(/^127\.0\.0\.1:\d+$/);
  }
});

test('a publish through the CMS API reaches the site through the webhook inside the compose network', async () => {
  await registerAdmin();
  const list = await cms<{ results: { documentId: string }[] }>('GET', `/content-manager/collection-types/api::page.page?filters[path][$eq]=${SEED}`);
  const documentId = list.results[0]!.documentId;
  const { data } = await cms<{ data: Record<string, unknown> }>('GET', `/content-manager/collection-types/api::page.page/${documentId}`);
  expect((await site(SEED)).text).not.toContain(CHANGED_TITLE); // cached before the publish
  await cms('POST', `/content-manager/collection-types/api::page.page/${documentId}/actions/publish`, { ...data, title: CHANGED_TITLE });
  await expect.poll(async () => (await site(SEED)).text, { timeout: 5000, intervals: [100] }).toMatch(new RegExp(`<h1[^>]*>${CHANGED_TITLE}</h1>`));
  await expectContentKept();
});

test('the containers run as unprivileged users', () => {
  for (const service of ['cms', 'web']) expect(stack.compose(['exec', '-T', service, 'id', '-u']).trim(), service).not.toBe('0');
  // Every process, PostgreSQL's included (its entrypoint starts as root and execs the server as postgres).
  for (const service of SERVICES) {
    const processes = stack.compose(['top', service]).trim().split('\n');
    const owners = processes.filter((line) => /^\S+\s+\d+\s+\d+/.test(line)).map((line) => line.split(/\s+/)[0]);
    expect(owners.length, `${service}: ${processes.join('\n')}`).toBeGreaterThan(0);
    for (const owner of owners) expect(['root', '0'], `${service}: ${processes.join('\n')}`).not.toContain(owner);
  }
});

test('no secret is in an image, and the site container holds none of the CMS’s secrets', () => {
  const values = SECRETS.map((name) => stack.env[name]!).filter(Boolean);
  expect(values.length).toBe(SECRETS.length);
  for (const image of Object.values(IMAGES)) {
    const history = stack.shell(`docker history --no-trunc --format '{{.CreatedBy}}' ${image}`);
    const inspect = stack.shell(`docker image inspect ${image}`);
    for (const value of values) {
      expect(history.includes(value), `${image} history`).toBe(false);
      expect(inspect.includes(value), `${image} inspect`).toBe(false);
    }
    // No .env was copied in (.dockerignore), whatever its values.
    expect(stack.shell(`docker run --rm --entrypoint sh ${image} -c 'find /app -name ".env*" -not -path "*/node_modules/*"'`).trim(), image).toBe('');
  }
  const webId = stack.compose(['ps', '-q', 'web']).trim();
  const webEnv = stack.shell(`docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' ${webId}`);
  for (const name of CMS_ONLY) {
    expect(webEnv.includes(stack.env[name]!), `web container holds ${name}`).toBe(false);
    expect(webEnv).not.toMatch(new RegExp(`^${name}=`, 'm'));
  }
});

test('docker compose restart, and down then up, lose nothing', async () => {
  test.setTimeout(300_000);
  stack.compose(['restart']);
  await waitHealthy(stack, 180);
  await expectContentKept();

  stack.compose(['down']);
  expect(stack.compose(['ps', '-q']).trim()).toBe('');
  await upHealthy(stack);
  await expectContentKept();
});

test('the README’s database-and-files backup, restored into an empty stack, brings the pages and media back', async () => {
  test.setTimeout(400_000);
  for (const line of readmeCommands('back up the database and the media files')) stack.shell(line);
  await emptyStack();
  for (const line of readmeCommands('restore the database and the media files')) stack.shell(line);
  await waitHealthy(stack, 180);
  await expectContentKept();
});

test('the README’s Strapi export, imported into an empty stack, brings the pages and media back', async () => {
  test.setTimeout(400_000);
  for (const line of readmeCommands("back up with Strapi's export")) stack.shell(line);
  await emptyStack();
  for (const line of readmeCommands("restore Strapi's export")) stack.shell(line);
  await waitHealthy(stack, 180);
  await expectContentKept();
});

test('down --volumes leaves no container and no volume behind', () => {
  stack.compose(['down', '--volumes']);
  expect(stack.compose(['ps', '-q']).trim()).toBe('');
  const volumes = stack.shell(`docker volume ls -q --filter label=com.docker.compose.project=${stack.project}`).trim();
  expect(volumes).toBe('');
});

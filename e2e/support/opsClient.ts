/**
 * What ops do over HTTP against the compose stack: read the site as a visitor, call the CMS's admin API as the
 * first administrator, find the hero image a page shows.
 */
export const OPS_ADMIN = { email: 'ops@example.com', password: 'Ops-Passw0rd-1', firstname: 'Ops', lastname: 'Test' };

export const opsClient = (urls: () => { siteUrl: string; cmsUrl: string }) => {
  let token = '';
  const cms = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${urls().cmsUrl}${p}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${p}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    site: async (p: string) => {
      const response = await fetch(`${urls().siteUrl}${p}`);
      return { status: response.status, text: await response.text() };
    },
    cms,
    /** Ops create the first admin on the admin's registration page; this is the call it makes. */
    registerAdmin: async () => {
      token = (await cms<{ data: { token: string } }>('POST', '/admin/register-admin', OPS_ADMIN)).data.token;
    },
    logIn: async () => {
      token = (
        await cms<{ data: { token: string } }>('POST', '/admin/login', {
          email: OPS_ADMIN.email,
          password: OPS_ADMIN.password,
        })
      ).data.token;
    },
    /** After a restore into an empty database: no admin, no session. */
    forgetLogin: () => {
      token = '';
    },
  };
};

/** The hero's image address, as the browser reads it (the HTML escapes its &amp;). */
export const heroImage = (html: string) =>
  /<img class="hero__image" src="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

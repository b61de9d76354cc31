export type ProvidedStrapi = {
  url: string;
  readToken: string;
  adminEmail: string;
  adminPassword: string;
  /** The staff login: the Editor role. */
  editorEmail: string;
  editorPassword: string;
  /**
   * Admin sessions made once for the whole suite (Strapi allows 5 logins per 5 minutes per
   * email): each test file reuses them instead of logging in again.
   */
  adminToken: string;
  editorToken: string;
  database: string;
  /** The environment the server runs with: a CLI run with it talks to the same database. */
  env: Record<string, string>;
};

/** The local SMTP capture server the suite's Strapi sends through (scripts/mail-capture.mts). */
export type ProvidedMail = {
  /** Its page; `${url}messages.json` lists what it received. */
  url: string;
  smtpPort: number;
};

declare module 'vitest' {
  interface ProvidedContext {
    strapi: ProvidedStrapi;
    mail: ProvidedMail;
  }
}

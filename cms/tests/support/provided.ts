export type ProvidedStrapi = {
  url: string;
  readToken: string;
  adminEmail: string;
  adminPassword: string;
  /** The staff login: the Editor role. */
  editorEmail: string;
  editorPassword: string;
  database: string;
  /** The environment the server runs with: a CLI run with it talks to the same database. */
  env: Record<string, string>;
};

declare module 'vitest' {
  interface ProvidedContext {
    strapi: ProvidedStrapi;
  }
}

import type { Core } from '@strapi/strapi';

type TableBuilder = Parameters<Core.Strapi['db']['connection']['schema']['createTable']>[1];

/**
 * Makes one of the CMS's own tables (the change journal, the kept links, the versions) unless it
 * exists. Raw, beside Strapi's: its schema sync drops only tables it created, and the import CLIs
 * use the same tables. Two processes starting at once may both try: the loser finds it made.
 */
export const ensureOwnTable = async (strapi: Core.Strapi, name: string, build: TableBuilder): Promise<void> => {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(name)) return;
  try {
    await knex.schema.createTable(name, build);
  } catch (error) {
    if (!(await knex.schema.hasTable(name))) throw new Error(`Could not create the table ${name}`, { cause: error });
  }
};

import { factories } from '@strapi/strapi';

/**
 * No content API route: the glossary is staff's tool, read and edited in the admin (the content
 * manager's own routes), never site content. With no route there is no action to grant either,
 * so no API token (the site's included) and no role can be given it by a click in the admin.
 */
export default factories.createCoreRouter('api::glossary.glossary', { only: [] });

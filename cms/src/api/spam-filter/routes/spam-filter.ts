import { factories } from '@strapi/strapi';

// Staff's own setting, read by the CMS when a form arrives: no content API route, so no token reads it.
export default factories.createCoreRouter('api::spam-filter.spam-filter', { only: [] });

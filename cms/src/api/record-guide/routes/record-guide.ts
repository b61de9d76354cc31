import { factories } from '@strapi/strapi';

// The site reads the guide with its read token; nothing writes it but the admin.
export default factories.createCoreRouter('api::record-guide.record-guide', { only: ['find'] });

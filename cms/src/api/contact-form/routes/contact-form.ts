import { factories } from '@strapi/strapi';

// The site reads the form's wording with its read token; nothing writes here but the admin.
export default factories.createCoreRouter('api::contact-form.contact-form', { only: ['find'] });

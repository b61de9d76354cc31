import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::volunteer-form.volunteer-form');

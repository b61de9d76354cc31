import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::help-request-form.help-request-form');

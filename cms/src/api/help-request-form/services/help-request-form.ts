import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::help-request-form.help-request-form');

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::spam-filter.spam-filter');

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::spam-filter.spam-filter');

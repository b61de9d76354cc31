import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::record-guide.record-guide');

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::stay-informed-form.stay-informed-form');

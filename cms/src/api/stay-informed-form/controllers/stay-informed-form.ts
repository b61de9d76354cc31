import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::stay-informed-form.stay-informed-form');

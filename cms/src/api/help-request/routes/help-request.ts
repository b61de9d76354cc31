import { factories } from '@strapi/strapi';

// No content API at all: requests arrive through /api/form-submissions/submit and are read only in
// the admin, by the Intake role.
export default factories.createCoreRouter('api::help-request.help-request', { only: [] });

/** Where global-setup.ts started the system. */
const required = (name: string): string => {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the suite with \`pnpm --filter e2e test\` (global-setup.ts starts the system)`,
    );
  return value;
};

export const site = () => required('E2E_SITE_URL');
export const cms = () => required('E2E_CMS_URL');
/** The ops login (Super Admin): for setting up and putting back what tests change. */
export const admin = () => ({ email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') });
/** The staff login (Editor): what staff do in the admin is done as them. */
export const editor = () => ({ email: required('E2E_EDITOR_EMAIL'), password: required('E2E_EDITOR_PASSWORD') });
/** The intake login (Intake role): the only staff who read help requests. */
export const intake = () => ({ email: required('E2E_INTAKE_EMAIL'), password: required('E2E_INTAKE_PASSWORD') });
export const databaseFile = () => required('E2E_DATABASE_FILE');
/** Every line the CMS and the site have printed so far (the global setup's system). */
export const cmsLogFile = () => required('E2E_CMS_LOG');
export const siteLogFile = () => required('E2E_SITE_LOG');
export const revalidateSecret = () => required('E2E_REVALIDATE_SECRET');
/** The site's send-only token for its forms: what a visitor's submission arrives with. */
export const formsToken = () => required('E2E_FORMS_TOKEN');
/** The capture server the CMS's e-mail goes to (its messages.json lists what it received). */
export const mailUrl = () => required('E2E_MAIL_URL');

export const SEED_PATH = '/services/clear-your-record/';
/** Every section type in every style (e2e/fixtures/pages/all-sections.md, imported by the global setup). */
export const ALL_SECTIONS_PATH = '/all-sections/';

import { config } from '../../config';
import type { Locale } from '../../i18n/locales';

/** A count is worth a moment, not a visitor's wait: the page is answered whether it lands or not. */
const COUNT_TIMEOUT_MS = 3_000;

/**
 * Tells the CMS one visit reached an outcome (POST /api/record-guide/outcomes, the forms token):
 * the outcome's key and the language, all that is kept of a visit. A failure is logged without
 * either, and the visitor sees their outcome all the same.
 */
export const countOutcome = async (locale: Locale, outcome: string): Promise<void> => {
  const { strapiUrl, formsToken } = config();
  try {
    const response = await fetch(`${strapiUrl}/api/record-guide/outcomes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${formsToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale, outcome }),
      signal: AbortSignal.timeout(COUNT_TIMEOUT_MS),
    });
    if (!response.ok) console.warn(`[guide] an outcome was not counted: the CMS answered ${response.status}`);
  } catch (error) {
    console.warn(`[guide] an outcome was not counted: ${(error as Error).name}`);
  }
};

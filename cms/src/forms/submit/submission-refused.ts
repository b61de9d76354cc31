import type { FieldErrors } from './submit-request';

type Refusal =
  | { status: 400; code: 'invalid-request'; message: string }
  | { status: 400; code: 'invalid-fields'; message: string; fields: FieldErrors }
  | { status: 409; code: 'token-used'; message: string }
  | { status: 429; code: 'too-many'; message: string; retryAfterSeconds: number }
  | { status: 503; code: 'form-not-set-up'; message: string }
  | { status: 503; code: 'not-kept'; message: string };

/** A submission the CMS will not keep, with what the site needs to say why (and to whom). */
export class SubmissionRefused extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal, options?: { cause?: unknown }) {
    super(refusal.message, options);
    this.name = 'SubmissionRefused';
    this.refusal = refusal;
  }
}

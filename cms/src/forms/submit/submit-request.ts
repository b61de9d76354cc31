import { z } from 'zod';
import { FORM_KIND_NAMES } from '../form-kinds';

/** Longest a token may stay valid: a slow fill of two hours must pass, a week-old page must not. */
export const LONGEST_TOKEN_MS = 6 * 60 * 60 * 1000;

const opaque = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'an opaque string of 16 to 128 URL-safe characters');

/**
 * What the site sends for one submission (POST /api/form-submissions/submit, with its forms
 * token). The site has already checked its own token (signature, age) and says whether the trap
 * field came filled (`trapFilled`): the CMS
 * keeps what several site replicas must share, the used tokens and the counts per visitor.
 * `client` is the site's keyed hash of the visitor's address: the CMS never sees the address.
 */
export const SubmitRequest = z
  .object({
    form: z.enum(FORM_KIND_NAMES),
    language: z.enum(['en', 'es']),
    values: z.record(z.string(), z.union([z.string().max(5000), z.array(z.string().max(200)).max(20)])),
    nonce: opaque,
    /** When the token stops being valid (ms since 1970): its nonce is remembered until then. */
    nonceExpiresAt: z.number().int().positive(),
    client: opaque,
    /** The site's hidden trap field came filled in: set aside as possible spam, never dropped. */
    trapFilled: z.boolean().optional(),
  })
  .strict();
export type SubmitRequest = z.infer<typeof SubmitRequest>;

/** Field-by-field reasons a submission was refused, by field name (the site shows them beside each field). */
export type FieldErrors = Record<string, string>;

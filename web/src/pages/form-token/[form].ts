import type { APIRoute } from 'astro';
import { tokenAnswer } from '../../lib/forms/tokenSlot';

/** A fresh form token for Varnish's ESI (lib/forms/tokenSlot.ts); the built site answers it in server.mts. */
export const GET: APIRoute = ({ params }) => {
  const { status, headers, body } = tokenAnswer(params.form);
  return new Response(body, { status, headers });
};

/** One error type for every way a CMS request can fail, with what a reader needs to act. */
export type CmsFailure = 'unreachable' | 'timeout' | 'http' | 'invalid';

export class CmsError extends Error {
  override name = 'CmsError';
  readonly kind: CmsFailure;
  readonly status: number | undefined;
  readonly path: string;

  constructor(kind: CmsFailure, path: string, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(`${message} (${path}${options.status ? `, HTTP ${options.status}` : ''})`, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.path = path;
  }

  /** The CMS could not answer at all (down, slow, or failing): a last good copy may stand in. */
  get isOutage(): boolean {
    return (
      this.kind === 'unreachable' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500)
    );
  }
}

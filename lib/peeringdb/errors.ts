export type PeeringDbFailure = 'auth' | 'forbidden' | 'throttled' | 'server' | 'network' | 'timeout' | 'invalid' | 'not_found' | 'aborted' | 'insecure' | 'redirect' | 'too_large';

/** A failure talking to PeeringDB, with a message fit for the sync status and the Test button. */
export class PeeringDbError extends Error {
  constructor(
    readonly kind: PeeringDbFailure,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

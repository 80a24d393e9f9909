import { ServiceError } from '@/lib/errors';

/** Every JSON body the API takes; the session import is the one bigger door (MAX_CONFIG_CHARS). */
export const MAX_JSON_BYTES = 1_000_000;

/**
 * The request body as text, read as it streams in and refused as soon as it passes `limit` bytes,
 * so an oversized body is never held in memory whole (Content-Length may be absent or lie).
 */
export const readBodyText = (req: Request, limit: number) => readCappedText(req, limit, () => tooLarge(limit));

/** A request's or a response's body as text, read no further than `limit` bytes; past it, `refuse()` is thrown. */
export async function readCappedText(message: Request | Response, limit: number, refuse: () => Error): Promise<string> {
  if (Number(message.headers.get('content-length')) > limit) {
    await message.body?.cancel();
    throw refuse();
  }
  if (!message.body) return '';
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = (limit: number) => new ServiceError('too_large', `The request body is larger than ${(limit / 1_000_000).toLocaleString('en')} MB`);

import { ServiceError } from '@/lib/errors';

/** Every JSON body the API takes; the session import is the one bigger door (MAX_CONFIG_CHARS). */
export const MAX_JSON_BYTES = 1_000_000;

/**
 * The request body as text, read as it streams in and refused as soon as it passes `limit` bytes,
 * so an oversized body is never held in memory whole (Content-Length may be absent or lie).
 */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  if (Number(req.headers.get('content-length')) > limit) throw tooLarge(limit);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = (limit: number) => new ServiceError('too_large', `The request body is larger than ${(limit / 1_000_000).toLocaleString('en')} MB`);

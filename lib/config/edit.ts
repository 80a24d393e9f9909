import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bgpSessions } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import { fieldError } from '@/lib/errors';
import { editProblem, maskSecrets } from './mask';

/**
 * The Config Manager's edit as the job, the change and the push history keep it: keys as ********,
 * which the push fills in from the session. An edit that types a key in is refused (field `config`).
 */
export async function storableEdit(tx: Tx, sessionId: number, edited: string | undefined): Promise<string | undefined> {
  if (edited === undefined) return undefined;
  const [session] = await tx.select({ md5Enc: bgpSessions.md5Enc }).from(bgpSessions).where(eq(bgpSessions.id, sessionId));
  const neighbor = { md5: session?.md5Enc ? decryptSecret(session.md5Enc) : null };
  const problem = editProblem(edited, neighbor);
  if (problem) throw fieldError('config', problem);
  return maskSecrets(edited, [neighbor]);
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { localAsns, pdbNetIxlans } from '@/db/schema';
import { ServiceError, fieldError } from '@/lib/errors';

/**
 * Which of our ASNs a status change at the exchange is for: the one given (it must be ours), else
 * our only ASN present there (or our only ASN at all); several leave the choice to the user.
 */
export async function resolveLocalAsn(db: Executor, ixId: number, given: number | undefined, exchangeName: string) {
  const ours = (await db.select({ asn: localAsns.asn }).from(localAsns).orderBy(asc(localAsns.asn))).map((r) => r.asn);
  if (!ours.length) throw new ServiceError('validation', 'Add your ASN in Peering Settings first');
  if (given !== undefined) {
    if (!ours.includes(given)) throw fieldError('localAsn', `AS${given} is not one of your ASNs (${ours.map((a) => `AS${a}`).join(', ')})`);
    return given;
  }
  if (ours.length === 1) return ours[0];
  const present = await db
    .selectDistinct({ asn: pdbNetIxlans.asn })
    .from(pdbNetIxlans)
    .where(and(eq(pdbNetIxlans.ixId, ixId), eq(pdbNetIxlans.status, 'ok'), inArray(pdbNetIxlans.asn, ours)))
    .orderBy(asc(pdbNetIxlans.asn));
  if (present.length === 1) return present[0].asn;
  const choices = (present.length ? present.map((r) => r.asn) : ours).map((a) => `AS${a}`).join(' or ');
  throw fieldError('localAsn', `You have several ASNs at ${exchangeName}: choose ${choices}`);
}

import { z } from 'zod';
import { peerStatusEnum } from '@/db/schema';
import { validationFailure } from '@/lib/auth/mutation';
import { acceptExchangeIdAlias } from '@/lib/api/ix-id';
import { ServiceError } from '@/lib/errors';
import { asnField } from './schemas';

/** The peer list filters of GET /peers and the Peers page. */
export const peerListFilterFields = z.object({
  status: z.enum(peerStatusEnum.enumValues, { message: `One of ${peerStatusEnum.enumValues.join(', ')}` }).optional(),
  ixId: z.coerce.number().int().positive('A PeeringDB ix id').optional(),
  localAsn: asnField.optional(),
});
export const peerListFilters = acceptExchangeIdAlias(peerListFilterFields);

/** The {asn} of a /peers/{asn} path, or a 400 the caller can act on. */
export function asnParam(value: string | undefined): number {
  const parsed = asnField.safeParse(value?.replace(/^AS/i, ''));
  if (!parsed.success) throw new ServiceError('validation', `"${value ?? ''}" is not an ASN`, { asn: parsed.error.issues[0].message });
  return parsed.data;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const failure = validationFailure(parsed.error);
    throw new ServiceError('validation', failure.message, failure.fields);
  }
  return parsed.data;
}

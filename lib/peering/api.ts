import { ServiceError } from '@/lib/errors';
import { asnField } from './schemas';

/** The {asn} of a /peers/{asn} path, or a 400 the caller can act on. */
export function asnParam(value: string | undefined): number {
  const parsed = asnField.safeParse(value?.replace(/^AS/i, ''));
  if (!parsed.success) throw new ServiceError('validation', `"${value ?? ''}" is not an ASN`, { asn: parsed.error.issues[0].message });
  return parsed.data;
}

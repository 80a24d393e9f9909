import { z } from 'zod';
import { asnField } from './schemas';

const ixId = z.coerce.number({ message: 'Choose an exchange' }).int('Choose an exchange').positive('Choose an exchange');
const address = z.string().trim().toLowerCase().email('Enter an email address');
/** "a@x, b@y" or a list. */
const addressList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,;\s]+/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(address).max(20, 'At most 20 addresses'));

export const sendPeeringRequestInput = z.object({
  peerAsn: asnField,
  ixIds: z.array(ixId, { message: 'Choose the exchanges' }).min(1, 'Choose at least one exchange').max(200),
  localAsn: asnField.optional(),
  to: addressList.pipe(z.array(address).min(1, 'Enter the address to send the request to')),
  cc: addressList.optional(),
  subject: z.string().trim().min(1, 'Write a subject').max(300, 'At most 300 characters'),
  body: z.string().min(1, 'Write the message').max(100_000, 'At most 100,000 characters'),
  force: z.boolean().optional(),
});

export type SendPeeringRequestInput = z.input<typeof sendPeeringRequestInput>;

/** POST /peers/{asn}/requests: everything optional, defaults from the draft. */
export const peerRequestBody = z.object({
  exchangeIds: z.array(ixId).min(1, 'Choose at least one exchange').optional(),
  localAsn: asnField.optional(),
  to: z.union([z.string(), z.array(z.string())]).optional(),
  cc: z.union([z.string(), z.array(z.string())]).optional(),
  subject: z.string().optional(),
  body: z.string().optional(),
  force: z.boolean().optional(),
});

import { z } from 'zod';
import { requestStages } from '@/db/queries/requests';
import { acceptExchangeIdAlias } from '@/lib/api/ix-id';
import { asnField } from './schemas';

const ixId = z.coerce.number({ message: 'Choose an exchange' }).int('Choose an exchange').positive('Choose an exchange');
const address = z.string().trim().toLowerCase().max(254).email('Enter an email address');
/** "a@x, b@y" or a list. */
const addressList = z
  .union([z.string().max(10_000), z.array(z.string().max(254)).max(20, 'At most 20 addresses')])
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

/** POST /peers/{asn}/requests: everything optional, defaults from the draft. */
export const peerRequestBody = acceptExchangeIdAlias(
  z.object({
    ixIds: z.array(ixId).min(1, 'Choose at least one exchange').optional(),
    localAsn: asnField.optional(),
    to: z.union([z.string().max(10_000), z.array(z.string().max(254)).max(20)]).optional(),
    cc: z.union([z.string().max(10_000), z.array(z.string().max(254)).max(20)]).optional(),
    subject: z.string().max(300).optional(),
    body: z.string().max(100_000).optional(),
    force: z.boolean().optional(),
  }),
);

/** Which request a one-click follow-up is for (POST /requests/follow-ups/send). */
export const followUpTargetFields = z.object({ peerAsn: asnField, ixId, localAsn: asnField });
export const followUpTarget = acceptExchangeIdAlias(followUpTargetFields);

/** GET /requests and the Requests page: the filters and the page. */
export const requestListFilters = acceptExchangeIdAlias(
  z.object({
    stage: z.enum(requestStages, { message: `One of ${requestStages.join(', ')}` }).optional(),
    peerAsn: asnField.optional(),
    ixId: z.coerce.number().int().positive('A PeeringDB ix id').optional(),
    localAsn: asnField.optional(),
    /** Only requests whose next follow-up is due now. */
    due: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
);

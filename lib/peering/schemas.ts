import { z } from 'zod';
import { peerStatusEnum } from '@/db/schema';
import { acceptExchangeIdAlias } from '@/lib/api/ix-id';
import { sessionTypes } from '@/lib/sessions/schemas';
import { AS_TRANS, MAX_ASN } from '@/lib/settings/schemas';
import { peerActions } from './transitions';

const id = (message: string) => z.coerce.number({ message }).int(message).positive(message);
const asnMessage = `Use a number from 1 to ${MAX_ASN}`;
export const asnField = z.coerce
  .number({ message: asnMessage })
  .int(asnMessage)
  .min(1, asnMessage)
  .max(MAX_ASN, asnMessage)
  .refine((asn) => asn !== AS_TRANS, 'AS23456 is AS_TRANS, a placeholder, not a real ASN');

const actionField = z.enum(peerActions, { message: `One of ${peerActions.join(', ')}` });
const comment = z.string().trim().max(4000, 'At most 4,000 characters');
/** Mark Rejected / Mark Not Qualified: leave the peer out of requests until this day. "" from an empty date field is none. */
const doNotAskUntil = z.preprocess(
  (v) => (v === '' ? null : v),
  z.coerce
    .date({ message: 'Enter a date' })
    .refine((d) => d.getTime() > Date.now(), 'Choose a date in the future')
    .nullable()
    .optional(),
);
const markWithDate = ['mark_rejected', 'mark_not_qualified'];
const dateOnlyWhenDeclined = (input: { action: string; doNotAskUntil?: Date | null }) =>
  !input.doNotAskUntil || markWithDate.includes(input.action);
const dateRule = { message: 'Only Mark Rejected and Mark Not Qualified take a do-not-ask date', path: ['doNotAskUntil'] };

export const changePeerStatusInput = acceptExchangeIdAlias(
  z
    .object({
      peerAsn: asnField,
      ixId: id('Choose an exchange'),
      /** Absent: our only ASN at that exchange. */
      localAsn: asnField.optional(),
      action: actionField,
      comment: comment.optional(),
      doNotAskUntil,
    })
    .refine(dateOnlyWhenDeclined, dateRule),
);

export const changePeerStatusesInput = z.object({
  ixId: id('Choose an exchange'),
  peerAsns: z.array(asnField, { message: 'Select the networks' }).min(1, 'Select at least one network').max(500, 'At most 500 networks at once'),
  localAsn: asnField.optional(),
  action: actionField,
  comment: comment.optional(),
  doNotAskUntil,
}).refine(dateOnlyWhenDeclined, dateRule);

export const addPeerNoteInput = acceptExchangeIdAlias(
  z.object({
    peerAsn: asnField,
    ixId: id('Choose an exchange').nullable().optional(),
    comment: comment.min(1, 'Write the note'),
  }),
);

const configureModes = ['now', 'schedule'] as const;

const configureItem = z.object({
  ixId: id('Choose an exchange'),
  family: z.coerce.number().pipe(z.union([z.literal(4), z.literal(6)], { message: '4 or 6' })),
  routerId: id('Choose a router'),
  peerGroupId: id('Choose a peer group').nullable().optional(),
  type: z.enum(sessionTypes, { message: `One of ${sessionTypes.join(', ')}` }).default('peer'),
});

export const configureMultipleInput = z
  .object({
    peerAsn: asnField,
    items: z.array(acceptExchangeIdAlias(configureItem), { message: 'Select the sessions to configure' }).min(1, 'Select at least one session').max(500, 'At most 500 sessions at once'),
    mode: z.enum(configureModes, { message: 'now or schedule' }),
    at: z.coerce.date({ message: 'Enter a date and time' }).optional(),
  })
  .refine((input) => input.mode !== 'schedule' || !input.at || input.at.getTime() > Date.now() - 60_000, {
    message: 'Choose a time in the future',
    path: ['at'],
  });

/** The REST body of POST /peers/{asn}/status: API.md's names. */
export const peerStatusBody = z.object({
  ixId: id('ixId: the PeeringDB ix id'),
  action: actionField,
  localAsn: asnField.optional(),
  comment: comment.optional(),
  doNotAskUntil,
});

export const peerNoteBody = z.object({ comment: comment.min(1, 'Write the note'), ixId: id('ixId: the PeeringDB ix id').optional() });

export const configureSessionsBody = z.object({
  items: z.array(configureItem),
  mode: z.enum(configureModes, { message: 'now or schedule' }),
  at: z.coerce.date({ message: 'An ISO date and time' }).optional(),
});

/** The peer list filters of GET /peers and the Peers page. */
export const peerListFilterFields = z.object({
  status: z.enum(peerStatusEnum.enumValues, { message: `One of ${peerStatusEnum.enumValues.join(', ')}` }).optional(),
  ixId: z.coerce.number().int().positive('A PeeringDB ix id').optional(),
  localAsn: asnField.optional(),
});
export const peerListFilters = acceptExchangeIdAlias(peerListFilterFields);

/** PeeringDB's general peering policies, as stored in pdb_net.policy_general. */
export const policies = ['Open', 'Selective', 'Restrictive', 'No'] as const;

/** The Communications filters of an exchange, shared by the page and GET /exchanges/{id}/networks. */
export const networkFilters = z.object({
  status: z.enum(peerStatusEnum.enumValues, { message: `One of ${peerStatusEnum.enumValues.join(', ')}` }).optional(),
  policy: z.enum(policies, { message: `One of ${policies.join(', ')}` }).optional(),
});

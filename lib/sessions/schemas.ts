import { z } from 'zod';
import type { ConfigStatus, SessionType } from '@/db/schema';
import type { SessionFilters } from '@/db/queries/sessions';
import { isPrintableLine, MD5_KEY_RULE, MD5_KEY_SHAPE } from '@/lib/templates/quoting';
import { AS_TRANS, MAX_ASN } from '@/lib/settings/schemas';
import { ipFamily } from './ip';

export const sessionTypes = ['peer', 'route_server', 'transit', 'customer', 'private'] as const satisfies readonly SessionType[];

export const sessionTypeLabels: Record<SessionType, string> = {
  peer: 'Peer',
  route_server: 'Route server',
  transit: 'Transit',
  customer: 'Customer',
  private: 'Private',
};

export const configStatuses = ['not_configured', 'scheduled', 'configuring', 'configured', 'error', 'removed'] as const satisfies readonly ConfigStatus[];

export const configStatusLabels: Record<ConfigStatus, string> = {
  not_configured: 'Not Configured',
  scheduled: 'Scheduled',
  configuring: 'Configuring',
  configured: 'Configured',
  error: 'Error',
  removed: 'Removed',
};

/** The states of RFC 4271's finite state machine, as routers report them. */
export const bgpStates = ['Idle', 'Connect', 'Active', 'OpenSent', 'OpenConfirm', 'Established'] as const;

/**
 * Set on a failure when PeeringDB lists the peer at the exchange with another address: the form
 * shows an "Add anyway" checkbox, and an API client sends `acknowledgeAddressMismatch: true`.
 */
export const ADDRESS_MISMATCH_FIELD = 'acknowledgeAddressMismatch';

const id = (message: string) => z.coerce.number({ message }).int(message).positive(message);

const asnMessage = `Use a number from 1 to ${MAX_ASN}`;
const asnField = z.coerce
  .number({ message: asnMessage })
  .int(asnMessage)
  .min(1, asnMessage)
  .max(MAX_ASN, asnMessage)
  .refine((asn) => asn !== AS_TRANS, 'AS23456 is AS_TRANS, a placeholder, not a real ASN');

const peerIpField = z
  .string({ message: 'Enter the peer IP address' })
  .trim()
  .min(1, 'Enter the peer IP address')
  .max(64, 'Enter an IPv4 or IPv6 address')
  .refine((ip) => ipFamily(ip) !== null, 'Enter an IPv4 or IPv6 address such as 10.0.12.2 or 2001:db8:12::2, without a prefix length');

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
/** Text that reaches the router configuration: one line, nothing a CLI could read as a line break or control. */
const oneLineText = (max: number) => text(max).refine(isPrintableLine, 'One line of printable text: no line breaks, tabs or control characters');
const prefixesMessage = 'A whole number, 0 or more';
const maxPrefixesField = z.coerce.number({ message: prefixesMessage }).int(prefixesMessage).min(0, prefixesMessage).max(10_000_000, 'At most 10,000,000');
const md5Field = text(80).refine((key) => key === '' || MD5_KEY_SHAPE.test(key), MD5_KEY_RULE);
const typeField = z.enum(sessionTypes, { message: `One of ${sessionTypes.join(', ')}` });

const editable = {
  peerGroupId: id('Choose a peer group').nullable().optional(),
  peerAsn: asnField,
  peerIp: peerIpField,
  localAsn: asnField.optional(),
  description: oneLineText(200).optional(),
  notes: text(4000).optional(),
  acknowledgeAddressMismatch: z.boolean().optional(),
};

export const createSessionInput = z.object({
  routerId: id('Choose a router'),
  /** null: a private session, on no exchange. */
  ixId: id('Choose an exchange, or null for a private session (No Exchange)').nullable(),
  ...editable,
  peerName: oneLineText(200).optional(),
  type: typeField.default('peer'),
  /** Write-only; stored encrypted. */
  md5: md5Field.optional(),
  /** Absent: PeeringDB's info_prefixes4/6 of the peer for the address family. */
  maxPrefixes: maxPrefixesField.optional(),
});

/** The router and exchange stay: moving a session is removing it and adding another. */
export const updateSessionInput = z.object({
  id: id('Which session?'),
  ...editable,
  peerAsn: asnField.optional(),
  peerIp: peerIpField.optional(),
  peerName: oneLineText(200).nullable().optional(),
  type: typeField.optional(),
  /** Write-only: a new key replaces the stored one, null removes it, absent or "" keeps it. */
  md5: md5Field.nullable().optional(),
  maxPrefixes: maxPrefixesField.nullable().optional(),
});

export const deleteSessionInput = z.object({ id: id('Which session?') });

export const peerLookupInput = z.object({
  ixId: id('Choose an exchange').nullable(),
  q: text(100).min(1, 'Type an ASN or a name'),
});

const positive = z.coerce.number().int().positive();

/** The list's filters, shared by the Sessions page (from the URL) and GET /sessions (query parameters). */
export const sessionFilters = z.object({
  ixId: z.union([z.literal('none'), positive], { message: 'An exchange id, or none for private sessions' }).optional(),
  routerId: positive.optional(),
  localAsn: positive.optional(),
  peerAsn: positive.optional(),
  family: z.enum(['4', '6'], { message: '4 or 6' }).optional(),
  type: z.enum(sessionTypes, { message: `One of ${sessionTypes.join(', ')}` }).optional(),
  configStatus: z.enum(configStatuses, { message: `One of ${configStatuses.join(', ')}` }).optional(),
  /** A state as the router reports it (Established, Idle, ...), or none for sessions never polled. */
  bgpState: z.string().trim().min(1).max(40).optional(),
}) satisfies z.ZodType<SessionFilters>;

import { z } from 'zod';
import { maintenanceWindowsInput } from '@/lib/changes/windows';
import type { Platform } from '@/db/schema';
import { controlCommandProblem, isSafePath, PEERS_DIR_PROBLEM } from '@/lib/config/transport/shell-command';
import { MAX_ASN } from '@/lib/settings/schemas';

export const platforms = ['iosxr', 'junos', 'eos', 'sros', 'ios', 'frr', 'bird'] as const satisfies readonly Platform[];

export const platformLabels: Record<Platform, string> = {
  iosxr: 'Cisco IOS-XR',
  junos: 'Juniper Junos',
  eos: 'Arista EOS',
  sros: 'Nokia SR OS',
  ios: 'Cisco IOS / IOS-XE',
  frr: 'FRRouting',
  bird: 'BIRD 2',
};

/** The short names, where the vendor goes without saying (built-in template names, messages). */
export const platformNames: Record<Platform, string> = {
  iosxr: 'IOS-XR',
  junos: 'Junos',
  eos: 'EOS',
  sros: 'SR OS',
  ios: 'IOS',
  frr: 'FRR',
  bird: 'BIRD 2',
};

const transports = ['ssh', 'local', 'none'] as const;

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();
const hostnamePattern = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** A DNS name or an IPv4/IPv6 address; all-digit names must be valid IPv4 addresses. */
function isHostOrIp(value: string) {
  if (ipv4.safeParse(value).success || ipv6.safeParse(value).success) return true;
  return hostnamePattern.test(value) && !/^[\d.]+$/.test(value);
}

const hostMessage = 'Enter a hostname (r1.example.net) or an IP address';
const portMessage = 'A port from 1 to 65535';
const blankToNull = <T>(value: T | '') => (value === '' ? null : value);

/** Plain optional text: '' or null clears it, left out keeps it (on update). */
const clearableText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).nullish().transform(blankToNull);

/** Credentials are write-only: '' or left out keeps the stored one, null removes it. */
const password = z.string().max(200, 'At most 200 characters').nullish();
const privateKey = z.string().trim().max(16_000, 'At most 16000 characters').nullish();

const routerFields = z.object({
  name: z.string().trim().min(1, 'Name the router').max(80, 'At most 80 characters'),
  hostname: z.string().trim().min(1, hostMessage).max(253, 'At most 253 characters').refine(isHostOrIp, hostMessage),
  managementAddress: z
    .string()
    .trim()
    .max(253, 'At most 253 characters')
    .refine((v) => v === '' || isHostOrIp(v), hostMessage)
    .nullish()
    .transform(blankToNull),
  sshPort: z.coerce.number({ message: portMessage }).int(portMessage).min(1, portMessage).max(65_535, portMessage),
  platform: z.enum(platforms, { message: 'Choose a platform' }),
  transport: z.enum(transports, { message: 'SSH, local or render only' }),
  username: clearableText(64),
  password,
  privateKey,
  localAsn: z.coerce.number({ message: 'Choose a local ASN' }).int('Choose a local ASN').min(1, 'Choose a local ASN').max(MAX_ASN, 'Choose a local ASN'),
  vrf: z.string().trim().max(32, 'At most 32 characters').regex(/^[A-Za-z0-9_.:-]*$/, 'A VRF name: letters, digits and . _ : - only').nullish().transform(blankToNull),
  // Both run or write on the router host: a shape no shell reads twice (the service also requires routers.trust).
  controlCommand: clearableText(500).superRefine((v, ctx) => {
    const problem = v && controlCommandProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  peersDir: z
    .string()
    .trim()
    .max(500, 'At most 500 characters')
    .refine((v) => v === '' || isSafePath(v), PEERS_DIR_PROBLEM)
    .nullish()
    .transform(blankToNull),
  /** Change control (changes.approve to set): every change to a production router needs approval. */
  production: z.boolean({ message: 'true or false' }).optional(),
  maintenanceWindows: maintenanceWindowsInput.optional(),
});

export const createRouterInput = routerFields.extend({
  sshPort: routerFields.shape.sshPort.default(22),
  transport: routerFields.shape.transport.default('ssh'),
});

// No defaults here: a field left out of a change keeps its value.
export const updateRouterInput = routerFields.partial().extend({ id: z.coerce.number().int().positive() });

export const routerIdInput = z.object({ id: z.coerce.number().int().positive() });

export const createPeerGroupInput = z.object({
  routerId: z.coerce.number().int().positive(),
  ixId: z.coerce.number({ message: 'Choose an exchange' }).int('Choose an exchange').positive('Choose an exchange'),
  name: z
    .string()
    .trim()
    .min(1, 'Name the peer group')
    .max(64, 'At most 64 characters')
    .regex(/^[A-Za-z0-9_.:-]+$/, 'Letters, digits and . _ : - only, as on the router'),
  family: z.coerce.number({ message: 'IPv4 or IPv6' }).pipe(z.union([z.literal(4), z.literal(6)], { message: 'IPv4 or IPv6' })),
});

export const peerGroupIdInput = z.object({ id: z.coerce.number().int().positive() });

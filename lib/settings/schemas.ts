import { z } from 'zod';
import { irrSettingsInput, rpkiSettingsInput } from '@/lib/filters/settings-schemas';
import { changeControlInput } from '@/lib/changes/schemas';
import { mailSettingsInput } from '@/lib/mail/schemas';
import { followUpInput, noticesInput } from '@/lib/peering/follow-up-schemas';
import { peeringDbUrlProblem } from '@/lib/peeringdb/url';

export const MAX_ASN = 4_294_967_295;
export const AS_TRANS = 23_456;

/** "1234, 5678" or [1234, 5678] -> [1234, 5678], with a message a person can act on. */
const asnList = z.union([z.string().max(10_000), z.array(z.union([z.number(), z.string().max(20)])).max(1000)]).transform((value, ctx) => {
  const parts = (Array.isArray(value) ? value.map(String) : value.split(/[\s,]+/)).map((p) => p.trim().replace(/^AS/i, '')).filter(Boolean);
  const seen = new Set<number>();
  for (const part of parts) {
    const asn = /^\d+$/.test(part) ? Number(part) : NaN;
    if (!Number.isSafeInteger(asn) || asn < 1 || asn > MAX_ASN) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not an ASN: use numbers from 1 to ${MAX_ASN}` });
      return z.NEVER;
    }
    if (asn === AS_TRANS) {
      ctx.addIssue({ code: 'custom', message: 'AS23456 is AS_TRANS, a placeholder, not a real ASN' });
      return z.NEVER;
    }
    if (seen.has(asn)) {
      ctx.addIssue({ code: 'custom', message: `AS${asn} is listed twice` });
      return z.NEVER;
    }
    seen.add(asn);
  }
  return [...seen];
});

const peeringDbUrl = z
  .string()
  .trim()
  .max(2000, 'At most 2,000 characters')
  .url('Enter a URL such as https://www.peeringdb.com/api')
  .superRefine((u, ctx) => {
    const problem = peeringDbUrlProblem(u);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((u) => u.replace(/\/+$/, ''));

export const peeringSettingsInput = z.object({
  asns: asnList.optional(),
  peeringdb: z
    .object({
      url: peeringDbUrl.optional(),
      /** Write-only: a new key replaces the stored one, null forgets it, absent or "" keeps it. */
      apiKey: z.string().trim().max(200).nullable().optional(),
      cacheTtl: z.coerce.number({ message: 'Seconds, 0 or more' }).int('Whole seconds').min(0, 'Seconds, 0 or more').max(30 * 86_400, 'At most 30 days').optional(),
    })
    .optional(),
  vrfSupport: z.boolean().optional(),
  /** Seconds between BGP state polls of FRR and BIRD routers; 0 turns polling off. */
  bgpPollIntervalSeconds: z.coerce.number({ message: 'Seconds, 0 or more' }).int('Whole seconds').min(0, 'Seconds, 0 or more (0 turns polling off)').max(86_400, 'At most one day (86400)').optional(),
  requestSender: z
    .object({
      name: z.string().trim().max(120),
      address: z.union([z.literal(''), z.string().trim().email('Enter an email address').max(254)]),
    })
    .optional(),
  /** Global Admins only (emails.manage); passwords are write-only. */
  mail: mailSettingsInput.optional(),
  /** Four-eyes approval, how long a push is verified, and whether a failed verification rolls back. */
  changeControl: changeControlInput.optional(),
  /** IRR server and sources for bgpq4, and the sanity limits of a new prefix list. */
  irr: irrSettingsInput.optional(),
  /** The RTR cache the routers validate against, and whether import policies drop invalids. */
  rpki: rpkiSettingsInput.optional(),
  /** Follow-ups of unanswered peering requests: after how many hours, how many at most, sent or only suggested. */
  followUp: followUpInput.optional(),
  /** Bulk notices: at most this many messages an hour. */
  notices: noticesInput.optional(),
});

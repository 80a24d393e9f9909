import { z } from 'zod';
import { NAME_SHAPE } from '@/lib/templates/quoting';
import { AS_SET_RULE, safeAsSet } from './as-set';

const U32 = 4_294_967_295;

/** A peer ASN as a number, or as text with or without "AS". */
export const peerAsnField = z.preprocess((v) => (typeof v === 'string' ? v.trim().replace(/^AS/i, '') : v), z.coerce.number().int().positive().max(U32));
const U16 = 65_535;

/** Standard (65001:100) or large (65001:1:2) community: every part a number in range, nothing else. */
export function communityProblem(text: string): string | null {
  const parts = text.split(':');
  if (!parts.every((p) => /^\d{1,10}$/.test(p))) return `"${text.slice(0, 30)}" is not a community: use ASN:value or ASN:value:value`;
  const n = parts.map(Number);
  if (parts.length === 2 && n[0] <= U16 && n[1] <= U16) return null;
  if (parts.length === 3 && n.every((x) => x <= U32)) return null;
  return `"${text}" is out of range: a standard community is two numbers up to 65535, a large one three up to 4294967295`;
}

const communities = z
  .union([z.string().max(2000), z.array(z.string().max(40)).max(32)])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/)).map((c) => c.trim()).filter(Boolean))
  .superRefine((list, ctx) => {
    for (const c of list) {
      const problem = communityProblem(c);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  });

const policyFields = z.object({
  name: z.string().trim().max(64).regex(NAME_SHAPE, 'A name the router takes: 1-64 letters, digits and . _ : -'),
  direction: z.enum(['import', 'export']),
  source: z.enum(['router', 'rendered']).default('rendered'),
  description: z.string().trim().max(200).nullish().transform((v) => v || null),
  communities: communities.default([]),
  irrFilter: z.boolean().default(true),
  dropInvalid: z.boolean().default(true),
});

// What a peer is sent is the router's own business (its export policy by name): Peerdesk renders import policies only.
export const EXPORT_BY_NAME = 'An export policy is a name on the router: Peerdesk renders import policies only';

export const policyInput = policyFields.refine((p) => p.direction === 'import' || p.source === 'router', { message: EXPORT_BY_NAME, path: ['source'] });

export const updatePolicyInput = policyFields.partial().extend({ id: z.coerce.number().int().positive() });
export const policyIdInput = z.object({ id: z.coerce.number().int().positive() });

const policyRef = z.coerce.number().int().positive().nullable().optional();

/** Which policies a peer group, a peer or a session uses; null takes the level below (session > peer > peer group). */
export const assignPoliciesInput = z.object({
  level: z.enum(['peer_group', 'peer', 'session']),
  /** The peer group id, the peer ASN or the session id. */
  id: z.coerce.number().int().positive(),
  importPolicyId: policyRef,
  exportPolicyId: policyRef,
});

export const peerAsSetInput = z.object({
  peerAsn: peerAsnField,
  /** null or "" goes back to PeeringDB's AS-SET. */
  asSet: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v, ctx) => {
      if (!v) return null;
      const safe = safeAsSet(v);
      if (!safe) ctx.addIssue({ code: 'custom', message: AS_SET_RULE });
      return safe;
    }),
});

const policyChoice = z.union([z.literal(''), z.coerce.number().int().positive()]).nullish().transform((v) => (v ? v : null));

/** The Filters form on a peer's page: its AS-SET override and its import/export policies, saved together. */
export const peerFiltersInput = peerAsSetInput.extend({ importPolicyId: policyChoice, exportPolicyId: policyChoice });

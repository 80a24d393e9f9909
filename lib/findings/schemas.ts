import { z } from 'zod';
import { findingKindEnum, findingSeverityEnum } from '@/db/schema';
import { acceptExchangeIdAlias } from '@/lib/api/ix-id';

const id = z.coerce.number().int().positive();

/** GET /findings and the Findings page: open findings, filtered, a page at a time. */
export const findingsQuery = acceptExchangeIdAlias(
  z.object({
    kind: z.enum(findingKindEnum.enumValues).optional(),
    severity: z.enum(findingSeverityEnum.enumValues).optional(),
    ixId: id.optional(),
    peerAsn: id.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
);

/** POST /findings/{id}/fix (one) and the bulk fix (many): each finding's own remedy, pushed now or at a time. */
export const fixFindingsInput = z.object({
  ids: z.array(id).min(1, 'Choose at least one finding').max(500, 'At most 500 findings at a time'),
  mode: z.enum(['now', 'schedule']).default('now'),
  at: z.coerce.date().optional(),
});

/** GET /opportunities and the Opportunities page. */
export const opportunitiesQuery = acceptExchangeIdAlias(
  z.object({
    ixId: id.optional(),
    policy: z.string().max(40).optional(),
    minScore: z.coerce.number().int().optional(),
    q: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
);

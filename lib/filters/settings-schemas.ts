import { z } from 'zod';

/** host:port or [v6]:port, nothing bgpq4 or a router could read as more than an address. */
const HOST_PORT = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;
const hostPort = (what: string) =>
  z
    .string()
    .trim()
    .max(260)
    .refine((v) => v === '' || HOST_PORT.test(v), `Enter the ${what} as host:port, e.g. rr.ntt.net:43`);

export const irrSettingsInput = z.object({
  server: hostPort('IRR server').optional(),
  /** Comma-separated IRR sources, in the order bgpq4 asks them. */
  sources: z
    .string()
    .trim()
    .max(300)
    .regex(/^$|^[A-Za-z0-9-]{1,32}(,[A-Za-z0-9-]{1,32})*$/, 'Comma-separated source names, e.g. RIPE,ARIN,APNIC')
    .transform((s) => s.toUpperCase())
    .optional(),
  refreshHours: z.coerce.number().int().min(0, '0 (off) or more hours').max(24 * 7).optional(),
  /** A new list that grew or shrank by more than this many percent of the last good one is held back. */
  maxChangePercent: z.coerce.number().int().min(1).max(10_000).optional(),
  /** A list longer than this is not sane, whatever PeeringDB says. */
  maxPrefixes: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** Keep prefixes originated by private ASNs (bgpq4 -p): labs and private interconnects only. */
  privateAsns: z.boolean().optional(),
});

export const rpkiSettingsInput = z.object({
  /** The RTR cache as the routers reach it. */
  cacheServer: hostPort('RTR cache').optional(),
  dropInvalid: z.boolean().optional(),
});

export type IrrSettings = {
  server: string;
  sources: string;
  refreshHours: number;
  maxChangePercent: number;
  maxPrefixes: number;
  privateAsns: boolean;
};
export type RpkiSettings = { cacheServer: string; dropInvalid: boolean };

export const DEFAULT_IRR: IrrSettings = { server: 'rr.ntt.net', sources: 'RPKI,AFRINIC,APNIC,ARIN,LACNIC,RIPE', refreshHours: 24, maxChangePercent: 50, maxPrefixes: 100_000, privateAsns: false };
export const DEFAULT_RPKI: RpkiSettings = { cacheServer: '', dropInvalid: true };

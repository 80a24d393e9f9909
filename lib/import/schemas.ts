import { z } from 'zod';
import type { Platform } from '@/db/schema';

/** Platforms whose daemons Peerdesk can ask for their neighbors. */
export const livePlatforms: readonly Platform[] = ['frr', 'bird'];

/** A running configuration of 5,000 neighbors is ~1 MB; this leaves room for the largest routers. */
export const MAX_CONFIG_CHARS = 20_000_000;
/** The one body bigger than 1 MB Peerdesk takes: the configuration, with room for JSON escapes and UTF-8. */
export const MAX_IMPORT_BODY_BYTES = 26_000_000;

const routerId = z.coerce.number({ message: 'Choose a router' }).int('Choose a router').positive('Choose a router');

const configText = z
  .string({ message: 'Paste the configuration as text' })
  .max(MAX_CONFIG_CHARS, `At most ${MAX_CONFIG_CHARS.toLocaleString('en')} characters`)
  .refine((text) => text.trim() !== '', 'Paste a configuration, or read it from the router');

/**
 * What the page, the API and the CLI ask for: the router, and its configuration as text (for BIRD,
 * bird.conf or the output of `birdc show protocols all`); without it, FRR and BIRD routers are read live.
 */
export const importRequestInput = z.object({
  routerId,
  config: configText.optional(),
  /** Only plan: show what would be imported and change nothing. */
  dryRun: z.boolean().optional(),
  /** Import only these neighbors (a finding's remedy); the rest of the configuration is left as it is. */
  peerIps: z.array(z.string().max(64)).optional(),
});

/** The recorded import: without text, the router is read live before its transaction (prepare). */
export const importSessionsInput = importRequestInput.omit({ dryRun: true });

/** The page's form: the same request, with the choice between pasted (or uploaded) text and reading the router. */
export const importFormInput = z
  .object({
    routerId,
    source: z.enum(['text', 'router']),
    config: z.string().max(MAX_CONFIG_CHARS, `At most ${MAX_CONFIG_CHARS.toLocaleString('en')} characters`),
  })
  .superRefine((values, ctx) => {
    if (values.source === 'text' && values.config.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['config'], message: 'Paste a configuration, upload a file, or read it from the router' });
    }
  });

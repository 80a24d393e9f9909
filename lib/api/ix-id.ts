import { z } from 'zod';

const ALIASES = { exchangeId: 'ixId', exchangeIds: 'ixIds' } as const;

/**
 * An exchange is `ixId` (PeeringDB's ix id) in every body, filter and response; `exchangeId` (and
 * `exchangeIds`) are still accepted on input, as API.md promises, and read here only. When both names
 * are given, `ixId` wins. Errors name the field `ixId`.
 */
export function acceptExchangeIdAlias<S extends z.ZodType>(schema: S) {
  return z.preprocess((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const renamed: Record<string, unknown> = { ...raw };
    for (const [alias, name] of Object.entries(ALIASES)) {
      if (!(alias in renamed)) continue;
      renamed[name] ??= renamed[alias];
      delete renamed[alias];
    }
    return renamed;
  }, schema);
}

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseTrustedProxies } from '@/lib/auth/client-address';
import { parseRoleMap } from '@/lib/auth/role-map';

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('./data/pglite'),
  PORT: z.coerce.number().int().positive().default(3000),
  AUTH_SECRET: z.string().min(16).optional(),
  APP_ENCRYPTION_KEY: z.string().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  PEERINGDB_URL: z.string().url().optional(),
  PEERINGDB_API_KEY: z.string().optional(),
  PEERINGDB_CACHE_TTL: z.coerce.number().int().min(0).optional(),
  CRON_SECRET: z.string().min(16).optional(),
  MAIL_SMTP_URL: z.string().optional(),
  MAIL_IMAP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_ROLES_CLAIM: z.string().default('groups'),
  OIDC_ROLE_MAP: z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      try {
        if (text) parseRoleMap(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      try {
        parseTrustedProxies(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
});

export type Env = z.infer<typeof schema>;

function blankToUndefined(source: NodeJS.ProcessEnv) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
}

export function env(): Env {
  const parsed = schema.safeParse(blankToUndefined(process.env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

const isEmbedded = () => !env().DATABASE_URL;
const isInMemory = () => isEmbedded() && env().PGLITE_DIR.startsWith('memory://');

/** Where embedded mode keeps its database and generated secrets. */
function dataDir() {
  return path.dirname(path.resolve(env().PGLITE_DIR));
}

type ServerSecrets = { authSecret: string; encryptionKey: string };
const secretsCache = globalThis as { __peerdeskSecrets?: ServerSecrets };

/**
 * AUTH_SECRET and APP_ENCRYPTION_KEY: from the environment, or in embedded mode generated once
 * and kept in the data dir so sessions and encrypted settings survive a restart.
 */
export function serverSecrets(): ServerSecrets {
  if (secretsCache.__peerdeskSecrets) return secretsCache.__peerdeskSecrets;
  const e = env();
  let stored: Partial<ServerSecrets> = {};
  if (!e.AUTH_SECRET || !e.APP_ENCRYPTION_KEY) {
    if (!isEmbedded()) {
      throw new Error('AUTH_SECRET and APP_ENCRYPTION_KEY must be set when DATABASE_URL is set (see .env.example).');
    }
    stored = isInMemory() ? generatedSecrets() : loadOrCreateSecretsFile(path.join(dataDir(), 'secrets.json'));
  }
  const secrets = {
    authSecret: e.AUTH_SECRET ?? stored.authSecret!,
    encryptionKey: e.APP_ENCRYPTION_KEY ?? stored.encryptionKey!,
  };
  secretsCache.__peerdeskSecrets = secrets;
  return secrets;
}

function generatedSecrets(): ServerSecrets {
  return { authSecret: randomBytes(32).toString('base64url'), encryptionKey: randomBytes(32).toString('base64') };
}

function loadOrCreateSecretsFile(file: string): ServerSecrets {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as ServerSecrets;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secrets = generatedSecrets();
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

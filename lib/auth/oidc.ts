import type { Account, Profile, User } from 'next-auth';
import type { OIDCConfig } from 'next-auth/providers';
import { env } from '@/lib/env';
import { signInWithOidc, type OidcIdentity } from './oidc-accounts';
import { oidcConfigured } from './sso-settings';

/** The id in the redirect URI registered at the provider: <base URL>/api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = 'oidc';

type Claims = Record<string, unknown>;

// Auth.js has already verified this ID token's signature, issuer, audience and nonce; we only read it.
function idTokenClaims(idToken: unknown): Claims {
  const payload = typeof idToken === 'string' ? idToken.split('.')[1] : undefined;
  return payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims) : {};
}

/** Providers send groups as a list, or as one space- or comma-separated string. */
function groupsFrom(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The OpenID Provider from OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET, or none.
 * Claims come from the userinfo endpoint, with the ID token's as a fallback: some providers
 * (Entra ID) put groups only in the ID token, others (Keycloak, Authentik) in both.
 */
export function oidcProviders(): OIDCConfig<Claims>[] {
  if (!oidcConfigured()) return [];
  const e = env();
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: 'OpenID Connect',
      type: 'oidc',
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      idToken: false,
      checks: ['pkce', 'state', 'nonce'],
      authorization: { params: { scope: 'openid email profile' } },
      profile(userinfo, tokens) {
        const claims = { ...idTokenClaims(tokens.id_token), ...userinfo };
        const identity: OidcIdentity = {
          subject: String(claims.sub),
          email: typeof claims.email === 'string' ? claims.email : null,
          name: String(claims.name ?? claims.preferred_username ?? ''),
          groups: groupsFrom(claims[e.OIDC_ROLES_CLAIM] ?? idTokenClaims(tokens.id_token)[e.OIDC_ROLES_CLAIM]),
        };
        return { id: identity.subject, email: identity.email, name: identity.name, identity };
      },
    },
  ];
}

/**
 * next-auth's signIn callback for the OIDC provider: provision the local user, or send the person to a
 * page that says why not. On success the local id and role replace the provider's, for the session cookie.
 */
export async function oidcSignIn({ user, account }: { user: User; account?: Account | null; profile?: Profile }) {
  if (account?.provider !== OIDC_PROVIDER_ID) return true;
  const identity = (user as User & { identity?: OidcIdentity }).identity;
  if (!identity) return '/login?refused=no_role';
  const outcome = await signInWithOidc(identity);
  if (!outcome.ok) return `/login?refused=${outcome.refusal}`;
  Object.assign(
    user,
    {
      id: String(outcome.user.id),
      email: outcome.user.email,
      role: outcome.user.role,
      sessionVersion: outcome.user.sessionVersion,
      identity: undefined,
    },
  );
  return true;
}

import type { NextAuthConfig } from 'next-auth';
import type { Role } from '@/db/schema';

/** The part of the auth config the proxy needs: no database, no password hashing. */
export const authConfig = {
  // A failed single sign-on comes back to /login?error=..., which says what happened.
  pages: { signIn: '/login', error: '/login' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as { role: Role }).role;
        // Compared with users.session_version on every request (currentActor): a bump ends this session.
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      Object.assign(session.user, { id: String(token.uid), role: token.role });
      return session;
    },
  },
} satisfies NextAuthConfig;

import type { NextAuthConfig } from 'next-auth';
import type { Role } from '@/db/schema';

/** The part of the auth config the proxy needs: no database, no password hashing. */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as { role: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      Object.assign(session.user, { id: String(token.uid), role: token.role });
      return session;
    },
  },
} satisfies NextAuthConfig;

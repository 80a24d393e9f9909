/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'ssh2', 'imapflow', 'mailparser', 'nodemailer', 'prom-client'],
  poweredByHeader: false,
  // Next allows one body limit for every server action (sign-in included): 1 MB. Data import's 20 MB
  // configurations go to their own route handler (app/(portal)/admin/import/submit/route.ts).
  // authInterrupts: requirePage() (lib/auth/guard.ts) answers a page the role may not see with forbidden(), a 403.
  experimental: { serverActions: { bodySizeLimit: '1mb' }, authInterrupts: true },
  // `npm test` type-checks the whole tree (tests and scripts too) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
          // Pages get the full policy with a per-request script nonce from proxy.ts; this floor covers everything else (API, files).
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
        ],
      },
      {
        // HSTS only when served over https (a TLS-terminating proxy in front sets X-Forwarded-Proto).
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
};

export default nextConfig;

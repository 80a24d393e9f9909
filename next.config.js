/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'ssh2', 'imapflow', 'mailparser', 'nodemailer'],
  poweredByHeader: false,
  // Router configurations pasted into Data import can be large (the API and CLI take up to 20 MB).
  experimental: { serverActions: { bodySizeLimit: '20mb' } },
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
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;

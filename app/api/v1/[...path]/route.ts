import { errorResponse } from '@/lib/api/respond';

const unknownRoute = (req: Request) =>
  errorResponse({ code: 'not_found', message: `No API route ${req.method} ${new URL(req.url).pathname} (see /api/v1/openapi.json)` });

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PATCH, unknownRoute as PUT, unknownRoute as DELETE };

import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { withBrowserOrigin } from '@/lib/auth/request-origin';

export const GET = (req: NextRequest) => handlers.GET(withBrowserOrigin(req));
export const POST = (req: NextRequest) => handlers.POST(withBrowserOrigin(req));

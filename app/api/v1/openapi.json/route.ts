import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/respond';
import { openApiDocument } from '@/lib/api/openapi';

export const GET = apiRoute(async ({ req }) => NextResponse.json(openApiDocument(new URL('/api/v1', req.url).toString())));

import { z } from 'zod';
import { httpStatus } from '@/lib/errors';
import { apiOperations } from './routes';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(httpStatus) },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
        errorId: { type: 'string' },
      },
    },
  },
};

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const listParams = op.list
      ? ['q', 'limit', 'cursor'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }))
      : [];
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = {
      summary: op.summary,
      ...(op.permission && { description: `Requires the permission \`${op.permission}\`.` }),
      parameters: [...params, ...listParams],
      ...(op.body && { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }) } } } }),
      responses: {
        200: { description: 'OK' },
        ...Object.fromEntries(
          [400, 401, 403, 404, 409, 500].map((s) => [s, { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Peerdesk API', version: '1' },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Error: errorSchema } },
    paths,
  };
}

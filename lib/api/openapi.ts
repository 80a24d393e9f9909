import { z } from 'zod';
import { findingKindEnum, findingSeverityEnum } from '@/db/schema';
import { httpStatus } from '@/lib/errors';
import { remedies } from '@/lib/findings/remedies';
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

/** What a caller needs: the role's permission, and for anything but GET a token of scope `write`. */
function describe(op: (typeof apiOperations)[number]) {
  if (op.notForTokens) return `Always 403 for API tokens. ${op.notForTokens}`;
  const needs = [op.permission && `the permission \`${op.permission}\``, op.method !== 'GET' && 'a token of scope `write`'].filter(Boolean);
  return needs.length ? `Requires ${needs.join(' and ')}.` : 'Any valid token.';
}

const tokenSchema = {
  type: 'object',
  description: 'An API token as listed: never its secret, which POST /tokens returned once when it was made in the web UI or the CLI.',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    prefix: { type: 'string', description: 'The first characters of the secret' },
    scope: { type: 'string', enum: ['read', 'write'], description: '`read`: GET only; `write`: whatever the owner\'s role allows' },
    createdAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: ['string', 'null'], format: 'date-time', description: '90 days after creation unless chosen (1 to 365 days)' },
    lastUsedAt: { type: ['string', 'null'], format: 'date-time', description: 'Recorded at most once a minute' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

/** The answers described in detail; the others are plain `OK`. */
const okBodies: Record<string, object> = {
  'GET /tokens': { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Token' } }, next: { type: 'null' } } },
  'GET /findings': { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Finding' } }, total: { type: 'integer' }, next: { type: ['string', 'null'] } } },
  'GET /opportunities': { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Opportunity' } }, total: { type: 'integer' }, next: { type: ['string', 'null'] } } },
};

const findingSchema = {
  type: 'object',
  description: 'Something wrong between PeeringDB, Peerdesk and the routers; it resolves itself when the condition goes away.',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: findingKindEnum.enumValues },
    severity: { type: 'string', enum: findingSeverityEnum.enumValues },
    sessionId: { type: ['integer', 'null'] },
    routerId: { type: ['integer', 'null'] },
    peerAsn: { type: ['integer', 'null'] },
    ixId: { type: ['integer', 'null'] },
    details: { type: 'object', description: 'What was seen, by kind (e.g. peeringDb, configured, received, suggested for max_prefix_drift)' },
    remedy: { type: ['string', 'null'], enum: [...remedies, null], description: 'The one-click fix; null when a person must decide' },
    since: { type: 'string', format: 'date-time' },
  },
};

const opportunitySchema = {
  type: 'object',
  description: 'A network at our exchanges we have no session with, scored as docs/manual/findings.md explains.',
  properties: {
    peerAsn: { type: 'integer' },
    name: { type: 'string' },
    score: { type: 'integer' },
    reasons: { type: 'array', items: { type: 'string' }, description: 'One per part of the score, with its points' },
    ixIds: { type: 'array', items: { type: 'integer' } },
    policy: { type: ['string', 'null'] },
    rsPeer: { type: 'boolean' },
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
      description: describe(op),
      parameters: [...params, ...listParams],
      ...(op.body && { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }) } } } }),
      responses: {
        200: { description: 'OK', ...(okBodies[`${op.method} ${op.path}`] && { content: { 'application/json': { schema: okBodies[`${op.method} ${op.path}`] } } }) },
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
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (pdk_…) of scope read (GET only) or write; it expires (401 "Token expired") and acts with its owner\'s role.',
        },
      },
      schemas: { Error: errorSchema, Token: tokenSchema, Finding: findingSchema, Opportunity: opportunitySchema },
    },
    paths,
  };
}

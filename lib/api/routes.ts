import type { ZodType } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import { peeringSettingsInput } from '@/lib/settings/schemas';
import { createTokenInput, createUserInput, updateUserInput } from '@/lib/users/schemas';
import { syncRequestInput } from '@/lib/peeringdb/service';
import { importRequestInput } from '@/lib/import/schemas';
import { createPeerGroupInput, createRouterInput, updateRouterInput } from '@/lib/routers/schemas';
import { createSessionInput, updateSessionInput } from '@/lib/sessions/schemas';
import { configureSessionInput, sessionAdminStateInput } from '@/lib/config/schemas';
import { configureSessionsBody, peerNoteBody, peerStatusBody } from '@/lib/peering/schemas';
import { rescheduleJobInput } from '@/lib/jobs/schemas';
import { associateBody } from '@/lib/mail/api';
import { peerRequestBody } from '@/lib/peering/request-schemas';
import { createTemplateInput, patchTemplateBody, previewRequestBody } from '@/lib/templates/schemas';

export type ApiOperation = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  permission: Permission | null;
  body?: ZodType;
  list?: boolean;
};

/**
 * Every /api/v1 operation. The OpenAPI document is built from this list, and a test checks it
 * against the route files, so a new route cannot go undocumented or unchecked.
 */
export const apiOperations: ApiOperation[] = [
  { method: 'GET', path: '/openapi.json', summary: 'This document', permission: null },
  { method: 'GET', path: '/users', summary: 'List users', permission: 'users.manage', list: true },
  { method: 'POST', path: '/users', summary: 'Create a user', permission: 'users.manage', body: createUserInput },
  {
    method: 'PATCH',
    path: '/users/{id}',
    summary: 'Change a user: name, role, disabled, or a new password',
    permission: 'users.manage',
    body: updateUserInput.omit({ id: true }),
  },
  { method: 'GET', path: '/tokens', summary: "The caller's API tokens", permission: 'tokens.own', list: true },
  { method: 'POST', path: '/tokens', summary: 'Create an API token (the secret is returned once)', permission: 'tokens.own', body: createTokenInput },
  { method: 'DELETE', path: '/tokens/{id}', summary: 'Revoke an API token', permission: 'tokens.own' },
  { method: 'GET', path: '/settings', summary: 'Peering settings: local ASNs, PeeringDB (never the key), VRF support, request sender', permission: 'peering.read' },
  {
    method: 'PATCH',
    path: '/settings',
    summary: 'Change peering settings; peeringdb.apiKey is write-only ("" keeps it, null removes it)',
    permission: 'settings.manage',
    body: peeringSettingsInput,
  },
  { method: 'GET', path: '/exchanges', summary: 'Exchanges where a local ASN is present, with peer and session counts', permission: 'peering.read', list: true },
  { method: 'GET', path: '/exchanges/{id}', summary: 'One exchange (PeeringDB ix id) with our connections there', permission: 'peering.read' },
  {
    method: 'GET',
    path: '/exchanges/{id}/networks',
    summary: 'Every other network at the exchange, with its peer status (filters: q, status, policy)',
    permission: 'peering.read',
    list: true,
  },
  {
    method: 'GET',
    path: '/peers',
    summary: 'Peers: networks with a live session, a status other than new, or notes; status per exchange (filters: q, status, exchangeId, localAsn)',
    permission: 'peering.read',
    list: true,
  },
  {
    method: 'GET',
    path: '/peers/{asn}',
    summary: 'One peer: PeeringDB facts and contacts, shared exchanges with both sides\' IPs, status per (local ASN, exchange), notes log, sessions; emails for Global Admins',
    permission: 'peering.read',
  },
  {
    method: 'POST',
    path: '/peers/{asn}/status',
    summary: 'Change the peer status at an exchange through the workflow (an action that does not apply is a 409); send/resend go through /peers/{asn}/requests',
    permission: 'peers.manage',
    body: peerStatusBody,
  },
  { method: 'POST', path: '/peers/{asn}/notes', summary: "Add a comment to the peer's notes log", permission: 'peers.manage', body: peerNoteBody },
  {
    method: 'POST',
    path: '/peers/{asn}/sessions',
    summary: 'Configure multiple sessions: creates them from PeeringDB addresses and queues one configure job (now, or scheduled at `at`); existing ones are reported',
    permission: 'sessions.configure',
    body: configureSessionsBody,
  },
  {
    method: 'GET',
    path: '/sessions',
    summary: 'BGP sessions with configStatus and the polled bgpState (filters: q, ixId or "none", routerId, localAsn, peerAsn, family 4/6, type, configStatus, bgpState or "none")',
    permission: 'peering.read',
    list: true,
  },
  {
    method: 'POST',
    path: '/sessions',
    summary: 'Add a session (Not Configured); md5 is write-only. A PeeringDB address mismatch is refused until acknowledgeAddressMismatch is true',
    permission: 'sessions.manage',
    body: createSessionInput,
  },
  { method: 'GET', path: '/sessions/{id}', summary: 'One session (hasMd5 tells whether a key is set; the key is never returned)', permission: 'peering.read' },
  {
    method: 'PATCH',
    path: '/sessions/{id}',
    summary: 'Change a session; md5 is write-only ("" keeps it, null removes it)',
    permission: 'sessions.manage',
    body: updateSessionInput.omit({ id: true }),
  },
  {
    method: 'DELETE',
    path: '/sessions/{id}',
    summary: 'Delete a session: one never on the router goes at once (200); one on the router is removed from it first by a job and kept as removed (202, {id, removing, job})',
    permission: 'sessions.manage',
  },
  {
    method: 'POST',
    path: '/sessions/{id}/configure',
    summary: 'Configure the session on its router: {"mode": "now"|"schedule", "at"?: ISO time (default +1 h), "config"?: edited text for this push}; returns {job}',
    permission: 'sessions.configure',
    body: configureSessionInput.omit({ sessionId: true }),
  },
  {
    method: 'POST',
    path: '/sessions/{id}/admin-state',
    summary: 'Admin down / up: {"adminDown": true|false}; shut down or brought up on the router (202 with {job}) or, when not on the router, only recorded (200)',
    permission: 'sessions.configure',
    body: sessionAdminStateInput.omit({ sessionId: true }),
  },
  { method: 'POST', path: '/sessions/poll', summary: 'Poll the BGP state of every configured FRR and BIRD session now; returns {job}', permission: 'sessions.manage' },
  { method: 'GET', path: '/routers', summary: 'Routers with their session counts and last contact (never their credentials)', permission: 'peering.read', list: true },
  {
    method: 'POST',
    path: '/routers',
    summary: 'Add a router; password and privateKey are write-only (a local router needs routers.trust)',
    permission: 'routers.manage',
    body: createRouterInput,
  },
  { method: 'GET', path: '/routers/{id}', summary: 'One router: hasPassword / hasPrivateKey instead of the credentials, host key, pending host key', permission: 'peering.read' },
  {
    method: 'PATCH',
    path: '/routers/{id}',
    summary: 'Change a router; password and privateKey are write-only ("" or absent keeps them, null removes them)',
    permission: 'routers.manage',
    body: updateRouterInput.omit({ id: true }),
  },
  { method: 'DELETE', path: '/routers/{id}', summary: 'Delete a router (refused while it has sessions)', permission: 'routers.manage' },
  {
    method: 'POST',
    path: '/routers/{id}/test',
    summary: 'Test connection: runs the version command; returns {ok, message, kind?, connectMs?, commandMs?} and pins a first host key',
    permission: 'routers.manage',
  },
  { method: 'POST', path: '/routers/{id}/accept-host-key', summary: "Accept the router's changed host key (pendingHostKey becomes hostKey)", permission: 'routers.trust' },
  { method: 'GET', path: '/routers/{id}/peer-groups', summary: "The router's peer groups with exchange name and session count", permission: 'peering.read', list: true },
  {
    method: 'POST',
    path: '/routers/{id}/peer-groups',
    summary: 'Record a peer group configured on the router (exchange, name, family 4 or 6); the router is not changed',
    permission: 'routers.manage',
    body: createPeerGroupInput.omit({ routerId: true }),
  },
  { method: 'DELETE', path: '/peer-groups/{id}', summary: 'Forget a peer group (refused while sessions use it); the router is not changed', permission: 'routers.manage' },
  {
    method: 'POST',
    path: '/sessions/import',
    summary: 'Import the BGP neighbors of a router as Configured sessions, from config text or (FRR, BIRD) read live; dryRun returns the plan only',
    permission: 'import.run',
    body: importRequestInput,
  },
  { method: 'POST', path: '/peeringdb/sync', summary: 'Start a PeeringDB sync job ({"full": true} to refetch everything)', permission: 'peeringdb.sync', body: syncRequestInput },
  { method: 'GET', path: '/jobs', summary: 'Scheduled and past jobs: running first, then due soonest, then newest (filters: q, status, kind)', permission: 'peering.read', list: true },
  { method: 'GET', path: '/jobs/{id}', summary: 'One job with its runs (attempt, runner, started, finished, status, output, error)', permission: 'peering.read' },
  { method: 'PATCH', path: '/jobs/{id}', summary: 'Reschedule a scheduled job ({"runAt": ISO time}; a past time is refused)', permission: 'jobs.manage', body: rescheduleJobInput.omit({ id: true }) },
  { method: 'DELETE', path: '/jobs/{id}', summary: 'Cancel a scheduled job (a running job cannot be cancelled)', permission: 'jobs.manage' },
  { method: 'POST', path: '/jobs/{id}/run', summary: 'Run a scheduled job now; answers with its outcome', permission: 'jobs.manage' },
  {
    method: 'GET',
    path: '/templates',
    summary: 'Custom config and e-mail templates (filters: q, kind, platform), with the read-only built-in ones in `builtin`',
    permission: 'peering.read',
    list: true,
  },
  { method: 'POST', path: '/templates', summary: 'Create a template (revision 1); a body that does not parse is refused with line and column', permission: 'templates.manage', body: createTemplateInput },
  { method: 'GET', path: '/templates/{id}', summary: 'One custom template with its revisions, newest first; or a built-in one by its key (config-frr, email-peering-request)', permission: 'peering.read' },
  {
    method: 'PATCH',
    path: '/templates/{id}',
    summary: 'Save a new revision ({name?, subject?, body?}), revert ({revertTo: n}, a new revision with the old text) or set the default ({isDefault})',
    permission: 'templates.manage',
    body: patchTemplateBody,
  },
  { method: 'DELETE', path: '/templates/{id}', summary: 'Delete a custom template and its revisions', permission: 'templates.manage' },
  {
    method: 'POST',
    path: '/templates/{id}/preview',
    summary: 'Render template {id} (or a built-in key such as config-frr) for {sessionId} or {peerAsn}; body/subject preview unsaved text; MD5 keys show as ********',
    permission: 'peering.read',
    body: previewRequestBody,
  },
  {
    method: 'POST',
    path: '/peers/{asn}/requests',
    summary: 'Send or resend a peering request by e-mail ({exchangeIds?, to?, cc?, subject?, body?, force?}; defaults from the draft); a resend within the resend window is refused (409) unless force',
    permission: 'peers.manage',
    body: peerRequestBody,
  },
  { method: 'GET', path: '/emails', summary: 'The peering mailbox, newest first (filters: q on sender, subject or peer; mailbox inbox/sent; peerAsn; threads=true for one row per thread)', permission: 'emails.read', list: true },
  { method: 'GET', path: '/emails/{id}', summary: 'One message: headers, text, sanitized HTML, attachments (name, type, size), peer and how it was tied', permission: 'emails.read' },
  { method: 'POST', path: '/emails/{id}/associate', summary: 'Tie a message to a peer by hand ({"peerAsn": 64500}) or untie it ({"peerAsn": null})', permission: 'emails.manage', body: associateBody },
];

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
import { changeDecisionBody } from '@/lib/changes/schemas';
import { associateBody } from '@/lib/mail/api';
import { followUpTargetFields, peerRequestBody } from '@/lib/peering/request-schemas';
import { createTemplateInput, patchTemplateBody, previewRequestBody } from '@/lib/templates/schemas';
import { sendNoticeInput } from '@/lib/peering/notices';
import { createWebhookInput } from '@/lib/notifications/webhooks';
import { fixFindingsInput } from '@/lib/findings/schemas';
import { assignPoliciesInput, peerAsSetInput, policyInput, updatePolicyInput } from '@/lib/filters/policy-schemas';

export type ApiOperation = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  permission: Permission | null;
  body?: ZodType;
  list?: boolean;
  /** Not for API tokens at all (always 403): done signed in or with the CLI. */
  notForTokens?: string;
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
  {
    method: 'POST',
    path: '/tokens',
    summary: 'Create an API token',
    permission: 'tokens.own',
    body: createTokenInput,
    notForTokens: 'A token cannot create tokens (it would outlive its own revocation): create them signed in under Account, or with `npm run cli -- token create`.',
  },
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
    summary: 'Peers: networks with a live session, a status other than new, or notes; status per exchange (filters: q, status, ixId, localAsn)',
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
    summary: 'Change the peer status at an exchange through the workflow (an action that does not apply is a 409); mark_rejected and mark_not_qualified take doNotAskUntil (a future date); send/resend go through /peers/{asn}/requests',
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
    summary:
      'Configure the session on its router: {"mode": "now"|"schedule", "at"?: ISO time (default +1 h), "config"?: edited text for this push, "emergencyReason"?: push now outside a maintenance window}; returns {change, job}. With "dryRun": true, returns the change as it would be pushed (candidate, diff, approvalRequired, inWindow) and pushes nothing',
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
  { method: 'GET', path: '/policies', summary: 'Routing policies (import and export) with how many sessions, peers and peer groups use each', permission: 'peering.read', list: true },
  { method: 'POST', path: '/policies', summary: 'Create a routing policy: a name on the router, or (import) one Peerdesk renders with communities, IRR filter and RPKI drop', permission: 'policies.manage', body: policyInput },
  { method: 'GET', path: '/policies/{id}', summary: 'One routing policy', permission: 'peering.read' },
  { method: 'PATCH', path: '/policies/{id}', summary: 'Change a routing policy (takes effect at the next configuration)', permission: 'policies.manage', body: updatePolicyInput.omit({ id: true }) },
  { method: 'DELETE', path: '/policies/{id}', summary: 'Delete a routing policy; what used it falls back to the next level', permission: 'policies.manage' },
  {
    method: 'POST',
    path: '/policies/assign',
    summary: 'Assign import/export policies at level peer_group, peer (id = ASN) or session; null clears. Precedence: session > peer > peer group > the session type',
    permission: 'peers.manage',
    body: assignPoliciesInput,
  },
  { method: 'GET', path: '/peers/{asn}/prefix-lists', summary: 'The IRR prefix lists: {asSet, source, lists: [{family, prefixes, count, generatedAt, status}], warnings, history (with added/removed)}', permission: 'peering.read' },
  { method: 'POST', path: '/peers/{asn}/prefix-lists/refresh', summary: 'Regenerate the peer\'s lists with bgpq4 now; returns {job}', permission: 'peers.manage' },
  { method: 'PATCH', path: '/peers/{asn}/as-set', summary: 'Override the AS-SET the lists come from ({"asSet": "RIPE::AS-FOO"}; null goes back to PeeringDB\'s)', permission: 'peers.manage', body: peerAsSetInput.omit({ peerAsn: true }) },
  {
    method: 'GET',
    path: '/sessions/{id}/routes',
    summary: 'Received routes read from the router now (FRR; ?stored=1: as last read): {prefix, asPath, origin, rpki: valid|invalid|notfound, irr: listed|unlisted, accepted, reason}, with counts',
    permission: 'peering.read',
  },
  { method: 'POST', path: '/peeringdb/sync', summary: 'Start a PeeringDB sync job ({"full": true} to refetch everything)', permission: 'peeringdb.sync', body: syncRequestInput },
  { method: 'GET', path: '/jobs', summary: 'Scheduled and past jobs: running first, then due soonest, then newest (filters: q, status, kind)', permission: 'peering.read', list: true },
  { method: 'GET', path: '/jobs/{id}', summary: 'One job with its runs (attempt, runner, started, finished, status, output, error)', permission: 'peering.read' },
  { method: 'PATCH', path: '/jobs/{id}', summary: 'Reschedule a scheduled job ({"runAt": ISO time}; a past time is refused)', permission: 'jobs.manage', body: rescheduleJobInput.omit({ id: true }) },
  { method: 'DELETE', path: '/jobs/{id}', summary: 'Cancel a scheduled job (a running job cannot be cancelled)', permission: 'jobs.manage' },
  { method: 'POST', path: '/jobs/{id}/run', summary: 'Run a scheduled job now; answers with its outcome', permission: 'jobs.manage' },
  {
    method: 'GET',
    path: '/changes',
    summary: 'Every push as a change: those waiting for approval first, then newest (filters: status, routerId)',
    permission: 'peering.read',
    list: true,
  },
  { method: 'GET', path: '/changes/{id}', summary: 'One change: candidate, diff, approvals, router output, verification, rollback', permission: 'peering.read' },
  {
    method: 'POST',
    path: '/changes/{id}/approve',
    summary: 'Approve a change ({"comment"?}); the author may not (403). The router is read again: if it drifted, the change stays pending_approval with the new diff',
    permission: 'changes.approve',
    body: changeDecisionBody,
  },
  { method: 'POST', path: '/changes/{id}/reject', summary: 'Reject a change ({"comment"?}); the router is left untouched', permission: 'changes.approve', body: changeDecisionBody },
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
    summary: 'Send or resend a peering request by e-mail ({ixIds?, to?, cc?, subject?, body?, force?}; defaults from the draft); a resend within the resend window is refused (409) unless force',
    permission: 'peers.manage',
    body: peerRequestBody,
  },
  {
    method: 'GET',
    path: '/requests',
    summary:
      'The outbound pipeline, one row per peer x exchange x local ASN we asked: {peerAsn, ixId, exchange, localAsn, stage, sentAt, lastActivityAt, repliedAt, followUps, nextFollowUpAt, doNotAskUntil}; replied first, then stalled (filters: stage, peerAsn, ixId, localAsn, due=true)',
    permission: 'peering.read',
    list: true,
  },
  {
    method: 'POST',
    path: '/requests/follow-ups/run',
    summary: 'Run the follow-up pass now: reads the mailbox, records replies, stalls unanswered requests, sends (mode send) or lists (mode suggest) the due follow-ups',
    permission: 'peers.manage',
  },
  {
    method: 'POST',
    path: '/requests/follow-ups/send',
    summary: 'Send the next follow-up of one request now, in its thread ({peerAsn, ixId, localAsn}); refused once answered, stalled, out of follow-ups or declined',
    permission: 'peers.manage',
    body: followUpTargetFields,
  },
  {
    method: 'POST',
    path: '/notices',
    summary:
      'Bulk notice ({routerId? or ixId? or peerAsns?, subject, body}; subject and body are templates with peer, sessions, exchange, router): one e-mail per peer with sessions there, to its NOC/Technical contacts, filed in Sent and the notes; {results: [{peerAsn, to, status, error?}]}',
    permission: 'peers.manage',
    body: sendNoticeInput,
  },
  { method: 'GET', path: '/webhooks', summary: "The caller's webhooks: {id, url, events, createdAt} (never the secret)", permission: 'account.own', list: true },
  {
    method: 'POST',
    path: '/webhooks',
    summary:
      'Add a webhook ({url (http/https), events, secret?}): events are POSTed as JSON {id, event, at, text, data} signed with HMAC-SHA256 of the body in X-Peerdesk-Signature ("sha256=<hex>"); the secret is write-only (one made by Peerdesk is answered once)',
    permission: 'account.own',
    body: createWebhookInput,
  },
  { method: 'DELETE', path: '/webhooks/{id}', summary: 'Delete one of your webhooks (and its delivery log)', permission: 'account.own' },
  {
    method: 'GET',
    path: '/webhooks/{id}/deliveries',
    summary: 'The delivery log of one of your webhooks, newest first: {event, status pending/delivered/failed, attempts, responseStatus, error, nextAttemptAt}',
    permission: 'account.own',
    list: true,
  },
  { method: 'GET', path: '/emails', summary: 'The peering mailbox, newest first (filters: q on sender, subject or peer; mailbox inbox/sent; peerAsn; threads=true for one row per thread)', permission: 'emails.read', list: true },
  { method: 'GET', path: '/emails/{id}', summary: 'One message: headers, text, sanitized HTML, attachments (name, type, size), peer and how it was tied', permission: 'emails.read' },
  { method: 'POST', path: '/emails/{id}/associate', summary: 'Tie a message to a peer by hand ({"peerAsn": 64500}) or untie it ({"peerAsn": null})', permission: 'emails.manage', body: associateBody },
  {
    method: 'GET',
    path: '/findings',
    summary:
      'Open findings (health and drift), most severe and oldest first: {id, kind, severity, sessionId, routerId, peerAsn, ixId, details, remedy, since}; filters kind, severity, ixId, peerAsn',
    permission: 'peering.read',
    list: true,
  },
  {
    method: 'POST',
    path: '/findings/{id}/fix',
    summary: "Apply the finding's remedy ({mode?: now or schedule, at?}) as a change through the normal push path (held for approval when required); {fixed, changes, jobs, imported}",
    permission: 'sessions.configure',
    body: fixFindingsInput.omit({ ids: true }),
  },
  { method: 'POST', path: '/findings/fix', summary: 'Bulk fix: {ids, mode?, at?}; one change per router and operation', permission: 'sessions.configure', body: fixFindingsInput },
  {
    method: 'GET',
    path: '/opportunities',
    summary: 'Networks at our exchanges we do not peer with, best score first: {peerAsn, name, score, reasons, ixIds, policy, rsPeer}; filters ixId, policy, minScore, q',
    permission: 'peering.read',
    list: true,
  },
];

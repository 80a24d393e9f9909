import { db } from '@/db/client';
import { peerCandidates } from '@/db/queries/sessions';
import { query } from '@/lib/auth/mutation';
import { peerLookupInput } from './schemas';

/** The session wizard's PeeringDB lookup: a read, so it needs only peering.read. */
export const findPeers = query({
  name: 'session.peer_lookup',
  permission: 'peering.read',
  input: peerLookupInput,
  run: ({ input }) => peerCandidates(db(), input.ixId, input.q),
});

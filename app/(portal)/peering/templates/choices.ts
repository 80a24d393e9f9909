import { db } from '@/db/client';
import { previewPeerChoices, previewSessionChoices } from '@/db/queries/templates';
import type { PeerChoice, SessionChoice } from './preview-panel';

/** The preview pickers: sessions (of the platform when known) and networks with a session. */
export async function previewChoices(platform: string | null): Promise<{ sessions: SessionChoice[]; peers: PeerChoice[] }> {
  const [sessions, peers] = await Promise.all([previewSessionChoices(db(), platform), previewPeerChoices(db())]);
  return {
    sessions: sessions.map((s) => ({ id: s.id, platform: s.platform, label: `${s.routerName}: AS${s.peerAsn} ${s.peerIp}` })),
    peers,
  };
}

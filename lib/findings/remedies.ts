// The one-click remedies a finding can carry, and what the Findings page calls them. A leaf.

export const remedies = ['update_max_prefix', 'remove_session', 'move_session', 'import_session', 'repush'] as const;
export type Remedy = (typeof remedies)[number];

export const remedyLabels: Record<Remedy, string> = {
  update_max_prefix: 'Update max-prefix',
  remove_session: 'Remove the session',
  move_session: 'Add the session at the new address',
  import_session: "Import the router's session",
  repush: 'Re-push',
};

/** Every remedy pushes (sessions.configure); all but a plain re-push also change the session record (sessions.manage). */
export const changesRecord = (remedy: Remedy) => remedy !== 'repush';

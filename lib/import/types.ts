export type RouterPlatform = 'iosxr' | 'junos' | 'eos' | 'frr' | 'bird' | 'ios';

export type AddressFamily = 4 | 6;

/** A BGP session found in a router's configuration, ready to be reviewed and imported. */
export type ImportedNeighbor = {
  peerIp: string;
  remoteAsn: number | null;
  description: string | null;
  peerGroup: string | null;
  localAddress: string | null;
  /** Whether a TCP MD5 password is configured; the password itself is never kept. */
  hasMd5: boolean;
  maxPrefixes: number | null;
  addressFamily: AddressFamily;
  shutdown: boolean;
  /** 1-based line where the neighbor is first declared. */
  line: number;
};

export type ImportWarning = { line: number; message: string };

export type ImportResult = { neighbors: ImportedNeighbor[]; warnings: ImportWarning[] };

export type ConfigImporter = (text: string) => ImportResult;

import { type ParsedKey, utils } from 'ssh2';

/**
 * A fresh ed25519 key pair in OpenSSH format. ssh2's generator drops a leading zero byte of the public key
 * about once in 700 keys, and its own parser then refuses the key ("Malformed OpenSSH private key"):
 * generate again until the key parses, so no test fails on a key a real `ssh-keygen` would never write.
 */
export function sshKeyPair(): { private: string; public: string; parsed: ParsedKey } {
  for (let i = 0; i < 20; i++) {
    const keys = utils.generateKeyPairSync('ed25519');
    const parsed = utils.parseKey(keys.private);
    if (!(parsed instanceof Error)) return { ...keys, parsed };
  }
  throw new Error('Could not generate an SSH key pair');
}

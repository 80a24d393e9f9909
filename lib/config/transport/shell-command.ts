import type { Platform } from '@/db/schema';

/**
 * What Peerdesk hands to a router host's shell. The control command and the peers directory are
 * typed by people but run on router hosts, so they must have a shape no shell can read twice:
 * known words and absolute paths only, and every word single-quoted again when a command is built.
 * Pure (no server imports): the router form checks the same shapes in the browser.
 */

/** A word for a POSIX shell, single-quoted (a ' inside becomes '\''). */
export const sh = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

const PATH_CHARS = /^\/[A-Za-z0-9._/-]*$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** An absolute path of letters, digits and . _ - /, with no ".." step out of it. */
export const isSafePath = (value: string) => PATH_CHARS.test(value) && !value.split('/').includes('..');

const daemonCli: Record<string, 'frr' | 'bird'> = { vtysh: 'frr', birdc: 'bird', birdcl: 'bird' };

/** Options of each CLI that only say where the daemon is; the value is a path or a name. */
const options: Record<'frr' | 'bird', Record<string, 'path' | 'name'>> = {
  frr: { '--vty_socket': 'path', '--config_dir': 'path', '-N': 'name', '--pathspace': 'name' },
  bird: { '-s': 'path' },
};

const CONTROL_COMMAND_SHAPE = 'vtysh or birdc (or its absolute path), optionally after sudo [-n] and ip netns exec NAME, with only --vty_socket, --config_dir, -N / --pathspace (vtysh) or -s (birdc) and absolute paths';

type Parsed = { words: string[]; daemon: 'frr' | 'bird' } | { problem: string };

/** Reads a control command into its words, or says what is wrong with it. */
export function parseControlCommand(command: string): Parsed {
  if (/[^A-Za-z0-9 ._/=-]/.test(command)) {
    return { problem: `Only letters, digits, spaces and . _ - / = are allowed (no quotes, ;, |, $, & or other shell characters): ${CONTROL_COMMAND_SHAPE}` };
  }
  const words = command.trim().split(/ +/).flatMap((w) => (/^--[a-z_]+=/.test(w) ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w]));
  let i = 0;
  if (words[i] === 'sudo') i += words[i + 1] === '-n' ? 2 : 1;
  if (words[i] === 'ip' && words[i + 1] === 'netns' && words[i + 2] === 'exec') {
    if (!NAME.test(words[i + 3] ?? '')) return { problem: 'ip netns exec needs a namespace name of letters, digits and . _ -' };
    i += 4;
  }
  const binary = words[i] ?? '';
  const base = binary.startsWith('/') && isSafePath(binary) ? binary.slice(binary.lastIndexOf('/') + 1) : binary;
  const daemon = daemonCli[base];
  if (!daemon) return { problem: `"${binary || command}" is not a routing daemon's CLI: use ${CONTROL_COMMAND_SHAPE}` };
  for (i++; i < words.length; i += 2) {
    const kind = options[daemon][words[i]];
    const value = words[i + 1] ?? '';
    if (!kind) return { problem: `${base} option "${words[i]}" is not one Peerdesk passes on: use ${Object.keys(options[daemon]).join(', ')}` };
    if (kind === 'path' ? !isSafePath(value) : !NAME.test(value)) {
      return { problem: `${words[i]} needs ${kind === 'path' ? 'an absolute path of letters, digits and . _ - / (no "..")' : 'a name of letters, digits and . _ -'}` };
    }
  }
  return { words, daemon };
}

/** Empty when the command fits the platform; a message next to the field otherwise. */
export function controlCommandProblem(command: string, platform?: Platform): string | null {
  const parsed = parseControlCommand(command);
  if ('problem' in parsed) return parsed.problem;
  if (platform && parsed.daemon !== platform) {
    if (platform === 'frr') return 'An FRR router is reached with vtysh, not birdc';
    if (platform === 'bird') return 'A BIRD router is reached with birdc, not vtysh';
    return 'Only FRR and BIRD routers have a control command: this platform takes commands straight in its own CLI';
  }
  return null;
}

export const PEERS_DIR_PROBLEM = 'An absolute path of letters, digits and . _ - / without "..", e.g. /etc/bird/peers.d';

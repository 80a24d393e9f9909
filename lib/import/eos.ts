import { frrNeighborStatement, parseRouterBgp, type NeighborStatement } from './frr';
import type { ImportResult } from './types';

// EOS spells peer groups `peer group` (older releases `peer-group`) and limits received
// routes per neighbor with `maximum-routes`, for every address family at once.
const eosNeighborStatement: NeighborStatement = (scope, target, words, rest, line) => {
  if (words[0] === 'peer' && words[1] === 'group') {
    if ('peerIp' in target && words[2]) target.peerGroup = words[2];
  } else if (words[0] === 'maximum-routes') {
    // 0 means no limit on EOS
    if (words[1] !== '0') scope.book.setMaxPrefixes(target, 'any', words[1], line);
  } else {
    frrNeighborStatement(scope, target, words, rest, line);
  }
};

export function parseEos(text: string): ImportResult {
  return parseRouterBgp(text, eosNeighborStatement);
}

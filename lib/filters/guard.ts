import type { IrrSettings } from './settings';

// Small lists move by a few prefixes at a time: a change this small never counts as a jump.
const MIN_JUMP = 10;
// PeeringDB's counts are what a network announces; its IRR list is often larger, but not this much.
const PEERINGDB_FACTOR = 10;
const PEERINGDB_SLACK = 100;

export type Verdict = { status: 'good' | 'rejected'; warning: string | null };

/**
 * Whether a freshly generated list may replace the last good one. A bad list is never used: the
 * last good list stays and the verdict says why.
 */
export function judgeList(input: {
  family: 4 | 6;
  asSet: string;
  count: number;
  lastGood: { count: number } | null;
  peeringDbCount: number | null;
  limits: Pick<IrrSettings, 'maxChangePercent' | 'maxPrefixes'>;
}): Verdict {
  const { family, asSet, count, lastGood, peeringDbCount, limits } = input;
  const v = `IPv${family}`;
  if (count === 0) return { status: 'rejected', warning: `${asSet} gave no ${v} prefixes` };
  if (count > limits.maxPrefixes) {
    return { status: 'rejected', warning: `${asSet} expands to ${count} ${v} prefixes, more than the ${limits.maxPrefixes} a sane AS-SET has` };
  }
  if (peeringDbCount && count > Math.max(peeringDbCount * PEERINGDB_FACTOR, peeringDbCount + PEERINGDB_SLACK)) {
    return { status: 'rejected', warning: `${asSet} gave ${count} ${v} prefixes where PeeringDB says the network announces ${peeringDbCount}` };
  }
  if (lastGood) {
    const delta = count - lastGood.count;
    const percent = Math.round((Math.abs(delta) / lastGood.count) * 100);
    if (Math.abs(delta) > MIN_JUMP && percent > limits.maxChangePercent) {
      return { status: 'rejected', warning: `${v} list ${delta > 0 ? 'grew' : 'shrank'} from ${lastGood.count} to ${count} prefixes (${percent}%, more than ${limits.maxChangePercent}%)` };
    }
  }
  return { status: 'good', warning: null };
}

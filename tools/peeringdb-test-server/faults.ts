// Injected failures, scheduled per request: what a flaky PeeringDB or the network in between does.

interface FaultScope {
  /** Only API requests for this tag (`net`, `poc`, ...); any API request when absent. */
  tag?: string;
  /** Matching requests the fault affects (default 1). */
  times?: number;
  /** First matching request affected, counting from 1 (default 1): earlier ones pass. */
  fromRequest?: number;
}

export type FaultSpec = FaultScope &
  (
    | { kind: 'status'; status: number; body?: string }
    | { kind: 'throttle'; retryAfter: number }
    | { kind: 'truncate' }
    | { kind: 'hang' }
    | { kind: 'reset' }
    | { kind: 'latency'; ms: number }
  );

export type Disruption = Exclude<FaultSpec, { kind: 'latency' }>;

/** What to do with one request: wait `latencyMs`, then apply `disruption` if any. */
export interface FaultPlan {
  latencyMs: number;
  disruption: Disruption | null;
}

interface ScheduledFault {
  spec: FaultSpec;
  seen: number;
  remaining: number;
}

export class FaultError extends Error {}

const KINDS = new Set(['status', 'throttle', 'truncate', 'hang', 'reset', 'latency']);

/** Checks a fault that arrived as JSON; throws FaultError with the reason. */
export function parseFault(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null) throw new FaultError('a fault is a JSON object');
  const spec = input as Record<string, unknown>;
  const positive = (name: string, optional: boolean) => {
    const value = spec[name];
    if (value === undefined && optional) return;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new FaultError(`'${name}' must be a number >= 0`);
  };
  if (typeof spec.kind !== 'string' || !KINDS.has(spec.kind)) throw new FaultError(`'kind' must be one of ${[...KINDS].join(', ')}`);
  if (spec.tag !== undefined && typeof spec.tag !== 'string') throw new FaultError("'tag' must be a string");
  positive('times', true);
  positive('fromRequest', true);
  if (spec.kind === 'status') {
    positive('status', false);
    if ((spec.status as number) < 100 || (spec.status as number) > 599) throw new FaultError("'status' must be an HTTP status");
    if (spec.body !== undefined && typeof spec.body !== 'string') throw new FaultError("'body' must be a string");
  }
  if (spec.kind === 'throttle') positive('retryAfter', false);
  if (spec.kind === 'latency') positive('ms', false);
  return spec as unknown as FaultSpec;
}

export class Faults {
  private scheduled: ScheduledFault[] = [];

  add(...specs: FaultSpec[]): void {
    for (const spec of specs) this.scheduled.push({ spec, seen: 0, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.scheduled = [];
  }

  /** Faults still to fire, with how many requests each will still affect. */
  pending(): (FaultSpec & { remaining: number })[] {
    return this.scheduled.map(({ spec, remaining }) => ({ ...spec, remaining }));
  }

  /** Consumes the faults this request triggers: every due latency, and the first due disruption. */
  plan(tag: string | null): FaultPlan {
    const result: FaultPlan = { latencyMs: 0, disruption: null };
    for (const fault of this.scheduled) {
      if (fault.spec.tag !== undefined && fault.spec.tag !== tag) continue;
      fault.seen++;
      if (fault.seen < (fault.spec.fromRequest ?? 1) || fault.remaining <= 0) continue;
      if (fault.spec.kind === 'latency') result.latencyMs += fault.spec.ms;
      else if (result.disruption) continue;
      else result.disruption = fault.spec;
      fault.remaining--;
    }
    this.scheduled = this.scheduled.filter((fault) => fault.remaining > 0);
    return result;
  }
}

// The test server's data: a generated dataset plus copy-on-write edits, with indexes for fast paging.
import { type GenerateOptions, generateDataset } from './generate';
import { LAB_ID_BASE } from './lab-overlay';
import { type MutationSummary, type MutationTarget, applyMutation } from './mutations';
import { Random, hashSeed } from './random';
import { type Dataset, type RowByTag, TAGS, type Tag, isoSeconds } from './schema';

export interface MutateOptions {
  /** Share of each tag's ok rows to change (0.01 = 1%); a fifth as many are deleted and added. */
  fraction: number;
  /** Same seed, same store state: same mutation. Defaults to a per-store counter. */
  seed?: number;
  /** Epoch ms to stamp as `updated`; never earlier than 1 s after the newest row. */
  now?: number;
}

interface Table<T extends Tag> {
  /** Every row, any status, ascending id. */
  rows: RowByTag[T][];
  /** `status: "ok"` rows, ascending id: the unfiltered list without `since`. */
  ok: RowByTag[T][];
  byId: Map<number, RowByTag[T]>;
  /** Rows by ascending (`updated`, id), as `since` queries are ordered; built on first use. */
  byUpdated?: RowByTag[T][];
}

type Tables = { [T in Tag]: Table<T> };

function tableOf<T extends Tag>(rows: RowByTag[T][]): Table<T> {
  return { rows, ok: rows.filter((row) => row.status === 'ok'), byId: new Map(rows.map((row) => [row.id, row])) };
}

export class PeeringDbStore {
  private readonly pristine: Dataset;
  private tables!: Tables;
  private mutations = 0;
  private newestMs = 0;
  /** Lab fixture ids, which mutations never touch so tests can rely on them. */
  private readonly fixtureIds: { [T in Tag]: Set<number> };

  constructor(readonly options: GenerateOptions) {
    this.pristine = generateDataset(options);
    this.fixtureIds = Object.fromEntries(
      TAGS.map((tag) => [tag, new Set(this.pristine[tag].filter((row) => row.id >= LAB_ID_BASE).map((row) => row.id))]),
    ) as { [T in Tag]: Set<number> };
    this.reset();
  }

  /** Back to the generated dataset. */
  reset(): void {
    this.tables = Object.fromEntries(TAGS.map((tag) => [tag, tableOf(this.pristine[tag].slice())])) as unknown as Tables;
    this.mutations = 0;
    let newest = '';
    for (const tag of TAGS) for (const row of this.pristine[tag]) if (row.updated > newest) newest = row.updated;
    this.newestMs = Date.parse(newest);
  }

  rows<T extends Tag>(tag: T): readonly RowByTag[T][] {
    return this.table(tag).rows;
  }

  okRows<T extends Tag>(tag: T): readonly RowByTag[T][] {
    return this.table(tag).ok;
  }

  get<T extends Tag>(tag: T, id: number): RowByTag[T] | undefined {
    return this.table(tag).byId.get(id);
  }

  /** Rows with `updated` strictly after `sinceIso` (any status), oldest first. */
  updatedAfter<T extends Tag>(tag: T, sinceIso: string): readonly RowByTag[T][] {
    const table = this.table(tag);
    table.byUpdated ??= table.rows.slice().sort((a, b) => (a.updated < b.updated ? -1 : a.updated > b.updated ? 1 : a.id - b.id));
    const sorted = table.byUpdated;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid].updated > sinceIso) high = mid;
      else low = mid + 1;
    }
    return sorted.slice(low);
  }

  /** Epoch seconds of the newest `updated`: a `since` from here returns nothing until the next mutation. */
  latestUpdate(): number {
    return Math.floor(this.newestMs / 1000);
  }

  /** Counts of ok rows per tag. */
  counts(): Record<Tag, number> {
    return Object.fromEntries(TAGS.map((tag) => [tag, this.table(tag).ok.length])) as Record<Tag, number>;
  }

  mutate(options: MutateOptions): MutationSummary {
    const seed = options.seed ?? hashSeed('mutation', this.options.seed, this.mutations);
    this.mutations++;
    const stampMs = Math.max(Math.floor((options.now ?? Date.now()) / 1000) * 1000, this.newestMs + 1000);
    const touched = new Set<Tag>();
    const target: MutationTarget = {
      rows: (tag) => this.table(tag).rows,
      okRows: (tag) => this.table(tag).ok,
      get: (tag, id) => this.get(tag, id),
      isFixture: (tag, id) => this.fixtureIds[tag].has(id),
      put: (tag, row) => {
        const table = this.table(tag);
        const index = indexOfId(table.rows, row.id);
        if (index < table.rows.length && table.rows[index].id === row.id) table.rows[index] = row;
        else if (index === table.rows.length) table.rows.push(row);
        else throw new Error(`${tag} ${row.id}: new rows must have the highest id`);
        table.byId.set(row.id, row);
        touched.add(tag);
      },
    };
    const summary = applyMutation(target, new Random(seed), options.fraction, stampMs);
    for (const tag of touched) {
      const table = this.table(tag);
      table.ok = table.rows.filter((row) => row.status === 'ok');
      table.byUpdated = undefined;
    }
    this.newestMs = stampMs;
    return summary;
  }

  /** Overwrites fields of one row (tests: a hostile name), stamped as updated now so the next incremental sync takes it. */
  edit<T extends Tag>(tag: T, id: number, fields: Record<string, unknown>): RowByTag[T] {
    const table = this.table(tag);
    const index = indexOfId(table.rows, id);
    const row = table.rows[index];
    if (!row || row.id !== id) throw new Error(`${tag} ${id} does not exist`);
    const stampMs = Math.max(Math.floor(Date.now() / 1000) * 1000, this.newestMs + 1000);
    const edited = { ...row, ...fields, id, updated: isoSeconds(stampMs) } as RowByTag[T];
    table.rows[index] = edited;
    table.byId.set(id, edited);
    table.ok = table.rows.filter((r) => r.status === 'ok');
    table.byUpdated = undefined;
    this.newestMs = stampMs;
    return edited;
  }

  private table<T extends Tag>(tag: T): Table<T> {
    return this.tables[tag] as unknown as Table<T>;
  }
}

function indexOfId(rows: readonly { id: number }[], id: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid].id < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

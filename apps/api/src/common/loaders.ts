import DataLoader from 'dataloader';

/**
 * A kind of per-request batch loader, declared by the module that owns the data (the areas
 * module's areas by id, the apprentices module's apprentices under contract per agency, …) and
 * published by its service. `create` makes a fresh DataLoader; each request makes its own on first
 * use (`ctx.loaders.of(kind)`), so answers are batched within a request and never shared between two.
 */
export class LoaderKind<K, V> {
  constructor(readonly create: () => DataLoader<K, V>) {}
}

/** A loader kind of rows by id: `find` reads the rows of many ids at once; an id without a row gives null. */
export function loaderById<T extends { id: string }>(find: (ids: string[]) => Promise<T[]>): LoaderKind<string, T | null> {
  return new LoaderKind(
    () =>
      new DataLoader<string, T | null>(async (ids) => {
        const map = new Map((await find([...ids])).map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
  );
}

/** A loader kind of figures by key: `find` gives the value of each key it has; the others get `missing`. */
export function loaderByKey<K, V>(find: (keys: K[]) => Promise<Map<K, V>>, missing: () => V): LoaderKind<K, V> {
  return new LoaderKind(
    () =>
      new DataLoader<K, V>(async (keys) => {
        const map = await find([...keys]);
        return keys.map((k) => map.get(k) ?? missing());
      }),
  );
}

/** Per-request loaders: every relation field resolves through one of these (no N+1). */
export class RequestLoaders {
  /** Answers worked out once per request (e.g. which networks the user leads), by key. */
  readonly memo = new Map<string, Promise<unknown>>();
  private readonly made = new Map<LoaderKind<never, unknown>, DataLoader<never, unknown>>();

  /** The request's loader of this kind, made on first use. */
  of<K, V>(kind: LoaderKind<K, V>): DataLoader<K, V> {
    let loader = this.made.get(kind as LoaderKind<never, unknown>) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = kind.create();
      this.made.set(kind as LoaderKind<never, unknown>, loader as unknown as DataLoader<never, unknown>);
    }
    return loader;
  }
}

export type Loaders = RequestLoaders;

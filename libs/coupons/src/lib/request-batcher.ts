/**
 * One query for a field of every row of a list, instead of one per row. GraphQL calls a field's
 * resolver for each row of a list before any of their promises settles, so the keys asked for within
 * one turn of the event loop, per request (`scope`: the request context), are loaded together.
 * Nothing is cached past the batch: a later read in the same request sees later writes.
 */
export class RequestBatcher<V> {
  private readonly open = new WeakMap<object, { keys: Set<string>; result: Promise<Map<string, V>> }>();

  constructor(private readonly loadMany: (keys: string[]) => Promise<Map<string, V>>) {}

  async load(scope: object, key: string): Promise<V | undefined> {
    let batch = this.open.get(scope);
    if (!batch) {
      const keys = new Set<string>();
      const result = new Promise<Map<string, V>>((resolve, reject) => {
        setImmediate(() => {
          this.open.delete(scope);
          this.loadMany([...keys]).then(resolve, reject);
        });
      });
      batch = { keys, result };
      this.open.set(scope, batch);
    }
    batch.keys.add(key);
    return (await batch.result).get(key);
  }
}

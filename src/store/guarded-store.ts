import { AsyncLocalStorage } from "node:async_hooks";
import { StoreError } from "../lib/index.js";
import type { Store } from "./ports.js";
import type { SyncParts, TransactionDriver } from "./sync-ports.js";
import { STORE_PARTS as PARTS } from "./store-parts.js";

type AnyFn = (...args: unknown[]) => unknown;
type Part = Record<string, AnyFn>;

/**
 * Async ports over a synchronous engine. One connection serves every task, so while a transaction
 * awaits, another task's statement would land inside it (and be rolled back with it, or see its
 * uncommitted rows). A lock keeps every other task out until the transaction ends; statements
 * outside a transaction run at once when no transaction is open.
 */
export function createGuardedStore(
  kind: Store["kind"],
  parts: SyncParts,
  driver: TransactionDriver,
): Store {
  let locked = false;
  const waiting: Array<() => void> = [];
  const inTransaction = new AsyncLocalStorage<true>();
  const acquire = (): Promise<void> | undefined => {
    if (!locked) {
      locked = true;
      return undefined;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  // The lock passes straight to the next waiter, so nobody can slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next === undefined) locked = false;
    else next();
  };

  const run = (fn: AnyFn, args: unknown[]): Promise<unknown> => {
    try {
      return Promise.resolve(fn(...args));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const guarded = (fn: AnyFn): AnyFn =>
    function (...args) {
      if (!locked) return run(fn, args);
      if (inTransaction.getStore()) {
        return Promise.reject(
          new StoreError("a transaction must use the store it was given, not the outer one"),
        );
      }
      return acquire()!.then(() => run(fn, args).finally(release));
    };
  const wrap = (wrapFn: (fn: AnyFn) => AnyFn) =>
    Object.fromEntries(
      PARTS.map((name) => {
        const part = parts[name] as unknown as Part;
        const entries = Object.keys(part).map((key) => [key, wrapFn(part[key]!.bind(part))]);
        return [name, Object.fromEntries(entries)];
      }),
    ) as unknown as Pick<Store, (typeof PARTS)[number]>;

  const direct =
    (fn: AnyFn): AnyFn =>
    (...args) =>
      run(fn, args);
  let savepoints = 0;
  // Nested transactions of one transaction run one after another: savepoints form a stack.
  let nestedChain: Promise<unknown> = Promise.resolve();
  const txStore: Store = {
    kind,
    ...wrap(direct),
    transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      const next = nestedChain.then(async () => {
        const name = `sp${++savepoints}`;
        driver.savepoint(name);
        try {
          const result = await fn(txStore);
          driver.releaseSavepoint(name);
          return result;
        } catch (error) {
          driver.rollbackToSavepoint(name);
          throw error;
        }
      });
      nestedChain = next.catch(() => undefined);
      return next;
    },
  };

  return {
    kind,
    ...wrap(guarded),
    async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      if (inTransaction.getStore()) {
        throw new StoreError("a transaction must use the store it was given, not the outer one");
      }
      const wait = acquire();
      if (wait !== undefined) await wait;
      try {
        driver.begin();
        savepoints = 0;
        nestedChain = Promise.resolve();
        try {
          const result = await inTransaction.run(true, () => fn(txStore));
          driver.commit();
          return result;
        } catch (error) {
          driver.rollback();
          throw error;
        }
      } finally {
        release();
      }
    },
  };
}

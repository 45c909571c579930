/**
 * The customer references recently used in the sandbox, newest first, per workspace: the sandbox
 * stands in for a mini-program, and testers come back to the same few customers.
 */

export const MAX_RECENT = 8;

const keyOf = (workspaceId: string) => `mop.sandbox.recentCustomers.${workspaceId}`;

export function loadRecent(storage: Pick<Storage, 'getItem'>, workspaceId: string): string[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(keyOf(workspaceId)) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** Puts `ref` first (once), keeps at most MAX_RECENT, and returns the new list. */
export function rememberRecent(storage: Pick<Storage, 'getItem' | 'setItem'>, workspaceId: string, ref: string): string[] {
  const next = [ref, ...loadRecent(storage, workspaceId).filter((r) => r !== ref)].slice(0, MAX_RECENT);
  try {
    storage.setItem(keyOf(workspaceId), JSON.stringify(next));
  } catch {
    // Storage full or disabled (private browsing): the list just is not remembered.
  }
  return next;
}

export function forgetRecent(storage: Pick<Storage, 'getItem' | 'setItem'>, workspaceId: string, ref: string): string[] {
  const next = loadRecent(storage, workspaceId).filter((r) => r !== ref);
  try {
    storage.setItem(keyOf(workspaceId), JSON.stringify(next));
  } catch {
    // As above.
  }
  return next;
}

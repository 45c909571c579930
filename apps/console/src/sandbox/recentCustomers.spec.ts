import { forgetRecent, loadRecent, MAX_RECENT, rememberRecent } from './recentCustomers';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('recent sandbox customers', () => {
  it('keeps the newest first, once, and at most a few', () => {
    const storage = memoryStorage();
    rememberRecent(storage, 'm1', 'alice');
    rememberRecent(storage, 'm1', 'bob');
    expect(rememberRecent(storage, 'm1', 'alice')).toEqual(['alice', 'bob']);
    for (let i = 0; i < 20; i++) rememberRecent(storage, 'm1', `c${i}`);
    expect(loadRecent(storage, 'm1')).toHaveLength(MAX_RECENT);
    expect(loadRecent(storage, 'm1')[0]).toBe('c19');
  });

  it('keeps each workspace apart, and forgets on request', () => {
    const storage = memoryStorage();
    rememberRecent(storage, 'm1', 'alice');
    rememberRecent(storage, 'm2', 'zoe');
    expect(loadRecent(storage, 'm1')).toEqual(['alice']);
    expect(forgetRecent(storage, 'm1', 'alice')).toEqual([]);
    expect(loadRecent(storage, 'm2')).toEqual(['zoe']);
  });

  it('survives storage it cannot read or write', () => {
    const broken = { getItem: () => '{not json', setItem: () => { throw new Error('quota'); } };
    expect(loadRecent(broken, 'm1')).toEqual([]);
    expect(rememberRecent(broken, 'm1', 'alice')).toEqual(['alice']);
  });
});

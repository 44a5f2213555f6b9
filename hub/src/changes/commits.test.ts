import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.js';
import { changeOf, type Change } from './change.js';
import { createCommits } from './commits.js';

function setUp() {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE t (v TEXT NOT NULL UNIQUE) STRICT');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const commits = createCommits(db);
  const published: string[] = [];
  commits.listen({ committed: (changes) => published.push(...changes.map(serviceOf)) });
  /** A mutation writing `v`, its change naming `v` as its service. */
  const write = (v: string) => () => {
    insert.run(v);
    return { data: v, changes: [changeOf('counter-updated', { serviceIds: [v] })] };
  };
  return { commits, published, write };
}
const serviceOf = (c: Change) => c.serviceIds[0] ?? '';

describe('commits', () => {
  it('commits and publishes in the order asked for: a run does not overtake a shared one', async () => {
    const { commits, published, write } = setUp();
    const shared = commits.grouped(write('a'));
    const alone = commits.run(write('b'));
    expect(alone).toBe('b');
    expect(published).toEqual(['a', 'b']);
    expect(await shared).toBe('a');
  });

  it('a shared step made of runs commits with the turn, and a refused one changes nothing', async () => {
    const { commits, published, write } = setUp();
    const both = commits.shared(() => [commits.run(write('c')), commits.run(write('d'))]);
    const refused = commits.shared(() => {
      commits.run(write('e'));
      throw new Error('refused');
    });
    const issued = commits.grouped(write('f'));
    expect(published).toEqual([]); // nothing before the turn's one commit
    expect(await both).toEqual(['c', 'd']);
    await expect(refused).rejects.toThrow('refused');
    expect(await issued).toBe('f');
    expect(published).toEqual(['c', 'd', 'f']);
  });
});

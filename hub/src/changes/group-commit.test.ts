import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.js';
import { createGroupCommit } from './group-commit.js';

function setUp() {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE t (v TEXT NOT NULL UNIQUE) STRICT');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const rows = () => db.prepare<[], { v: string }>('SELECT v FROM t ORDER BY rowid').all();
  return { db, commit: createGroupCommit(db), insert, rows };
}

describe('group commit', () => {
  it('commits requests of one turn together, and answers each with its own result', async () => {
    const { db, commit, insert, rows } = setUp();
    const inTransaction: boolean[] = [];
    const pending = ['a', 'b', 'c'].map((v) =>
      commit(() => {
        inTransaction.push(db.inTransaction);
        insert.run(v);
        return v.toUpperCase();
      }),
    );
    // By the time the first is answered, all three are on disk: one commit covered them.
    const seenByFirst = await pending[0]?.then(() => rows().length);
    expect(seenByFirst).toBe(3);
    expect(inTransaction).toEqual([true, true, true]);
    expect(await Promise.all(pending)).toEqual(['A', 'B', 'C']);
    expect(rows().map((r) => r.v)).toEqual(['a', 'b', 'c']);
  });

  it('rolls back only the request that failed; the others in the batch are kept', async () => {
    const { db, commit, insert, rows } = setUp();
    const each = (v: string) => commit(() => db.transaction(() => insert.run(v))());
    const settled = await Promise.allSettled([each('a'), each('a'), each('b')]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows().map((r) => r.v)).toEqual(['a', 'b']);
  });

  it('answers nobody before the shared commit, and later turns get a new batch', async () => {
    const { commit, insert, rows } = setUp();
    const first = commit(() => insert.run('x'));
    expect(rows()).toEqual([]); // not yet: the batch runs after this turn
    await first;
    expect(rows()).toEqual([{ v: 'x' }]);
    await commit(() => insert.run('y'));
    expect(rows().map((r) => r.v)).toEqual(['x', 'y']);
  });

  it('commits the batch at once when flushed; the flush at the end of the turn finds nothing', async () => {
    const { commit, insert, rows } = setUp();
    const first = commit(() => insert.run('x'));
    commit.flush();
    expect(rows()).toEqual([{ v: 'x' }]); // on disk before this turn ends
    expect(await first).toMatchObject({ changes: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(rows()).toEqual([{ v: 'x' }]);
  });
});

import { readKey, sharedRead, withSharedReads } from '../../src/school/records/shared-reads';

/** A read that counts how often it reaches «the database». */
const countingRead = () => {
  let calls = 0;
  const read = async () => {
    calls += 1;
    return { id: calls };
  };
  return { read, calls: () => calls };
};

describe('reads shared by the writes of one batch', () => {
  it('goes to the database every time outside a batch', async () => {
    const journal = countingRead();
    await sharedRead(readKey('related', 'api::journal.journal', { documentId: 'j1' }), journal.read);
    await sharedRead(readKey('related', 'api::journal.journal', { documentId: 'j1' }), journal.read);
    expect(journal.calls()).toBe(2);
  });

  it('makes the same read once inside a batch and gives every write the same answer', async () => {
    const journal = countingRead();
    const answers = await withSharedReads(async () => {
      const first = await sharedRead(readKey('related', 'api::journal.journal', { documentId: 'j1' }), journal.read);
      const second = await sharedRead(readKey('related', 'api::journal.journal', { documentId: 'j1' }), journal.read);
      return [first, second];
    });
    expect(journal.calls()).toBe(1);
    expect(answers[1]).toBe(answers[0]);
  });

  it('keeps reads with different keys apart', async () => {
    const pupil = countingRead();
    await withSharedReads(async () => {
      await sharedRead(readKey('related', 'api::student.student', { documentId: 'p1' }), pupil.read);
      await sharedRead(readKey('related', 'api::student.student', { documentId: 'p2' }), pupil.read);
      await sharedRead(readKey('related', 'api::student.student', { documentId: 'p1' }, { guardians: true }), pupil.read);
    });
    expect(pupil.calls()).toBe(3);
  });

  it('starts every batch afresh, so a later batch sees what an earlier one wrote', async () => {
    const period = countingRead();
    const key = readKey('closed-period', [1]);
    await withSharedReads(() => sharedRead(key, period.read));
    await withSharedReads(() => sharedRead(key, period.read));
    expect(period.calls()).toBe(2);
  });

  it('shares a read still on its way between writes judged at once', async () => {
    const lesson = countingRead();
    await withSharedReads(() =>
      Promise.all([1, 2, 3].map(() => sharedRead(readKey('related', 'api::lesson.lesson', { id: 7 }), lesson.read))),
    );
    expect(lesson.calls()).toBe(1);
  });
});

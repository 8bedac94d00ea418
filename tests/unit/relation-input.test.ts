import { readToManyInput, readToOneInput } from '../../src/school/records/relation-input';

const current = { id: 7, documentId: 'doc7' };

describe('readToOneInput', () => {
  it('leaves the relation alone when the write does not mention it', () => {
    expect(readToOneInput(undefined, current)).toBeUndefined();
    expect(readToOneInput({ connect: [], disconnect: [] }, current)).toBeUndefined();
  });

  it('reads every shorthand the document service accepts', () => {
    expect(readToOneInput(5, null)).toEqual({ id: 5 });
    expect(readToOneInput('12', null)).toEqual({ id: 12 });
    expect(readToOneInput('abc123', null)).toEqual({ documentId: 'abc123' });
    expect(readToOneInput({ documentId: 'abc' }, null)).toEqual({ documentId: 'abc' });
    expect(readToOneInput({ id: 3 }, null)).toEqual({ id: 3 });
    expect(readToOneInput([{ id: 3 }], null)).toEqual({ id: 3 });
  });

  it('reads connect, set and disconnect like the admin panel sends them', () => {
    expect(readToOneInput({ connect: [{ id: 9, documentId: 'doc9' }], disconnect: [] }, current)).toEqual({ documentId: 'doc9' });
    expect(readToOneInput({ set: ['doc3'] }, current)).toEqual({ documentId: 'doc3' });
    expect(readToOneInput({ disconnect: [{ id: 7 }] }, current)).toBeNull();
    expect(readToOneInput({ disconnect: [{ id: 8 }] }, current)).toBeUndefined();
  });

  it('reads null and empty lists as clearing the relation', () => {
    expect(readToOneInput(null, current)).toBeNull();
    expect(readToOneInput([], current)).toBeNull();
  });
});

describe('readToManyInput', () => {
  const members = [
    { id: 1, documentId: 'a' },
    { id: 2, documentId: 'b' },
  ];

  it('replaces the list with a plain array or set', () => {
    expect(readToManyInput(['x', 3], members)).toEqual([{ documentId: 'x' }, { id: 3 }]);
    expect(readToManyInput({ set: [{ id: 4 }] }, members)).toEqual([{ id: 4 }]);
  });

  it('applies connect and disconnect to the current list', () => {
    expect(readToManyInput({ connect: [{ documentId: 'c' }], disconnect: [{ documentId: 'a' }] }, members)).toEqual([
      { id: 2 },
      { documentId: 'c' },
    ]);
  });

  it('leaves the list alone when nothing is connected or disconnected', () => {
    expect(readToManyInput({ connect: [], disconnect: [] }, members)).toBeUndefined();
    expect(readToManyInput(undefined, members)).toBeUndefined();
  });
});

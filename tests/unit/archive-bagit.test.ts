import {
  buildBag,
  decodeManifestPath,
  encodeManifestPath,
  formatBagSize,
  parseBagInfo,
  parseManifest,
  payloadOxum,
  sha256,
  validateBag,
  digestOf,
} from '../../src/plugins/records-archive/server/src/archive/bagit';

const payload = [
  { path: 'journal.json', content: Buffer.from('{"a":1}\n') },
  { path: 'journal.pdf', content: Buffer.from('%PDF-1.3 fake') },
];
const info = {
  sourceOrganization: 'МБОУ «СОШ № 1»',
  baggingDate: '2025-10-25',
  externalDescription: 'Архивная копия электронного журнала:\n5А класс',
  externalIdentifier: 'abc123',
};
const asMap = (files: Array<{ path: string; content: Buffer }>) => new Map(files.map((file) => [file.path, file.content]));

describe('Payload-Oxum and Bag-Size', () => {
  it.each([
    [[], '0.0'],
    [[{ size: 10 }], '10.1'],
    [[{ size: 10 }, { size: 0 }, { size: 5 }], '15.3'],
  ])('payload %j → %s', (files, oxum) => {
    expect(payloadOxum(files)).toBe(oxum);
  });

  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
  ])('%i bytes → %s', (bytes, text) => {
    expect(formatBagSize(bytes)).toBe(text);
  });
});

describe('manifests', () => {
  it('percent-encode CR, LF and % in paths, and decode them back', () => {
    const odd = 'data/a%b\nc\rd.txt';
    expect(encodeManifestPath(odd)).toBe('data/a%25b%0Ac%0Dd.txt');
    expect(decodeManifestPath(encodeManifestPath(odd))).toBe(odd);
  });

  it('parse «checksum path» lines, with tabs or several spaces, and refuse paths that leave the bag', () => {
    const hash = 'a'.repeat(64);
    expect([...parseManifest(`${hash}  data/x.txt\n${hash.toUpperCase()}\tdata/y z.txt\r\n`)]).toEqual([
      ['data/x.txt', hash],
      ['data/y z.txt', hash],
    ]);
    expect(() => parseManifest(`${hash}  ../etc/passwd\n`)).toThrow(/leaves the bag/);
    expect(() => parseManifest('nonsense\n')).toThrow(/Malformed/);
  });

  it('parse bag-info with repeated labels and continuation lines', () => {
    const parsed = parseBagInfo(
      'Source-Organization: Школа\nContact-Name: А\nContact-Name: Б\nExternal-Description: первая\n  вторая строка\n',
    );
    expect(parsed.get('Contact-Name')).toEqual(['А', 'Б']);
    expect(parsed.get('External-Description')).toEqual(['первая вторая строка']);
  });
});

describe('buildBag', () => {
  const bag = buildBag(payload, info);
  const byPath = asMap(bag);

  it('lays out the declaration, bag-info, both manifests and the payload under data/', () => {
    expect(bag.map((file) => file.path)).toEqual([
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha256.txt',
      'tagmanifest-sha256.txt',
      'data/journal.json',
      'data/journal.pdf',
    ]);
    expect(byPath.get('bagit.txt')?.toString()).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  });

  it('lists every payload file with its SHA-256, sorted, and every tag file in the tag manifest', () => {
    expect(byPath.get('manifest-sha256.txt')?.toString()).toBe(
      `${sha256(payload[0].content)}  data/journal.json\n${sha256(payload[1].content)}  data/journal.pdf\n`,
    );
    const tags = parseManifest(byPath.get('tagmanifest-sha256.txt')?.toString() ?? '');
    expect([...tags.keys()].sort()).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
    for (const [path, hash] of tags) expect(sha256(byPath.get(path) as Buffer)).toBe(hash);
  });

  it('writes bag-info in UTF-8 with the payload’s Oxum and size, folding line breaks out of values', () => {
    const text = byPath.get('bag-info.txt')?.toString('utf8') ?? '';
    const parsed = parseBagInfo(text);
    expect(parsed.get('Source-Organization')).toEqual(['МБОУ «СОШ № 1»']);
    expect(parsed.get('External-Description')).toEqual(['Архивная копия электронного журнала: 5А класс']);
    expect(parsed.get('Payload-Oxum')).toEqual([`${payload[0].content.length + payload[1].content.length}.2`]);
    expect(parsed.get('Bag-Size')).toEqual(['21 bytes']);
    expect(parsed.get('External-Identifier')).toEqual(['abc123']);
  });

  it('is deterministic and refuses duplicate or escaping payload paths', () => {
    expect(buildBag(payload, info)).toEqual(bag);
    expect(() => buildBag([...payload, payload[0]], info)).toThrow(/Duplicate/);
    expect(() => buildBag([{ path: '../x', content: Buffer.from('') }], info)).toThrow(/leaves the bag/);
  });
});

describe('validateBag', () => {
  const bag = buildBag(payload, info);
  const recorded = bag.map(digestOf);

  it('finds nothing wrong with an intact bag', () => {
    expect(validateBag(asMap(bag), recorded)).toEqual([]);
  });

  it('reports a changed payload file, a missing one, and an unlisted one', () => {
    const files = asMap(bag);
    files.set('data/journal.json', Buffer.from('{"a":2}\n'));
    files.delete('data/journal.pdf');
    files.set('data/extra.txt', Buffer.from('x'));
    const problems = validateBag(files);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'data/journal.json', problem: 'checksum' },
        { path: 'data/journal.pdf', problem: 'missing' },
        { path: 'data/extra.txt', problem: 'unexpected' },
      ]),
    );
    expect(problems.some((problem) => problem.path === 'bag-info.txt' && /Payload-Oxum/.test(problem.detail ?? ''))).toBe(true);
  });

  it('catches a bag whose manifests were rewritten to match the tampering, by the digests recorded at archiving', () => {
    const forged = buildBag([{ path: 'journal.json', content: Buffer.from('{"a":9}\n') }, payload[1]], info);
    expect(validateBag(asMap(forged))).toEqual([]);
    const problems = validateBag(asMap(forged), recorded);
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['data/journal.json', 'manifest-sha256.txt', 'tagmanifest-sha256.txt']),
    );
  });

  it('reports a broken declaration and a malformed manifest', () => {
    const files = asMap(bag);
    files.set('bagit.txt', Buffer.from('BagIt-Version: 1.0\n'));
    files.set('manifest-sha256.txt', Buffer.from('garbage\n'));
    expect(validateBag(files)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'bagit.txt', problem: 'invalid' }),
        expect.objectContaining({ path: 'manifest-sha256.txt', problem: 'invalid' }),
      ]),
    );
  });
});

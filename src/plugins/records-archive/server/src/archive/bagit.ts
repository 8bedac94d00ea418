import { createHash } from 'crypto';

/**
 * BagIt bags (RFC 8493), built and read in memory: the payload goes under `data/`, every payload
 * file is listed with its SHA-256 in `manifest-sha256.txt`, every tag file in
 * `tagmanifest-sha256.txt`, so any standard tool (bagit-python, LoC's bagit-java) can verify a bag.
 * Pure functions, no file system.
 */

/** One file of a bag, its path relative to the bag's base directory with `/` separators. */
export interface BagFile {
  path: string;
  content: Buffer;
}

/** What the archive keeps of every file of a bag, to check copies against it years later. */
export interface BagFileDigest {
  path: string;
  sha256: string;
  size: number;
}

export interface BagInfo {
  sourceOrganization: string;
  /** Local date `YYYY-MM-DD`. */
  baggingDate: string;
  externalDescription: string;
  externalIdentifier?: string;
  /** More `Label: value` lines, in order. */
  extra?: Array<[string, string]>;
}

export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const PAYLOAD_DIR = 'data/';

export const BAGIT_DECLARATION = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

/** RFC 8493 §2.1.3: in manifests, CR, LF and % in a path are percent-encoded. */
export const encodeManifestPath = (path: string): string => path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const decodeManifestPath = (path: string): string => path.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');

/** `Payload-Oxum`: the payload's total size in octets and its number of files, «octets.count». */
export const payloadOxum = (payload: Array<{ size: number }>): string =>
  `${payload.reduce((total, file) => total + file.size, 0)}.${payload.length}`;

/** `Bag-Size`, human-readable as the RFC suggests: «12.3 KB», «4.1 MB». */
export const formatBagSize = (bytes: number): string => {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
};

export const digestOf = (file: BagFile): BagFileDigest => ({ path: file.path, sha256: sha256(file.content), size: file.content.length });

/** Manifest lines «checksum  path», sorted by path so the same bag always gives the same bytes. */
export const manifestText = (files: BagFileDigest[]): string =>
  [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => `${file.sha256}  ${encodeManifestPath(file.path)}\n`)
    .join('');

/** Parses a manifest into path → checksum; refuses malformed lines and paths that leave the bag. */
export const parseManifest = (text: string): Map<string, string> => {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (!trimmed) continue;
    const match = /^([0-9a-fA-F]{64})[ \t]+(.+)$/.exec(trimmed);
    if (!match) throw new Error(`Malformed manifest line: ${trimmed}`);
    const path = decodeManifestPath(match[2]);
    if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`Manifest path leaves the bag: ${path}`);
    entries.set(path, match[1].toLowerCase());
  }
  return entries;
};

/** Parses `bag-info.txt` into label → values (labels may repeat; continuation lines start with whitespace). */
export const parseBagInfo = (text: string): Map<string, string[]> => {
  const info = new Map<string, string[]>();
  let last: { label: string; index: number } | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line) continue;
    if (/^[ \t]/.test(line) && last) {
      const values = info.get(last.label) as string[];
      values[last.index] = `${values[last.index]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`Malformed bag-info line: ${line}`);
    const label = line.slice(0, colon).trim();
    const values = info.get(label) ?? [];
    values.push(line.slice(colon + 1).trim());
    info.set(label, values);
    last = { label, index: values.length - 1 };
  }
  return info;
};

const infoLine = (label: string, value: string): string => `${label}: ${value.replace(/\s*[\r\n]+\s*/g, ' ')}\n`;

/**
 * The whole bag for a payload: `bagit.txt`, `bag-info.txt`, `manifest-sha256.txt`,
 * `tagmanifest-sha256.txt` and `data/…`. Payload paths are given relative to `data/`.
 */
export const buildBag = (payload: BagFile[], info: BagInfo): BagFile[] => {
  const seen = new Set<string>();
  const dataFiles = payload.map((file) => {
    const path = `${PAYLOAD_DIR}${file.path.replace(/^\/+/, '')}`;
    if (seen.has(path)) throw new Error(`Duplicate payload path: ${path}`);
    if (path.split('/').includes('..')) throw new Error(`Payload path leaves the bag: ${path}`);
    seen.add(path);
    return { path, content: file.content };
  });
  const payloadDigests = dataFiles.map(digestOf);
  const manifest: BagFile = { path: MANIFEST, content: Buffer.from(manifestText(payloadDigests), 'utf8') };
  const totalBytes = payloadDigests.reduce((total, file) => total + file.size, 0);
  const bagInfo: BagFile = {
    path: BAG_INFO_TXT,
    content: Buffer.from(
      [
        infoLine('Source-Organization', info.sourceOrganization),
        infoLine('Bagging-Date', info.baggingDate),
        infoLine('External-Description', info.externalDescription),
        ...(info.externalIdentifier ? [infoLine('External-Identifier', info.externalIdentifier)] : []),
        ...(info.extra ?? []).map(([label, value]) => infoLine(label, value)),
        infoLine('Payload-Oxum', payloadOxum(payloadDigests)),
        infoLine('Bag-Size', formatBagSize(totalBytes)),
      ].join(''),
      'utf8',
    ),
  };
  const declaration: BagFile = { path: BAGIT_TXT, content: Buffer.from(BAGIT_DECLARATION, 'utf8') };
  const tagManifest: BagFile = {
    path: TAG_MANIFEST,
    content: Buffer.from(manifestText([declaration, bagInfo, manifest].map(digestOf)), 'utf8'),
  };
  return [declaration, bagInfo, manifest, tagManifest, ...dataFiles];
};

export interface BagProblem {
  path: string;
  problem: 'missing' | 'checksum' | 'size' | 'unexpected' | 'invalid';
  detail?: string;
}

/**
 * Checks a bag's files against its own manifests and, when given, against the digests the archive
 * recorded when it was made (so a bag whose manifests were rewritten along with its data is caught
 * too). Returns the problems found; an empty list means the bag is complete and intact.
 */
export const validateBag = (files: Map<string, Buffer>, recorded?: BagFileDigest[]): BagProblem[] => {
  const problems: BagProblem[] = [];
  const text = (path: string): string | null => {
    const content = files.get(path);
    if (!content) {
      problems.push({ path, problem: 'missing' });
      return null;
    }
    return content.toString('utf8');
  };
  const declaration = text(BAGIT_TXT);
  if (declaration !== null && !/^BagIt-Version: 1\.\d+\r?\nTag-File-Character-Encoding: UTF-8\r?\n?$/.test(declaration)) {
    problems.push({ path: BAGIT_TXT, problem: 'invalid', detail: 'not a BagIt declaration' });
  }
  const check = (manifestPath: string, expectPayload: boolean): void => {
    const manifestContent = text(manifestPath);
    if (manifestContent === null) return;
    let entries: Map<string, string>;
    try {
      entries = parseManifest(manifestContent);
    } catch (error) {
      problems.push({ path: manifestPath, problem: 'invalid', detail: (error as Error).message });
      return;
    }
    for (const [path, checksum] of entries) {
      const content = files.get(path);
      if (!content) problems.push({ path, problem: 'missing' });
      else if (sha256(content) !== checksum) problems.push({ path, problem: 'checksum' });
    }
    if (expectPayload) {
      for (const path of files.keys()) {
        if (path.startsWith(PAYLOAD_DIR) && !entries.has(path)) problems.push({ path, problem: 'unexpected' });
      }
    }
  };
  check(MANIFEST, true);
  check(TAG_MANIFEST, false);
  const info = text(BAG_INFO_TXT);
  if (info !== null) {
    try {
      const oxum = parseBagInfo(info).get('Payload-Oxum')?.[0];
      const payload = [...files.entries()]
        .filter(([path]) => path.startsWith(PAYLOAD_DIR))
        .map(([, content]) => ({ size: content.length }));
      if (oxum && oxum !== payloadOxum(payload)) problems.push({ path: BAG_INFO_TXT, problem: 'invalid', detail: `Payload-Oxum ${oxum}` });
    } catch (error) {
      problems.push({ path: BAG_INFO_TXT, problem: 'invalid', detail: (error as Error).message });
    }
  }
  for (const digest of recorded ?? []) {
    const content = files.get(digest.path);
    if (!content) {
      if (!problems.some((problem) => problem.path === digest.path && problem.problem === 'missing')) {
        problems.push({ path: digest.path, problem: 'missing' });
      }
    } else if (content.length !== digest.size) {
      problems.push({ path: digest.path, problem: 'size' });
    } else if (sha256(content) !== digest.sha256 && !problems.some((problem) => problem.path === digest.path)) {
      problems.push({ path: digest.path, problem: 'checksum' });
    }
  }
  return problems;
};

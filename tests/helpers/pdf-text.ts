import zlib from 'zlib';

/**
 * The text of a PDF written by pdfkit, one string per text-showing operator (a line or a table
 * cell): streams are inflated, each font's ToUnicode map turns the glyph ids of `TJ` back into
 * letters. Enough to find a pupil's name and marks in our printouts; not a general PDF parser.
 */

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

const readObjects = (pdf: Buffer): Map<number, PdfObject> => {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt === -1) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let dataStart = start + streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart += 1;
    if (text[dataStart] === '\n') dataStart += 1;
    const dataEnd = text.lastIndexOf('endstream', end);
    let data = pdf.subarray(dataStart, dataEnd);
    if (/\/FlateDecode/.test(dict)) data = zlib.inflateSync(data);
    objects.set(Number(match[1]), { dict, stream: data });
  }
  return objects;
};

/** `<start> <end> [<u1> <u2> …]` ranges and `<code> <u>` pairs of a ToUnicode CMap. */
const readCmap = (cmap: string): Map<number, string> => {
  const map = new Map<number, string>();
  const unicode = (hex: string): string => {
    const units: number[] = [];
    for (let index = 0; index < hex.length; index += 4) units.push(parseInt(hex.slice(index, index + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const start = parseInt(range[1], 16);
      const end = parseInt(range[2], 16);
      if (range[3].startsWith('[')) {
        [...range[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((entry, index) => map.set(start + index, unicode(entry[1])));
      } else {
        const first = parseInt(range[3].slice(1, -1), 16);
        for (let code = start; code <= end; code += 1) map.set(code, String.fromCharCode(first + code - start));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(pair[1], 16), unicode(pair[2]));
  }
  return map;
};

export const pdfTextLines = (pdf: Buffer): string[] => {
  const objects = readObjects(pdf);
  // Font object number → its glyph map; resource name (F1, F2…) → font object number.
  const cmaps = new Map<number, Map<number, string>>();
  const fontNames = new Map<string, number>();
  for (const [id, object] of objects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(object.dict);
    const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : null;
    if (cmap) cmaps.set(id, readCmap(cmap.toString('latin1')));
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(object.dict);
    if (fonts) for (const entry of fonts[1].matchAll(/\/(\w+)\s+(\d+) 0 R/g)) fontNames.set(entry[1], Number(entry[2]));
  }
  const lines: string[] = [];
  for (const object of objects.values()) {
    if (!object.stream || /\/Length1|\/Subtype|\/Type \/(XObject|Metadata)/.test(object.dict)) continue;
    const content = object.stream.toString('latin1');
    if (!/\bTJ\b/.test(content)) continue;
    let glyphs: Map<number, string> | undefined;
    for (const operation of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ/g)) {
      if (operation[1]) {
        glyphs = cmaps.get(fontNames.get(operation[1]) ?? -1);
        continue;
      }
      let line = '';
      for (const hex of operation[2].matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (let index = 0; index < hex[1].length; index += 4) line += glyphs?.get(parseInt(hex[1].slice(index, index + 4), 16)) ?? '';
      }
      lines.push(line);
    }
  }
  return lines;
};

/** All the text of the PDF, one line per text-showing operator. */
export const pdfText = (pdf: Buffer): string => pdfTextLines(pdf).join('\n');

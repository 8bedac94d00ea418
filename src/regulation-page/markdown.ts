/**
 * A small, safe Markdown renderer for the regulation's text: ATX headings, paragraphs, ordered and
 * unordered lists (nested by indentation), block quotes, thematic breaks, **bold**, *italic*,
 * `code`, [links](https://…) and hard line breaks. Raw HTML is never passed through: every
 * character of the source is escaped, and links keep only http(s), mailto and relative targets.
 */

export interface Heading {
  /** The HTML level after shifting, 2..6 (the page's title is the only h1). */
  level: number;
  /** Plain text of the heading. */
  text: string;
  /** The anchor id, unique within the document. */
  id: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^( {0,3})([-*+])([ \t]+(.*))?$/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])([ \t]+(.*))?$/;
const QUOTE = /^ {0,3}>[ ]?(.*)$/;

const isBlank = (line: string): boolean => line.trim().length === 0;

/** Width of the leading spaces (a tab counts as four). */
const indentOf = (line: string): number => {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
};

/** Removes up to `width` columns of leading indentation. */
const dedent = (line: string, width: number): string => {
  let removed = 0;
  let index = 0;
  while (index < line.length && removed < width) {
    if (line[index] === ' ') removed += 1;
    else if (line[index] === '\t') removed += 4 - (removed % 4);
    else break;
    index += 1;
  }
  return line.slice(index);
};

interface ListMarker {
  ordered: boolean;
  /** `-`, `*`, `+` or the ordered delimiter `.` / `)`. */
  symbol: string;
  start: number;
  /** Columns before the item's content: continuation lines indented this far belong to it. */
  contentIndent: number;
  firstLine: string;
}

const listMarkerOf = (line: string): ListMarker | null => {
  if (THEMATIC_BREAK.test(line)) return null;
  const bullet = BULLET.exec(line);
  if (bullet) {
    const spacing = bullet[3] ? Math.min(Math.max(bullet[3].length - (bullet[4] ?? '').length, 1), 4) : 1;
    return { ordered: false, symbol: bullet[2], start: 1, contentIndent: bullet[1].length + 1 + spacing, firstLine: bullet[4] ?? '' };
  }
  const ordered = ORDERED.exec(line);
  if (ordered) {
    const spacing = ordered[4] ? Math.min(Math.max(ordered[4].length - (ordered[5] ?? '').length, 1), 4) : 1;
    return {
      ordered: true,
      symbol: ordered[3],
      start: Number(ordered[2]),
      contentIndent: ordered[1].length + ordered[2].length + 1 + spacing,
      firstLine: ordered[5] ?? '',
    };
  }
  return null;
};

/** Whether a line starts a block other than a paragraph (so it interrupts a paragraph). */
const startsBlock = (line: string): boolean => {
  if (HEADING.test(line) || THEMATIC_BREAK.test(line) || QUOTE.test(line)) return true;
  const marker = listMarkerOf(line);
  // As in CommonMark, only a non-empty item (and an ordered one only from 1) interrupts a paragraph.
  return marker !== null && marker.firstLine.trim().length > 0 && (!marker.ordered || marker.start === 1);
};

/** A URL that cannot run script: http(s), mailto, or a relative address without a scheme. */
const safeUrl = (url: string): string | null => {
  // Browsers drop tabs and line breaks inside URLs («java\tscript:»): refuse every control character.
  if ([...url].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) return null;
  if (/^(https?:\/\/|mailto:)/i.test(url)) return url;
  const scheme = /^[^/?#]*:/.exec(url);
  return scheme ? null : url;
};

/** Marks the place of a piece of finished HTML while the rest of the text is escaped (a private-use character). */
const SLOT = '\uE000';
const SLOTS = new RegExp(`${SLOT}(\\d+)${SLOT}`, 'g');

/** Inline Markdown of one block, already split from its block markers. */
const renderInline = (source: string): string => {
  const stash: string[] = [];
  const keep = (html: string): string => `${SLOT}${stash.push(html) - 1}${SLOT}`;
  let text = source
    .split(SLOT)
    .join('')
    // A backslash keeps the next punctuation character literal.
    .replace(/\\([\\`*_[\]()#+\-.!>])/g, (_match, char: string) => keep(escapeHtml(char)))
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_match, _ticks: string, code: string) => keep(`<code>${escapeHtml(code.trim())}</code>`))
    .replace(/\[([^\]]+)\]\(([^()\s]+)(?:\s+"([^"]*)")?\)/g, (match, label: string, url: string, title?: string) => {
      const target = safeUrl(url);
      if (!target) return match;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return keep(`<a href="${escapeHtml(target)}"${titleAttribute}>`) + label + keep('</a>');
    });
  text = escapeHtml(text)
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1<strong>$2</strong>')
    .replace(/\*(?=\S)([^*]*?\S)\*/g, '<em>$1</em>')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>')
    .replace(/(?: {2,}|\\)\n/g, '<br>\n');
  return text.replace(SLOTS, (_match, index: string) => stash[Number(index)]);
};

/** Plain text of inline Markdown, for headings in the table of contents. */
const plainText = (source: string): string =>
  source
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\\(.)/g, '$1')
    .trim();

/** A readable anchor: the heading's words in lower case joined by «-», cut at a word within 60 characters. */
const slugOf = (text: string): string => {
  const slug = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : 60);
};

class Renderer {
  readonly headings: Heading[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly headingShift: number) {}

  private anchor(text: string): string {
    const base = slugOf(text) || `razdel-${this.headings.length + 1}`;
    let id = base;
    for (let suffix = 2; this.ids.has(id); suffix += 1) id = `${base}-${suffix}`;
    this.ids.add(id);
    return id;
  }

  /** Renders a sequence of lines as blocks; `tight` renders a lone paragraph without `<p>` (list items). */
  blocks(lines: string[], tight = false): string {
    const out: string[] = [];
    let paragraphs = 0;
    let index = 0;
    while (index < lines.length) {
      const line = lines[index];
      if (isBlank(line)) {
        index += 1;
        continue;
      }
      const heading = HEADING.exec(line);
      if (heading) {
        const level = Math.min(6, heading[1].length + this.headingShift);
        const source = heading[2] ?? '';
        const text = plainText(source);
        const id = this.anchor(text);
        this.headings.push({ level, text, id });
        out.push(`<h${level} id="${escapeHtml(id)}">${renderInline(source)}</h${level}>`);
        index += 1;
        continue;
      }
      if (THEMATIC_BREAK.test(line)) {
        out.push('<hr>');
        index += 1;
        continue;
      }
      if (QUOTE.test(line)) {
        const quoted: string[] = [];
        while (index < lines.length && !isBlank(lines[index])) {
          const match = QUOTE.exec(lines[index]);
          quoted.push(match ? match[1] : lines[index]);
          index += 1;
        }
        out.push(`<blockquote>\n${this.blocks(quoted)}\n</blockquote>`);
        continue;
      }
      const marker = listMarkerOf(line);
      if (marker) {
        index = this.list(lines, index, marker, out);
        continue;
      }
      const paragraph: string[] = [line.replace(/^[ \t]+/, '')];
      index += 1;
      while (index < lines.length && !isBlank(lines[index]) && !startsBlock(lines[index])) {
        paragraph.push(lines[index].replace(/^[ \t]+/, ''));
        index += 1;
      }
      paragraphs += 1;
      out.push(`<p>${renderInline(paragraph.join('\n').trimEnd())}</p>`);
    }
    if (tight && paragraphs === 1 && out.length >= 1 && out[0].startsWith('<p>')) {
      out[0] = out[0].slice(3, -4);
    }
    return out.join('\n');
  }

  /** A list starting at `start`; returns the index of the first line after it. */
  private list(lines: string[], start: number, first: ListMarker, out: string[]): number {
    const items: string[][] = [];
    let index = start;
    let marker: ListMarker | null = first;
    while (marker && marker.ordered === first.ordered && marker.symbol === first.symbol) {
      const item: string[] = [marker.firstLine];
      const { contentIndent } = marker;
      index += 1;
      while (index < lines.length) {
        const line = lines[index];
        if (isBlank(line)) {
          // A blank line continues the item only if indented content follows.
          const next = lines.slice(index + 1).find((candidate) => !isBlank(candidate));
          if (next !== undefined && indentOf(next) >= contentIndent) {
            item.push('');
            index += 1;
            continue;
          }
          break;
        }
        if (indentOf(line) >= contentIndent) {
          item.push(dedent(line, contentIndent));
          index += 1;
          continue;
        }
        // A lazy continuation of the item's paragraph; any list marker starts a new item instead.
        if (!startsBlock(line) && !listMarkerOf(line) && !isBlank(item[item.length - 1] ?? '')) {
          item.push(line.trim());
          index += 1;
          continue;
        }
        break;
      }
      items.push(item);
      // Blank lines between items keep the list going.
      let next = index;
      while (next < lines.length && isBlank(lines[next])) next += 1;
      marker = next < lines.length ? listMarkerOf(lines[next]) : null;
      if (marker && marker.ordered === first.ordered && marker.symbol === first.symbol) index = next;
    }
    const tag = first.ordered ? 'ol' : 'ul';
    const startAttribute = first.ordered && first.start !== 1 ? ` start="${first.start}"` : '';
    const rendered = items.map((item) => `<li>${this.blocks(item, true)}</li>`);
    out.push(`<${tag}${startAttribute}>\n${rendered.join('\n')}\n</${tag}>`);
    return index;
  }
}

/**
 * Renders Markdown to safe HTML. Headings are shifted so that the document's top level becomes
 * `topLevel` (h2 by default: the page title is the h1) and collected for a table of contents.
 */
export const renderMarkdown = (markdown: string, { topLevel = 2 }: { topLevel?: number } = {}): RenderedMarkdown => {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const levels = lines.map((line) => HEADING.exec(line)?.[1].length).filter((level): level is number => level !== undefined);
  const shift = levels.length > 0 ? topLevel - Math.min(...levels) : 0;
  const renderer = new Renderer(shift);
  const html = renderer.blocks(lines);
  return { html, headings: renderer.headings };
};

import { DateTime } from 'luxon';
import { formatLocalDate, parseLocalDate, todayInZone } from '../school/calendar';
import { escapeHtml, renderMarkdown, type Heading } from './markdown';

/** One edition as the page needs it. */
export interface PageEdition {
  editionNumber: number;
  title: string;
  body: string | null;
  state: 'current' | 'superseded';
  pedagogicalCouncilProtocol: string | null;
  parentsCouncilProtocol: string | null;
  pupilsCouncilProtocol: string | null;
  directorOrderNumber: string | null;
  directorOrderDate: string | null;
  effectiveDate: string | null;
  supersededAt: string | Date | null;
}

/** Another adopted edition, for the list of editions. */
export type EditionSummary = Pick<PageEdition, 'editionNumber' | 'state' | 'effectiveDate' | 'supersededAt'>;

export interface PageContext {
  schoolName: string;
  timeZone: string;
}

export const CURRENT_PATH = '/regulation';
export const editionPath = (editionNumber: number): string => `/regulation/editions/${editionNumber}`;

const STYLE = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #555; --accent: #0b4f8a; --warn-bg: #fff4e5; --warn: #8a3b00; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.page { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; outline: 3px solid var(--accent); }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.school { margin: 0; color: var(--muted); }
h1 { font-size: 1.6rem; line-height: 1.3; margin: .25rem 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.edition { margin: 0 0 1rem; font-weight: 600; }
.banner { margin: 1rem 0; padding: .75rem 1rem; border-left: .375rem solid var(--warn); background: var(--warn-bg); color: var(--warn); }
.approval { margin: 1rem 0 1.5rem; padding: .75rem 1rem; border: 1px solid #ccc; border-radius: .25rem; }
.approval p { margin: .25rem 0; }
nav.toc ol { padding-left: 1.25rem; }
nav.toc li { margin: .15rem 0; }
article li { margin: .3rem 0; }
.editions ul { padding-left: 1.25rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .9rem; }
@media print {
  body { font: 12pt/1.45 "Times New Roman", Times, serif; color: #000; }
  .page { max-width: none; padding: 0; }
  .skip, nav.toc, .editions, footer .screen-only { display: none; }
  a { color: inherit; text-decoration: none; }
  .banner { color: #000; background: none; border: 2px solid #000; }
  .approval { border: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, p { orphans: 3; widows: 3; }
}
`;

/** «№ 1 от 30.08.2025» stays as it is; «1 от 30.08.2025» gets its «№». */
const numbered = (text: string): string => (/^\d/.test(text.trim()) ? `№ ${text.trim()}` : text.trim());

const localDate = (value: string | null): string | null => {
  const date = parseLocalDate(value);
  return date ? formatLocalDate(date) : null;
};

const instantDate = (value: string | Date | null, timeZone: string): string | null => {
  if (!value) return null;
  const instant = value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value);
  return instant.isValid ? instant.setZone(timeZone).toFormat('dd.MM.yyyy') : null;
};

/** The approval block: adopted by the pedagogical council, considered by the councils, approved by order. */
const approvalLines = (edition: PageEdition, context: PageContext): string[] => {
  const lines: string[] = [];
  const adopted = edition.pedagogicalCouncilProtocol
    ? `Принято на заседании педагогического совета, протокол ${escapeHtml(numbered(edition.pedagogicalCouncilProtocol))}`
    : null;
  const orderDate = localDate(edition.directorOrderDate);
  const approved = edition.directorOrderNumber
    ? `утверждено приказом директора № ${escapeHtml(edition.directorOrderNumber)}${orderDate ? ` от ${orderDate}` : ''}`
    : null;
  if (adopted && approved) lines.push(`${adopted}; ${approved}.`);
  else if (adopted) lines.push(`${adopted}.`);
  else if (approved) lines.push(`${approved.charAt(0).toUpperCase()}${approved.slice(1)}.`);

  const councils = [
    edition.parentsCouncilProtocol ? `Советом родителей, протокол ${escapeHtml(numbered(edition.parentsCouncilProtocol))}` : null,
    edition.pupilsCouncilProtocol ? `Советом обучающихся, протокол ${escapeHtml(numbered(edition.pupilsCouncilProtocol))}` : null,
  ].filter((line): line is string => line !== null);
  if (councils.length > 0) lines.push(`Рассмотрено ${councils.join('; ')}.`);

  const effective = localDate(edition.effectiveDate);
  if (edition.state === 'superseded') {
    const until = instantDate(edition.supersededAt, context.timeZone);
    lines.push(`Действовала${effective ? ` с ${effective}` : ''}${until ? ` по ${until}` : ''}.`);
  } else if (effective) {
    const today = todayInZone(context.timeZone);
    lines.push(edition.effectiveDate && edition.effectiveDate > today ? `Вступает в силу с ${effective}.` : `Действует с ${effective}.`);
  }
  return lines;
};

interface TocNode {
  level: number;
  heading?: Heading;
  children: TocNode[];
}

const tocList = (nodes: TocNode[]): string =>
  `<ol>${nodes
    .map((node) => {
      const heading = node.heading as Heading;
      const nested = node.children.length > 0 ? tocList(node.children) : '';
      return `<li><a href="#${escapeHtml(heading.id)}">${escapeHtml(heading.text)}</a>${nested}</li>`;
    })
    .join('')}</ol>`;

/** The table of contents: nested ordered lists of the text's headings, by level. */
const tableOfContents = (headings: Heading[]): string => {
  if (headings.length === 0) return '';
  const root: TocNode = { level: 0, children: [] };
  const path: TocNode[] = [root];
  for (const heading of headings) {
    while (path.length > 1 && path[path.length - 1].level >= heading.level) path.pop();
    const node: TocNode = { level: heading.level, heading, children: [] };
    path[path.length - 1].children.push(node);
    path.push(node);
  }
  return `<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">Содержание</h2>\n${tocList(root.children)}\n</nav>`;
};

const editionLabel = (edition: EditionSummary, context: PageContext): string => {
  const from = localDate(edition.effectiveDate);
  if (edition.state === 'current') return `Редакция № ${edition.editionNumber} — действующая${from ? ` (с ${from})` : ''}`;
  const until = instantDate(edition.supersededAt, context.timeZone);
  return `Редакция № ${edition.editionNumber} — утратила силу${until ? ` ${until}` : ''}`;
};

const editionsList = (shown: PageEdition, editions: EditionSummary[], context: PageContext): string => {
  if (editions.length <= 1) return '';
  const items = editions.map((edition) => {
    const href = edition.state === 'current' ? CURRENT_PATH : editionPath(edition.editionNumber);
    const current = edition.editionNumber === shown.editionNumber ? ' aria-current="page"' : '';
    return `<li><a href="${href}"${current}>${escapeHtml(editionLabel(edition, context))}</a></li>`;
  });
  return `<section class="editions" aria-labelledby="editions-title">\n<h2 id="editions-title">Редакции Положения</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`;
};

const layout = (title: string, context: PageContext, content: string): string => `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(context.schoolName)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#text">Перейти к тексту</a>
<div class="page">
${content}
<footer>
<p>${escapeHtml(context.schoolName)}</p>
<p class="screen-only">Для печати воспользуйтесь командой «Печать» браузера: оглавление и список редакций на печать не выводятся.</p>
</footer>
</div>
</body>
</html>
`;

/**
 * The HTML page of one adopted edition: title, approval data, table of contents, the text, and the
 * list of editions. A superseded edition carries a visible «Редакция утратила силу» banner.
 */
export const renderEditionPage = (edition: PageEdition, editions: EditionSummary[], context: PageContext): string => {
  const { html, headings } = renderMarkdown(edition.body ?? '');
  const current = editions.find((candidate) => candidate.state === 'current');
  let banner = '';
  if (edition.state === 'superseded') {
    const until = instantDate(edition.supersededAt, context.timeZone);
    const link = current ? ` Действует <a href="${CURRENT_PATH}">редакция № ${current.editionNumber}</a>.` : '';
    banner = `<p class="banner" role="note"><strong>Редакция утратила силу</strong>${until ? ` ${until}` : ''}.${link}</p>`;
  }
  const approval = approvalLines(edition, context)
    .map((line) => `<p>${line}</p>`)
    .join('\n');
  const content = `<header>
<p class="school">${escapeHtml(context.schoolName)}</p>
<h1>${escapeHtml(edition.title)}</h1>
<p class="edition">Редакция № ${edition.editionNumber}</p>
${banner}
<section class="approval" aria-label="Принятие и утверждение">
${approval}
</section>
</header>
${tableOfContents(headings)}
<main id="text">
<article>
${html}
</article>
</main>
${editionsList(edition, editions, context)}`;
  return layout(edition.title, context, content);
};

/** A short page for «not published yet» and «no such edition». */
export const renderNotFoundPage = (message: string, context: PageContext, withLink: boolean): string =>
  layout(
    message,
    context,
    `<header>
<p class="school">${escapeHtml(context.schoolName)}</p>
<h1>${escapeHtml(message)}</h1>
</header>
<main id="text">
${withLink ? `<p><a href="${CURRENT_PATH}">Действующая редакция Положения</a></p>` : ''}
</main>`,
  );

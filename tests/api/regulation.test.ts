import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { parseRegulationFile, seedDemoRegulation } from '../../src/api/regulation/seed';
import { renderMarkdown } from '../../src/regulation-page/markdown';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';

const REGULATION = 'api::regulation.regulation';

let strapi: Core.Strapi;
let deputy: Api;
let director: Api;
let parent: Api;
let visitor: Api;
let portal: Api;

beforeAll(async () => {
  strapi = await bootStrapi();
  deputy = apiAs(strapi, (await createAccount(strapi, 'deputy-director', 'deputy')).jwt);
  director = apiAs(strapi, (await createAccount(strapi, 'director', 'director')).jwt);
  parent = apiAs(strapi, (await createAccount(strapi, 'parent', 'parent')).jwt);
  visitor = apiAs(strapi);
  const token = await strapi
    .service('admin::api-token')
    .create({ name: 'Сайт школы', type: 'read-only', kind: 'content-api', lifespan: null });
  portal = apiAs(strapi, token.accessKey);
});
afterAll(() => stopStrapi(strapi));

const stored = (editionNumber: number) =>
  strapi.db.query(REGULATION).findOne({ where: { editionNumber }, populate: { supersededBy: { select: ['id', 'editionNumber'] } } });

/** Edition 2: adopted in January 2026, with a body that tries to inject HTML. */
const SECOND_EDITION = {
  title: 'Положение об индивидуальном учёте результатов освоения обучающимися образовательных программ',
  editionNumber: 2,
  body: [
    '# 1. Общие положения',
    '',
    '**1.1.** Положение определяет порядок учёта <script>alert("x")</script> результатов.',
    '',
    '## 1.2. Носители',
    '',
    '- электронный журнал;',
    '- электронный дневник <img src=x onerror=alert(1)>.',
    '',
    '# 2. Заключительные положения',
    '',
    'Подробнее: [ссылка](javascript:alert(1)) и [сайт](https://school.example/).',
  ].join('\n'),
  pedagogicalCouncilProtocol: '№ 3 от 15.01.2026',
  parentsCouncilProtocol: '№ 2 от 14.01.2026',
  directorOrderNumber: '№ 20-ОД',
  directorOrderDate: '2026-01-16',
  effectiveDate: '2026-01-20',
};

const editionNumbersOf = (body: { data: Array<{ editionNumber: number }> }) => body.data.map((edition) => edition.editionNumber);

describe('before any edition is adopted', () => {
  it('answers 404 in Russian for the current edition and for the public page', async () => {
    const current = await visitor.get('/api/regulations/current');
    expect(current.status).toBe(404);
    expect(current.body.error.message).toMatch(/Действующая редакция Положения ещё не утверждена/);
    const page = await visitor.get('/regulation');
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Положение ещё не опубликовано');
  });
});

describe('the demo regulation', () => {
  it('parses the demo file: approval data in the front matter, sections as Markdown', () => {
    const { fields, body } = parseRegulationFile(fs.readFileSync(path.resolve(__dirname, '../../scripts/demo-data/regulation.md'), 'utf8'));
    expect(fields).toMatchObject({ editionNumber: 1, directorOrderNumber: '45/2-ОД', directorOrderDate: '2024-02-12' });
    expect(body.match(/^## \d\. /gm)).toHaveLength(7);
  });

  it('seeds edition 1 as the current edition once, through the record rules', async () => {
    expect(await seedDemoRegulation(strapi)).toBe(true);
    expect(await seedDemoRegulation(strapi)).toBe(false);
    expect(await stored(1)).toMatchObject({ state: 'current', editionNumber: 1, effectiveDate: '2024-02-12', supersededAt: null });
  });
});

describe('editions through REST', () => {
  it('refuses a current edition without its approval data, naming each missing field', async () => {
    const response = await deputy.post('/api/regulations', { title: 'Новая редакция', body: 'Текст', state: 'current' });
    expect(response.status).toBe(400);
    const paths = (response.body.error.details.errors as Array<{ path: string[] }>).map((error) => error.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['directorOrderNumber', 'directorOrderDate', 'pedagogicalCouncilProtocol', 'effectiveDate']),
    );
    expect(await strapi.db.query(REGULATION).count({})).toBe(1);
  });

  it('refuses an edition number that is taken or not above the adopted editions', async () => {
    const taken = await deputy.post('/api/regulations', { title: 'Черновик', editionNumber: 1 });
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toMatch(/Редакция № 1 уже есть/);
  });

  it('publishing edition 2 supersedes edition 1 in the same write', async () => {
    const draft = await deputy.post('/api/regulations', { ...SECOND_EDITION, state: 'draft' });
    expect(draft.status).toBe(201);
    expect((await stored(1)).state).toBe('current');

    const published = await director.put(`/api/regulations/${draft.body.data.documentId}`, { state: 'current' });
    expect(published.status).toBe(200);
    const [first, second] = [await stored(1), await stored(2)];
    expect(second.state).toBe('current');
    expect(second.directorOrderNumber).toBe('20-ОД');
    expect(first.state).toBe('superseded');
    expect(first.supersededBy).toMatchObject({ id: second.id, editionNumber: 2 });
    expect(Date.now() - new Date(first.supersededAt).getTime()).toBeLessThan(60_000);
  });

  it('returns edition 2 as the current edition, to anyone', async () => {
    const response = await visitor.get('/api/regulations/current');
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ editionNumber: 2, state: 'current', effectiveDate: '2026-01-20' });
  });

  it('lists both adopted editions newest first, and no draft, to the public, a parent and a read-only token', async () => {
    const draft = await deputy.post('/api/regulations', { title: 'Проект редакции 3', body: 'Проект' });
    expect(draft.status).toBe(201);
    expect(draft.body.data).toMatchObject({ editionNumber: 3, state: 'draft' });
    for (const reader of [visitor, parent, portal]) {
      const list = await reader.get('/api/regulations');
      expect(list.status).toBe(200);
      expect(editionNumbersOf(list.body)).toEqual([2, 1]);
      expect(list.body.meta.pagination.total).toBe(2);
      const asked = await reader.get('/api/regulations?filters[state][$eq]=draft');
      expect(asked.body.data).toEqual([]);
    }
  });

  it('keeps a draft invisible to the public and a parent, and shows it to the deputy director', async () => {
    const draft = await stored(3);
    expect((await visitor.get(`/api/regulations/${draft.documentId}`)).status).toBe(404);
    expect((await parent.get(`/api/regulations/${draft.documentId}`)).status).toBe(404);
    expect((await portal.get(`/api/regulations/${draft.documentId}`)).status).toBe(404);
    const seen = await deputy.get(`/api/regulations/${draft.documentId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.data.title).toBe('Проект редакции 3');
    expect(editionNumbersOf((await deputy.get('/api/regulations')).body)).toEqual([3, 2, 1]);
  });

  it('refuses to edit or delete a superseded edition, and to delete the current one; a draft may be deleted', async () => {
    const first = await stored(1);
    const edit = await deputy.put(`/api/regulations/${first.documentId}`, { title: 'Исправленное название' });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details.errors[0].path).toEqual(['state']);
    expect(edit.body.error.message).toMatch(/утратила силу/);
    const removal = await director.delete(`/api/regulations/${first.documentId}`);
    expect(removal.status).toBe(400);
    expect((await stored(1)).title).toBe(first.title);

    const current = await stored(2);
    expect((await deputy.delete(`/api/regulations/${current.documentId}`)).status).toBe(400);
    expect((await deputy.put(`/api/regulations/${current.documentId}`, { state: 'draft' })).status).toBe(400);

    const draft = await stored(3);
    expect((await deputy.delete(`/api/regulations/${draft.documentId}`)).status).toBe(204);
    expect(await stored(3)).toBeNull();
  });

  it('lets nobody mark an edition superseded by hand', async () => {
    const draft = await deputy.post('/api/regulations', { title: 'Проект', editionNumber: 4, state: 'superseded' });
    expect(draft.status).toBe(400);
    expect(draft.body.error.details.errors[0].path).toEqual(['state']);
  });
});

describe('the public page', () => {
  it('renders the current edition as accessible HTML with its approval line and contents, escaping HTML in the text', async () => {
    const page = await visitor.get('/regulation');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.text).toContain('<html lang="ru">');
    expect(page.text).toContain(`<h1>${SECOND_EDITION.title}</h1>`);
    expect(page.text).toContain(
      'Принято на заседании педагогического совета, протокол № 3 от 15.01.2026; утверждено приказом директора № 20-ОД от 16.01.2026.',
    );
    expect(page.text).toContain('Рассмотрено Советом родителей, протокол № 2 от 14.01.2026.');
    expect(page.text).toContain('Действует с 20.01.2026.');
    // The text's top headings become h2 under the page's h1, with anchors in the table of contents.
    expect(page.text).toContain('<h2 id="1-общие-положения">1. Общие положения</h2>');
    expect(page.text).toContain('<h3 id="1-2-носители">1.2. Носители</h3>');
    expect(page.text).toMatch(/<nav class="toc"[^>]*>[\s\S]*href="#1-общие-положения"[\s\S]*href="#2-заключительные-положения"/);
    // Nothing from the text becomes markup: no script, no event handler, no javascript: link.
    expect(page.text).not.toMatch(/<script|<img|href="javascript/i);
    expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.text).toContain('<a href="https://school.example/">сайт</a>');
    expect(page.text).toContain('<a href="/regulation/editions/1">Редакция № 1 — утратила силу');
    expect(page.text).not.toContain('Редакция утратила силу');
  });

  it('shows a previous edition at /regulation/editions/1 with the «Редакция утратила силу» banner', async () => {
    const page = await visitor.get('/regulation/editions/1');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(
      /<p class="banner" role="note"><strong>Редакция утратила силу<\/strong> \d{2}\.\d{2}\.\d{4}\. Действует <a href="\/regulation">редакция № 2<\/a>/,
    );
    expect(page.text).toContain(
      'Принято на заседании педагогического совета, протокол № 1 от 09.02.2024; утверждено приказом директора № 45/2-ОД от 12.02.2024.',
    );
    expect(page.text).toContain(
      'Рассмотрено Советом родителей, протокол № 2 от 10.02.2024; Советом обучающихся, протокол № 5 от 07.02.2024.',
    );
    expect(page.text).toMatch(/Действовала с 12\.02\.2024 по \d{2}\.\d{2}\.\d{4}\./);
    expect(page.text).toContain('<h2 id="7-заключительные-положения">7. Заключительные положения</h2>');
  });

  it('answers 404 for a draft, an unknown edition and a malformed number', async () => {
    await deputy.post('/api/regulations', { title: 'Проект редакции 5', editionNumber: 5 });
    for (const url of ['/regulation/editions/5', '/regulation/editions/9', '/regulation/editions/abc']) {
      const page = await visitor.get(url);
      expect(page.status).toBe(404);
      expect(page.text).toContain('Такой редакции Положения нет');
    }
  });
});

describe('edition numbers', () => {
  it('only grow: an older draft cannot come into force after a newer edition', async () => {
    const seventh = await deputy.post('/api/regulations', { ...SECOND_EDITION, editionNumber: 7, state: 'draft' });
    expect(seventh.status).toBe(201);
    expect((await director.put(`/api/regulations/${seventh.body.data.documentId}`, { state: 'current' })).status).toBe(200);
    const fifth = await stored(5);
    const late = await director.put(`/api/regulations/${fifth.documentId}`, { ...SECOND_EDITION, editionNumber: 5, state: 'current' });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/больше номера последней принятой редакции \(№ 7\)/);
    expect((await stored(7)).state).toBe('current');
    expect((await stored(2)).state).toBe('superseded');
    expect((await stored(5)).state).toBe('draft');
  });
});

describe('the Markdown renderer', () => {
  it('renders lists, nested lists, emphasis and line breaks', () => {
    const { html } = renderMarkdown('Абзац *курсив* и **жирный**  \nперенос\n\n1. один\n2. два\n   - вложенный\n\n- a\n- b');
    expect(html).toBe(
      [
        '<p>Абзац <em>курсив</em> и <strong>жирный</strong><br>\nперенос</p>',
        '<ol>\n<li>один</li>\n<li>два\n<ul>\n<li>вложенный</li>\n</ul></li>\n</ol>',
        '<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
      ].join('\n'),
    );
  });

  it('keeps clause numbers as text and refuses unsafe links', () => {
    const { html } = renderMarkdown('1.1. Пункт\n\n[x](JaVaScRiPt:alert(1)) [y](data:text/html,1) [z](/regulation#a "Заголовок")');
    expect(html).toBe(
      '<p>1.1. Пункт</p>\n<p>[x](JaVaScRiPt:alert(1)) [y](data:text/html,1) <a href="/regulation#a" title="Заголовок">z</a></p>',
    );
  });

  it('gives repeated headings unique anchors', () => {
    const { headings } = renderMarkdown('## Раздел\n\n## Раздел\n\n### <b>Итог</b>');
    expect(headings).toEqual([
      { level: 2, text: 'Раздел', id: 'раздел' },
      { level: 2, text: 'Раздел', id: 'раздел-2' },
      { level: 3, text: '<b>Итог</b>', id: 'b-итог-b' },
    ]);
  });
});

import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { SMTPServer } from 'smtp-server';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const NOTIFICATION = 'api::notification.notification';

interface Letter {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes the encoded words of a header (=?UTF-8?B?…?= / =?UTF-8?Q?…?=). */
const decodeHeader = (value: string): string =>
  value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );

/** Decodes one MIME part's body by its transfer encoding (base64 or quoted-printable). */
const decodeBody = (body: string, encoding: string): string =>
  encoding === 'base64'
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoding === 'quoted-printable'
      ? Buffer.from(
          body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8')
      : body;

const splitPart = (raw: string) => {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  return { header, body: rest.join('\n\n') };
};

/** Reads a letter as nodemailer writes it: the subject and the text/plain part (of a multipart/alternative, if so). */
const parseLetter = (raw: string, to: string[]): Letter => {
  const letter = splitPart(raw);
  let text = decodeBody(letter.body, letter.header('Content-Transfer-Encoding').toLowerCase());
  const boundary = /boundary="?([^";]+)"?/i.exec(letter.header('Content-Type'))?.[1];
  if (boundary) {
    const plain = letter.body
      .split(`--${boundary}`)
      .map((part) => splitPart(part.replace(/^\r?\n/, '')))
      .find((part) => /text\/plain/i.test(part.header('Content-Type')));
    text = plain ? decodeBody(plain.body.trim(), plain.header('Content-Transfer-Encoding').toLowerCase()) : '';
  }
  return { to, subject: decodeHeader(letter.header('Subject')), text };
};

const received: Letter[] = [];
let failing = false;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (failing) {
      const error = new Error('Mailbox unavailable (test sink refuses)') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push(
        parseLetter(
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((rcpt) => rcpt.address),
        ),
      );
      callback();
    });
  },
});

let strapi: Core.Strapi;
let world: TwoClassSchool;
let teacherA: Api;
let deputy: Api;

const waitFor = async <T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string): Promise<T> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const letterTo = (email: string, subject: RegExp) =>
  waitFor(() => received.find((letter) => letter.to.includes(email) && subject.test(letter.subject)), `a letter to ${email}`);

beforeAll(async () => {
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const { port } = sink.server.address() as AddressInfo;
  Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'school@school.test' });
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
});
afterAll(async () => {
  await stopStrapi(strapi);
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

const pupil = () => world.school.pupils5a[0];

describe('e-mail notifications through the local SMTP sink', () => {
  it('tells the pupil’s parents of a teacher’s praise in the diary, in Russian', async () => {
    const response = await teacherA.post('/api/diary-entries', {
      student: pupil().documentId,
      journal: world.school.mathJournal.documentId,
      kind: 'praise',
      text: 'Отличная работа у доски: решил задачу двумя способами',
      date: '2025-09-03',
    });
    expect(response.status).toBe(201);
    const letter = await letterTo('parent.a@school.test', /Поощрение в дневнике/);
    expect(letter.subject).toBe(`Поощрение в дневнике: ${String(pupil().fullName)}`);
    expect(letter.text).toContain('teacher.a');
    expect(letter.text).toContain('Отличная работа у доски: решил задачу двумя способами');
    expect(letter.text).toContain('Здравствуйте!');
    const row = await waitFor(
      () => strapi.db.query(NOTIFICATION).findOne({ where: { cause: 'diary-entry', recipient: 'parent.a@school.test', state: 'sent' } }),
      'the sent notification',
    );
    expect(row).toMatchObject({ attempts: 1, lastError: null });
  });

  it('tells the other participants of a new message, not its author', async () => {
    const response = await teacherA.post('/api/messages/threads', {
      kind: 'teacher-parent',
      student: pupil().documentId,
      subject: 'Экскурсия',
      text: 'В среду экскурсия в музей, нужна подпись родителей.',
    });
    expect(response.status).toBe(201);
    const letter = await letterTo('parent.a@school.test', /Новое сообщение: Экскурсия/);
    expect(letter.text).toContain('В среду экскурсия в музей, нужна подпись родителей.');
    expect(letter.text).toContain('электронном дневнике');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.some((item) => item.to.includes('teacher.a@school.test') && /Экскурсия/.test(item.subject))).toBe(false);
  });

  it('tells the journal’s teachers of the deputy’s remark', async () => {
    const response = await deputy.post('/api/journal-remarks', {
      journal: world.school.mathJournal.documentId,
      inspectedOn: '2025-10-01',
      findings: 'Темы уроков записаны своевременно.',
      remarks: 'Заполнить домашние задания за сентябрь.',
      fixBy: '2025-10-10',
    });
    expect(response.status).toBe(201);
    const letter = await letterTo('teacher.a@school.test', /Замечание по ведению журнала/);
    expect(letter.text).toContain('Заполнить домашние задания за сентябрь.');
    expect(letter.text).toContain('Устранить до 2025-10-10');
  });

  it('queues nothing for a write that is refused', async () => {
    const before = await strapi.db.query(NOTIFICATION).count({});
    const refused = await teacherA.post('/api/diary-entries', { student: pupil().documentId, kind: 'remark', text: '  ' });
    expect(refused.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await strapi.db.query(NOTIFICATION).count({})).toBe(before);
  });

  it('does not fail the remark when the SMTP server refuses: the letter shows failed with its error and is retried', async () => {
    failing = true;
    const started = Date.now();
    const response = await teacherA.post('/api/diary-entries', {
      student: pupil().documentId,
      journal: world.school.mathJournal.documentId,
      kind: 'remark',
      text: 'Не выполнено домашнее задание',
      date: '2025-09-03',
    });
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(5_000);
    const failed = await waitFor(
      () =>
        strapi.db.query(NOTIFICATION).findOne({ where: { cause: 'diary-entry', state: 'failed', subject: { $startsWith: 'Замечание' } } }),
      'the failed notification',
    );
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/rejected|Mailbox unavailable/i);
    expect(failed.nextAttemptAt).not.toBeNull();
    // The remark itself is stored.
    expect(await strapi.db.query('api::diary-entry.diary-entry').count({ where: { documentId: response.body.data.documentId } })).toBe(1);

    // The next run after the retry time sends it.
    failing = false;
    const service = strapi.service(NOTIFICATION) as unknown as { flush(): Promise<{ sent: number }> };
    expect((await service.flush()).sent).toBe(0);
    await strapi.db
      .query(NOTIFICATION)
      .update({ where: { id: failed.id }, data: { nextAttemptAt: new Date(Date.now() - 1000).toISOString() } });
    expect((await service.flush()).sent).toBe(1);
    const letter = await letterTo('parent.a@school.test', /Замечание в дневнике/);
    expect(letter.text).toContain('Не выполнено домашнее задание');
    expect(await strapi.db.query(NOTIFICATION).findOne({ where: { id: failed.id } })).toMatchObject({
      state: 'sent',
      attempts: 2,
      lastError: null,
    });
  });
});

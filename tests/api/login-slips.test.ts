import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { PASSWORD_ALPHABET, PASSWORD_LENGTH } from '../../src/api/login-slip/credentials';
import { classListDay, issueLoginSlips, type IssuedLoginSlip } from '../../src/api/login-slip/services/login-slip';
import { todayInZone } from '../../src/school/calendar';
import { getSchoolSettings } from '../../src/school/settings';
import { apiAs, bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';
import { make } from '../helpers/school-fixture';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const USER = 'plugin::users-permissions.user';

let strapi: Core.Strapi;
let world: TwoClassSchool;
/** A class teacher who leads no class. */
let otherClassTeacher: { id: number; documentId: string; jwt: string };
/** 5Б pupil Кузнецов's mother, without an account; her e-mail is written in mixed case. */
let mother: { documentId: string };

type Row = { id: number; documentId: string; [field: string]: unknown };

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  otherClassTeacher = await createAccount(strapi, 'class-teacher', 'classteacher.none');
  // Somebody already holds the pupil's natural login «kuznetsov.os».
  await createAccount(strapi, 'teacher', 'kuznetsov.os');
  mother = await make(strapi, 'api::guardian.guardian', {
    lastName: 'Кузнецова',
    firstName: 'Анна',
    patronymic: 'Викторовна',
    kinship: 'mother',
    email: 'Kuznetsova.Anna@Example.com',
    children: [world.school.pupil5b.documentId],
  });
  // Teacher B is also the pupil's aunt and guardian: she signs in with her staff account.
  await make(strapi, 'api::guardian.guardian', {
    lastName: 'Орлова',
    firstName: 'Мария',
    kinship: 'guardian',
    children: [world.school.pupil5b.documentId],
    user: world.teacherB.documentId,
  });
});
afterAll(() => stopStrapi(strapi));

const class5b = () => world.school.class5b.documentId;
const countUsers = () => strapi.db.query(USER).count({});
const accountOf = async (uid: 'api::student.student' | 'api::guardian.guardian', documentId: string) =>
  ((await strapi.db.query(uid).findOne({ where: { documentId }, populate: { user: { populate: { role: true } } } })) as Row)
    .user as Row | null;
const slipOf = (slips: IssuedLoginSlip[], fullName: string): IssuedLoginSlip => {
  const slip = slips.find((candidate) => candidate.fullName === fullName);
  if (!slip) throw new Error(`No slip for ${fullName}: ${slips.map((candidate) => candidate.fullName).join(', ')}`);
  return slip;
};
const signIn = (identifier: string, password: string) =>
  supertest(strapi.server.httpServer).post('/api/auth/local').send({ identifier, password });
const expectOneTimePassword = (password: string | null) => {
  expect(password).toHaveLength(PASSWORD_LENGTH);
  for (const char of password ?? '') expect(PASSWORD_ALPHABET).toContain(char);
};

/** Collects a binary response (the PDF) into a Buffer. */
const binary = (response: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('issuing the login details of a class (service)', () => {
  it('creates and links a pupil account and a parent account for those without one, with one-time passwords', async () => {
    const before = await countUsers();
    const issue = await issueLoginSlips(strapi, { classDocumentId: class5b() });

    expect(issue.schoolClass.name).toBe('5Б');
    const year = world.school.year as unknown as { startDate: string; endDate: string };
    expect(issue.onDate).toBe(classListDay(todayInZone(getSchoolSettings(strapi).timeZone), year));
    expect(issue.slips.map((slip) => [slip.kind, slip.fullName, slip.status])).toEqual([
      ['pupil', 'Кузнецов Олег Сергеевич', 'created'],
      ['parent', 'Кузнецов Павел', 'issued'],
      ['parent', 'Кузнецова Анна Викторовна', 'created'],
      ['parent', 'Орлова Мария', 'staff-account'],
    ]);
    expect(await countUsers()).toBe(before + 2);

    const pupilSlip = slipOf(issue.slips, 'Кузнецов Олег Сергеевич');
    expect(pupilSlip.username).toBe('kuznetsov.os2');
    expectOneTimePassword(pupilSlip.password);
    const pupilAccount = await accountOf('api::student.student', world.school.pupil5b.documentId);
    expect(pupilAccount).toMatchObject({
      id: pupilSlip.userId,
      username: 'kuznetsov.os2',
      email: 'kuznetsov.os2@accounts.local',
      confirmed: true,
      blocked: false,
      mustChangePassword: true,
      role: expect.objectContaining({ type: 'pupil' }),
    });

    const motherSlip = slipOf(issue.slips, 'Кузнецова Анна Викторовна');
    expect(motherSlip).toMatchObject({ username: 'kuznetsova.av', children: ['Кузнецов Олег Сергеевич'] });
    expectOneTimePassword(motherSlip.password);
    expect(motherSlip.password).not.toBe(pupilSlip.password);
    expect(await accountOf('api::guardian.guardian', mother.documentId)).toMatchObject({
      username: 'kuznetsova.av',
      email: 'kuznetsova.anna@example.com',
      mustChangePassword: true,
      role: expect.objectContaining({ type: 'parent' }),
    });

    // Already linked accounts are listed without a password and left as they are.
    expect(slipOf(issue.slips, 'Кузнецов Павел')).toMatchObject({
      username: 'parent.b',
      password: null,
      userId: world.accounts.parentB.id,
    });
    expect(slipOf(issue.slips, 'Орлова Мария')).toMatchObject({ username: 'teacher.b', password: null });

    // The links went through the document service: the audit trail holds them, passwords never.
    const entries = (await strapi.db.query('api::audit-entry.audit-entry').findMany({
      where: { recordType: { $in: ['api::student.student', 'api::guardian.guardian'] }, action: 'update' },
    })) as Array<{ recordDocumentId: string; after: Record<string, unknown> }>;
    const linkOf = (documentId: string) => entries.find((entry) => entry.recordDocumentId === documentId && entry.after?.user);
    expect(linkOf(world.school.pupil5b.documentId)?.after.user).toBe((pupilAccount as Row).documentId);
    expect(linkOf(mother.documentId)).toBeDefined();
    expect(JSON.stringify(entries)).not.toContain(pupilSlip.password as string);
  });

  it('creates nothing and shows no password on a second call without reset', async () => {
    const before = await countUsers();
    const issue = await issueLoginSlips(strapi, { classDocumentId: class5b(), include: 'both' });
    expect(await countUsers()).toBe(before);
    expect(issue.slips).toHaveLength(4);
    expect(issue.slips.map((slip) => slip.password)).toEqual([null, null, null, null]);
    expect(issue.slips.map((slip) => slip.status)).toEqual(['issued', 'issued', 'issued', 'staff-account']);
  });

  it('gives pupil and parent accounts new one-time passwords with reset, never a staff account', async () => {
    const before = await countUsers();
    const issue = await issueLoginSlips(strapi, { classDocumentId: class5b(), reset: true });
    expect(await countUsers()).toBe(before);
    expect(issue.slips.map((slip) => slip.status)).toEqual(['reset', 'reset', 'reset', 'staff-account']);
    const father = slipOf(issue.slips, 'Кузнецов Павел');
    expectOneTimePassword(father.password);
    expect((await signIn('parent.b', 'Secret-pass-123')).status).toBe(400);
    const signedIn = await signIn('parent.b', father.password as string);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    // The staff account keeps its own password and no flag.
    expect((await signIn('teacher.b', 'Secret-pass-123')).status).toBe(200);
    expect(await strapi.db.query(USER).findOne({ where: { id: world.teacherB.id } })).toMatchObject({ mustChangePassword: false });
  });

  it('issues only the pupils or only the parents when asked', async () => {
    const pupils = await issueLoginSlips(strapi, { classDocumentId: class5b(), include: 'pupils' });
    expect(pupils.slips.map((slip) => slip.kind)).toEqual(['pupil']);
    const parents = await issueLoginSlips(strapi, { classDocumentId: class5b(), include: 'parents' });
    expect(parents.slips.map((slip) => slip.kind)).toEqual(['parent', 'parent', 'parent']);
  });

  it('answers 404 for a class that does not exist', async () => {
    await expect(issueLoginSlips(strapi, { classDocumentId: 'no-such-class' })).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('POST /api/school-classes/:documentId/login-slips', () => {
  const url = () => `/api/school-classes/${class5b()}/login-slips`;

  it('gives the class teacher of 5Б the slips of 5Б as a PDF attachment', async () => {
    const response = await apiAs(strapi, world.classTeacherB.jwt).post(url(), { reset: true }).buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/pdf/);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="login-slips-5B.pdf"; filename*=UTF-8''login-slips-5%D0%91.pdf`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
  });

  it('also serves the deputy director, with the defaults when the body is empty', async () => {
    const response = await supertest(strapi.server.httpServer)
      .post(url())
      .set('Authorization', `Bearer ${world.accounts.deputy.jwt}`)
      .buffer(true)
      .parse(binary);
    expect(response.status).toBe(200);
    expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('links, in the class teacher’s name, a guardian who also has a child in another class', async () => {
    const stepmother = await make(strapi, 'api::guardian.guardian', {
      lastName: 'Сидорова',
      firstName: 'Елена',
      patronymic: 'Игоревна',
      kinship: 'guardian',
      children: [world.school.pupil5b.documentId, world.school.pupils5a[2].documentId],
    });
    const response = await apiAs(strapi, world.classTeacherB.jwt).post(url(), { include: 'parents' }).buffer(true).parse(binary);
    expect(response.status).toBe(200);
    const account = await accountOf('api::guardian.guardian', stepmother.documentId);
    expect(account).toMatchObject({ username: 'sidorova.ei', mustChangePassword: true, role: expect.objectContaining({ type: 'parent' }) });
    const entry = (await strapi.db.query('api::audit-entry.audit-entry').findOne({
      where: { recordType: 'api::guardian.guardian', recordDocumentId: stepmother.documentId, action: 'update' },
    })) as Row;
    expect(entry).toMatchObject({ actorKind: 'user', actorId: world.classTeacherB.id, actorName: 'classteacher.b', origin: 'rest-api' });
  });

  it('refuses a class teacher of another class with a Russian PolicyError', async () => {
    const response = await apiAs(strapi, otherClassTeacher.jwt).post(url(), {});
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
    expect(response.body.error.message).toMatch(/^Вы не классный руководитель этого класса/);
  });

  it.each([
    ['a parent', () => world.accounts.parentB.jwt],
    ['a pupil', () => world.accounts.pupilA.jwt],
    ['a subject teacher of 5Б', () => world.teacherB.jwt],
    ['the director', () => world.accounts.director.jwt],
    ['the public', () => undefined],
  ])('refuses %s', async (_who, jwt) => {
    const before = await countUsers();
    expect((await apiAs(strapi, jwt()).post(url(), { reset: true })).status).toBe(403);
    expect(await countUsers()).toBe(before);
  });

  it('answers 404 for an unknown class and 400 for options it does not know', async () => {
    const deputy = apiAs(strapi, world.accounts.deputy.jwt);
    expect((await deputy.post('/api/school-classes/no-such-class/login-slips', {})).status).toBe(404);
    const badInclude = await deputy.post(url(), { include: 'everyone' });
    expect(badInclude.status).toBe(400);
    expect(badInclude.body.error.message).toMatch(/^include:/);
    expect((await deputy.post(url(), { reset: 'yes' })).status).toBe(400);
    expect((await deputy.post(url(), { resetAll: true })).status).toBe(400);
  });
});

describe('a one-time password must be changed at first sign-in', () => {
  it('lets the pupil only read themself and change the password, then opens everything the role may call', async () => {
    const issue = await issueLoginSlips(strapi, { classDocumentId: class5b(), include: 'pupils', reset: true });
    const [slip] = issue.slips;
    const signedIn = await signIn(slip.username, slip.password as string);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    const pupil = apiAs(strapi, signedIn.body.jwt);

    const refused = await pupil.get('/api/regulations');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      data: null,
      error: expect.objectContaining({ status: 403, name: 'PasswordChangeRequired', message: expect.stringMatching(/^Смените пароль: /) }),
    });
    expect((await pupil.get('/api/regulations/current/')).status).toBe(403);
    expect((await pupil.get('/api/users/me')).body).toMatchObject({ username: slip.username, mustChangePassword: true });

    const changed = await pupil.raw
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${signedIn.body.jwt}`)
      .send({ currentPassword: slip.password, password: 'Moy-parol-2026', passwordConfirmation: 'Moy-parol-2026' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect(await strapi.db.query(USER).findOne({ where: { id: slip.userId } })).toMatchObject({ mustChangePassword: false });

    expect((await pupil.get('/api/regulations')).status).toBe(200);
    expect((await apiAs(strapi, changed.body.jwt).get('/api/regulations')).status).toBe(200);
    expect((await signIn(slip.username, 'Moy-parol-2026')).status).toBe(200);
  });

  it('leaves an account without the flag alone', async () => {
    expect((await apiAs(strapi, world.accounts.pupilA.jwt).get('/api/regulations')).status).toBe(200);
  });
});

describe('the flag cannot be set through the API', () => {
  const grant = async (roleType: string, action: string) => {
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } })) as Row;
    return (await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } })) as Row;
  };
  const revoke = (permission: Row) => strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
  const flagOf = async (id: number) => ((await strapi.db.query(USER).findOne({ where: { id } })) as Row).mustChangePassword;

  it('PUT /api/users/:id refuses mustChangePassword, whichever way, from whoever may edit accounts', async () => {
    const permission = await grant('deputy-director', 'plugin::users-permissions.user.update');
    try {
      const { slips } = await issueLoginSlips(strapi, { classDocumentId: class5b(), include: 'pupils', reset: true });
      const deputy = supertest(strapi.server.httpServer);
      const put = (id: number, body: Record<string, unknown>) =>
        deputy.put(`/api/users/${id}`).set('Authorization', `Bearer ${world.accounts.deputy.jwt}`).send(body);

      const clearing = await put(slips[0].userId, { mustChangePassword: false });
      expect(clearing.status).toBe(400);
      expect(clearing.body.error.message).toMatch(/сменить пароль при входе/);
      expect(await flagOf(slips[0].userId)).toBe(true);

      expect((await put(world.accounts.parentA.id, { mustChangePassword: true })).status).toBe(400);
      expect(await flagOf(world.accounts.parentA.id)).toBe(false);
      // The grant itself works: an ordinary edit goes through.
      expect((await put(world.accounts.parentA.id, { username: 'parent.a2' })).status).toBe(200);
    } finally {
      await revoke(permission);
    }
  });

  it('a flagged account cannot clear its own flag even where it may edit accounts', async () => {
    const permission = await grant('pupil', 'plugin::users-permissions.user.update');
    try {
      const { slips } = await issueLoginSlips(strapi, { classDocumentId: class5b(), include: 'pupils', reset: true });
      const { body } = await signIn(slips[0].username, slips[0].password as string);
      const response = await supertest(strapi.server.httpServer)
        .put(`/api/users/${slips[0].userId}`)
        .set('Authorization', `Bearer ${body.jwt}`)
        .send({ mustChangePassword: false });
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('PasswordChangeRequired');
      expect(await flagOf(slips[0].userId)).toBe(true);
    } finally {
      await revoke(permission);
    }
  });

  it('registration refuses it', async () => {
    const response = await supertest(strapi.server.httpServer)
      .post('/api/auth/local/register')
      .send({ username: 'intruder', email: 'intruder@example.com', password: 'Secret-pass-123', mustChangePassword: false });
    expect(response.status).toBe(400);
    expect(await strapi.db.query(USER).count({ where: { username: 'intruder' } })).toBe(0);
  });

  it('new accounts start without it', async () => {
    const account = await createAccount(strapi, 'teacher', 'teacher.new');
    expect(await flagOf(account.id)).toBe(false);
  });
});

describe('the full name of an account (fullName, «ФИО») through the API', () => {
  const grant = async (roleType: string, action: string) => {
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } })) as Row;
    return (await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } })) as Row;
  };
  const revoke = (permission: Row) => strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
  const fullNameOf = async (id: number) => ((await strapi.db.query(USER).findOne({ where: { id } })) as Row).fullName;
  const put = (jwt: string, id: number, body: Record<string, unknown>) =>
    supertest(strapi.server.httpServer).put(`/api/users/${id}`).set('Authorization', `Bearer ${jwt}`).send(body);

  it('is set by whoever may edit accounts, at most 200 characters (400 naming the field)', async () => {
    const permission = await grant('deputy-director', 'plugin::users-permissions.user.update');
    try {
      const jwt = world.accounts.deputy.jwt;
      const tooLong = await put(jwt, world.teacherA.id, { fullName: 'Я'.repeat(201) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.details.errors[0].path).toEqual(['fullName']);
      expect(await fullNameOf(world.teacherA.id)).toBeNull();

      const named = await put(jwt, world.teacherA.id, { fullName: 'Иванова Мария Ивановна' });
      expect(named.status).toBe(200);
      expect(await fullNameOf(world.teacherA.id)).toBe('Иванова Мария Ивановна');
      expect((await put(jwt, world.teacherA.id, { fullName: 'Я'.repeat(200) })).status).toBe(200);
      expect((await put(jwt, world.teacherA.id, { fullName: null })).status).toBe(200);
      expect(await fullNameOf(world.teacherA.id)).toBeNull();
    } finally {
      await revoke(permission);
    }
  });

  it('is never set on one’s own account, even where the role may edit accounts', async () => {
    const permission = await grant('deputy-director', 'plugin::users-permissions.user.update');
    try {
      const own = await put(world.accounts.deputy.jwt, world.accounts.deputy.id, { fullName: 'Самозванцев Пётр Петрович' });
      expect(own.status).toBe(400);
      expect(own.body.error.details.errors[0].path).toEqual(['fullName']);
      expect(await fullNameOf(world.accounts.deputy.id)).toBeNull();
    } finally {
      await revoke(permission);
    }
  });

  it('registration refuses it', async () => {
    const response = await supertest(strapi.server.httpServer)
      .post('/api/auth/local/register')
      .send({ username: 'named.intruder', email: 'named@example.com', password: 'Secret-pass-123', fullName: 'Директор Школы' });
    expect(response.status).toBe(400);
    expect(await strapi.db.query(USER).count({ where: { username: 'named.intruder' } })).toBe(0);
  });
});

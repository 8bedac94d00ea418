import { createHash, randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';
import { adminLogin } from './admin';
import type { Core } from '@strapi/strapi';
import { buildMiniSchool, make, type MiniSchool } from './school-fixture';
import { createAccount } from './strapi';

type Doc = { id: number; documentId: string; [field: string]: unknown };

export interface ArchiveSchool extends MiniSchool {
  teacher: { id: number; documentId: string; jwt: string };
  /** 5Б mathematics, one lesson in the first quarter. */
  math5bJournal: Doc;
  /** 1А Russian, one lesson in the first quarter (grade 1: attendance only, no point marks). */
  russian1aJournal: Doc;
  /** Иванов's «4» on 02.09 in 5А mathematics. */
  ivanovMark: Doc;
  locations: { primary: string; secondary: string };
}

/** Two fresh archive locations for one test file, under the test run's tmp dir, set in the plugin's config. */
export const useFreshArchiveLocations = (strapi: Core.Strapi): { primary: string; secondary: string } => {
  const base = path.join(process.env.TEST_TMP_DIR as string, `archive-${randomUUID()}`);
  const locations = { primary: path.join(base, 'primary'), secondary: path.join(base, 'secondary') };
  strapi.config.set('plugin::records-archive.archive', { primaryDir: locations.primary, secondaryDir: locations.secondary });
  return locations;
};

/**
 * The mini school with a first quarter worth archiving: three classes with lessons (5А maths with
 * marks, lateness and absences, 5Б maths, 1А Russian with an excused absence), period marks for
 * 5А, an annual mark, and a teacher who teaches 5А maths.
 */
export const buildArchiveSchool = async (strapi: Core.Strapi): Promise<ArchiveSchool> => {
  const school = await buildMiniSchool(strapi);
  const locations = useFreshArchiveLocations(strapi);
  const teacher = await createAccount(strapi, 'teacher', `teacher-${randomUUID().slice(0, 8)}`);
  await strapi
    .documents('api::journal.journal')
    .update({ documentId: school.mathJournal.documentId, data: { teachers: [teacher.id] } } as never);
  const [ivanov, petrova, sidorov] = school.pupils5a;
  const [sep2, sep3] = school.lessons;
  const mark = (student: Doc, lesson: Doc, value: string) =>
    make(strapi, 'api::mark.mark', {
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: lesson.documentId,
      student: student.documentId,
      value,
    });
  const ivanovMark = await mark(ivanov, sep2, '4');
  await mark(petrova, sep3, '5');
  await mark(sidorov, sep3, '3');
  await make(strapi, 'api::attendance.attendance', { lesson: sep2.documentId, student: sidorov.documentId, kind: 'absent' });
  await make(strapi, 'api::attendance.attendance', {
    lesson: sep3.documentId,
    student: petrova.documentId,
    kind: 'late',
    minutesLate: 5,
  });
  for (const [student, value] of [
    [ivanov, '4'],
    [petrova, '5'],
  ] as const) {
    await make(strapi, 'api::mark.mark', {
      kind: 'periodic',
      journal: school.mathJournal.documentId,
      studyPeriod: school.quarters[0].documentId,
      student: student.documentId,
      value,
    });
  }
  await make(strapi, 'api::mark.mark', { kind: 'annual', journal: school.mathJournal.documentId, student: ivanov.documentId, value: '4' });

  const math5bJournal = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class5b.documentId,
    subject: school.math.documentId,
    kind: 'classroom',
  });
  const lesson5b = await make(strapi, 'api::lesson.lesson', {
    journal: math5bJournal.documentId,
    date: '2025-09-05',
    number: 1,
    topic: 'Натуральные числа',
    homework: '№ 10',
  });
  await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: math5bJournal.documentId,
    lesson: lesson5b.documentId,
    student: school.pupil5b.documentId,
    value: '3',
  });
  const russian1aJournal = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class1a.documentId,
    subject: school.russian.documentId,
    kind: 'classroom',
  });
  const lesson1a = await make(strapi, 'api::lesson.lesson', {
    journal: russian1aJournal.documentId,
    date: '2025-09-04',
    number: 1,
    topic: 'Буквы и звуки',
  });
  await make(strapi, 'api::attendance.attendance', { lesson: lesson1a.documentId, student: school.pupil1a.documentId, kind: 'excused' });
  return { ...school, teacher, math5bJournal, russian1aJournal, ivanovMark, locations };
};

export const sha256Hex = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

const walk = (dir: string, prefix = ''): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(path.join(dir, entry.name), relative) : [relative];
  });

const manifestEntries = (text: string): Map<string, string> =>
  new Map(
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const match = /^([0-9a-f]{64})\s+(.+)$/.exec(line);
        if (!match) throw new Error(`bad manifest line: ${line}`);
        return [match[2], match[1]] as [string, string];
      }),
  );

/**
 * An independent BagIt (RFC 8493) check of a bag directory, written from the RFC rather than
 * from the plugin's code: the declaration, every payload file listed and matching, no payload
 * file unlisted, the tag manifest matching, and Payload-Oxum. Returns the problems (empty = valid)
 * and the checksums of all files.
 */
export const verifyBagDirectory = (
  dir: string,
): { problems: string[]; checksums: Record<string, string>; info: Record<string, string> } => {
  const problems: string[] = [];
  const read = (name: string) => fs.readFileSync(path.join(dir, name));
  const files = walk(dir);
  const checksums = Object.fromEntries(files.map((file) => [file, sha256Hex(read(file))]));
  if (read('bagit.txt').toString('utf8') !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') problems.push('bagit.txt');
  const manifest = manifestEntries(read('manifest-sha256.txt').toString('utf8'));
  const payload = files.filter((file) => file.startsWith('data/'));
  for (const file of payload) {
    if (!manifest.has(file)) problems.push(`unlisted ${file}`);
    else if (manifest.get(file) !== checksums[file]) problems.push(`checksum ${file}`);
  }
  for (const file of manifest.keys()) if (!payload.includes(file)) problems.push(`missing ${file}`);
  const tagManifest = manifestEntries(read('tagmanifest-sha256.txt').toString('utf8'));
  for (const tag of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']) {
    if (tagManifest.get(tag) !== checksums[tag]) problems.push(`tag checksum ${tag}`);
  }
  const info = Object.fromEntries(
    read('bag-info.txt')
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
  const octets = payload.reduce((total, file) => total + fs.statSync(path.join(dir, file)).size, 0);
  if (info['Payload-Oxum'] !== `${octets}.${payload.length}`)
    problems.push(`Payload-Oxum ${info['Payload-Oxum']} ≠ ${octets}.${payload.length}`);
  return { problems, checksums, info };
};

/** A super admin's token for the admin API. */
export const superAdminToken = (strapi: Core.Strapi, email = 'archivist@school.test'): Promise<string> =>
  adminLogin(strapi, { email, firstname: 'Нина', lastname: 'Петрова' });

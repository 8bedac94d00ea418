import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { todayInZone, type LocalDate } from '../../school/calendar';
import { getSchoolSettings } from '../../school/settings';
import type { DiaryReader, DiaryService } from '../diary/services/diary';

/**
 * The school's assessment and record-keeping rules in the e-diary (seed 001 §1.6: pupils and
 * parents are told them at the start of every year — by the class teacher at the first parents'
 * meeting, by subject teachers in the first lessons). The rules are the current edition of the
 * Положение; a parent or pupil acknowledges it in the diary once per school year and edition, and a
 * parent who attended a meeting where that edition was presented counts as acknowledged from the
 * meeting's date. A new edition, or a new school year, asks again.
 */

const ACKNOWLEDGMENT = 'api::rules-acknowledgment.rules-acknowledgment';
const MEETING = 'api::parent-meeting.parent-meeting';

type Row = Record<string, unknown> & { id: number; documentId: string };

export interface Edition {
  id: number;
  documentId: string;
  title: string;
  editionNumber: number | null;
  effectiveDate: string | null;
}

export interface Acknowledgment {
  /** Who acknowledged: the parent's name, or the pupil's. */
  by: string;
  role: 'parent' | 'pupil';
  /** In the diary, or by attending the parents' meeting where the rules were presented. */
  way: 'diary' | 'meeting';
  /** When: the time of the diary acknowledgment, or the meeting's date. */
  at: string;
}

const diaryOf = (strapi: Core.Strapi) => strapi.service('api::diary.diary') as unknown as DiaryService;

const rows = (strapi: Core.Strapi, uid: string, params: Record<string, unknown>) =>
  strapi.db.query(uid as never).findMany(params) as Promise<Row[]>;

export const currentEdition = async (strapi: Core.Strapi): Promise<Edition | null> =>
  (await strapi.db.query('api::regulation.regulation').findOne({
    where: { state: 'current' },
    select: ['id', 'documentId', 'title', 'editionNumber', 'effectiveDate'],
  })) as Edition | null;

const editionView = (edition: Edition | null) =>
  edition && {
    documentId: edition.documentId,
    title: edition.title,
    editionNumber: edition.editionNumber,
    effectiveDate: edition.effectiveDate,
    /** The public page of the current edition (src/regulation-page). */
    url: '/regulation',
  };

/** The meetings of the class in the year where the edition was presented, earliest first, with who attended. */
const presentingMeetings = (strapi: Core.Strapi, classId: number, edition: Edition | null) =>
  edition
    ? rows(strapi, MEETING, {
        where: { schoolClass: { id: classId }, assessmentRulesPresented: true, regulation: { id: edition.id } },
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
        populate: { attendees: { select: ['id', 'fullName'] } },
      })
    : Promise.resolve([] as Row[]);

/** The first parents' meeting of the class where the rules were presented (any edition): its date and topic. */
const firstMeetingOf = async (strapi: Core.Strapi, classId: number) => {
  const [first] = await rows(strapi, MEETING, {
    where: { schoolClass: { id: classId }, assessmentRulesPresented: true },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    limit: 1,
    select: ['date', 'topic'],
  });
  return first ? { date: first.date as LocalDate, topic: first.topic as string } : null;
};

/** Every acknowledgment of the pupils for the year and edition: in the diary, and by attending a presenting meeting. */
const acknowledgmentsOf = async (
  strapi: Core.Strapi,
  pupils: Array<{ id: number; guardians?: Array<{ id: number; fullName?: string }> }>,
  yearId: number,
  edition: Edition | null,
  meetings: Row[],
): Promise<Map<number, Acknowledgment[]>> => {
  const result = new Map<number, Acknowledgment[]>(pupils.map((pupil) => [pupil.id, []]));
  if (!edition || pupils.length === 0) return result;
  const stored = await rows(strapi, ACKNOWLEDGMENT, {
    where: { student: { id: { $in: pupils.map((pupil) => pupil.id) } }, academicYear: { id: yearId }, regulation: { id: edition.id } },
    orderBy: [{ acknowledgedAt: 'asc' }, { id: 'asc' }],
    populate: { student: { select: ['id', 'fullName'] }, guardian: { select: ['id', 'fullName'] } },
  });
  for (const record of stored) {
    const student = record.student as Row & { fullName: string };
    const guardian = record.guardian as (Row & { fullName: string }) | null;
    result.get(student.id)?.push({
      by: guardian ? guardian.fullName : student.fullName,
      role: guardian ? 'parent' : 'pupil',
      way: 'diary',
      at: new Date(record.acknowledgedAt as string).toISOString(),
    });
  }
  for (const pupil of pupils) {
    for (const meeting of meetings) {
      const attended = ((meeting.attendees as Array<{ id: number; fullName: string }>) ?? []).filter((attendee) =>
        (pupil.guardians ?? []).some((guardian) => guardian.id === attendee.id),
      );
      for (const guardian of attended) {
        result.get(pupil.id)?.push({ by: guardian.fullName, role: 'parent', way: 'meeting', at: meeting.date as string });
      }
    }
  }
  return result;
};

const noRules = () => new errors.ApplicationError('В школе нет действующей редакции Положения: знакомиться пока не с чем');

export const createAssessmentRules = (strapi: Core.Strapi) => {
  /** The pupil's current class and its school year; a pupil on no class list has no year to acknowledge for. */
  const yearOf = async (pupilId: number) => {
    const schoolClass = (await diaryOf(strapi).currentClass(pupilId)) as
      | (Row & { name: string; academicYear: Row & { title: string } })
      | null;
    if (!schoolClass?.academicYear) throw new errors.ApplicationError('Обучающийся не числится ни в одном классе');
    return { schoolClass, year: schoolClass.academicYear };
  };

  const guardiansOfPupil = async (pupilId: number) =>
    rows(strapi, 'api::guardian.guardian', {
      where: { children: { id: pupilId } },
      select: ['id', 'fullName'],
      populate: { user: { select: ['id'] } },
    });

  return {
    /** What the family sees: the current rules, the year, the first meeting where they were presented, and who has acknowledged them. */
    async show(reader: DiaryReader, pupil: Row) {
      const { schoolClass, year } = await yearOf(pupil.id);
      const edition = await currentEdition(strapi);
      const guardians = await guardiansOfPupil(pupil.id);
      const meetings = await presentingMeetings(strapi, schoolClass.id, edition);
      const acknowledgments =
        (await acknowledgmentsOf(strapi, [{ id: pupil.id, guardians }], year.id, edition, meetings)).get(pupil.id) ?? [];
      const own = edition
        ? await strapi.db.query(ACKNOWLEDGMENT).count({
            where: { student: { id: pupil.id }, account: { id: reader.id }, academicYear: { id: year.id }, regulation: { id: edition.id } },
          })
        : 0;
      return {
        regulation: editionView(edition),
        academicYear: { documentId: year.documentId, title: year.title },
        schoolClass: { documentId: schoolClass.documentId, name: schoolClass.name },
        firstParentMeeting: await firstMeetingOf(strapi, schoolClass.id),
        acknowledgments,
        acknowledgedByMe: own > 0,
      };
    },

    /** The caller (a parent of the pupil, or the pupil) acknowledges the current edition for the current year; once. */
    async acknowledge(reader: DiaryReader, pupil: Row) {
      const { year } = await yearOf(pupil.id);
      const edition = await currentEdition(strapi);
      if (!edition) throw noRules();
      const where = {
        student: { id: pupil.id },
        account: { id: reader.id },
        academicYear: { id: year.id },
        regulation: { id: edition.id },
      };
      const existing = (await strapi.db.query(ACKNOWLEDGMENT).findOne({ where })) as Row | null;
      if (existing) return { created: false, acknowledgedAt: new Date(existing.acknowledgedAt as string).toISOString() };
      const guardian =
        reader.roleType === 'parent'
          ? (await guardiansOfPupil(pupil.id)).find((candidate) => (candidate.user as Row | null)?.id === reader.id)
          : undefined;
      const created = (await strapi.documents(ACKNOWLEDGMENT).create({
        data: {
          student: pupil.id,
          guardian: guardian?.id ?? null,
          account: reader.id,
          academicYear: year.id,
          regulation: edition.id,
          acknowledgedAt: new Date().toISOString(),
        } as never,
      })) as unknown as Row;
      return { created: true, acknowledgedAt: new Date(created.acknowledgedAt as string).toISOString() };
    },

    /** For the class teacher (own class), the deputy and the director: who in the class has (not) acknowledged the rules this year. */
    async classState(reader: DiaryReader, classDocumentId: string) {
      const diary = diaryOf(strapi);
      const led = await diary.requireClass(reader, classDocumentId);
      const schoolClass = (await strapi.db.query('api::school-class.school-class').findOne({
        where: { id: led.id },
        select: ['id', 'documentId', 'name'],
        populate: { academicYear: { select: ['id', 'documentId', 'title', 'startDate', 'endDate'] } },
      })) as Row & { name: string; academicYear: (Row & { title: string; startDate: LocalDate; endDate: LocalDate }) | null };
      const year = schoolClass.academicYear;
      if (!year) throw new errors.ApplicationError('У класса не указан учебный год');
      const today = todayInZone(getSchoolSettings(strapi).timeZone);
      const day = today < year.startDate ? year.startDate : today > year.endDate ? year.endDate : today;
      const pupils = (await diary.classList(schoolClass.id, day, day)) as Array<
        Row & { fullName: string; guardians?: Array<{ id: number; fullName?: string }> }
      >;
      const edition = await currentEdition(strapi);
      const meetings = await presentingMeetings(strapi, schoolClass.id, edition);
      const found = await acknowledgmentsOf(strapi, pupils, year.id, edition, meetings);
      const list = pupils.map((pupil) => {
        const all = found.get(pupil.id) ?? [];
        const parent = all.find((entry) => entry.role === 'parent') ?? null;
        const self = all.find((entry) => entry.role === 'pupil') ?? null;
        return { documentId: pupil.documentId, fullName: pupil.fullName, parent, pupil: self };
      });
      return {
        schoolClass: { documentId: schoolClass.documentId, name: schoolClass.name },
        academicYear: { documentId: year.documentId, title: year.title },
        regulation: editionView(edition),
        firstParentMeeting: await firstMeetingOf(strapi, schoolClass.id),
        pupils: list,
        summary: {
          pupils: list.length,
          parentsAcknowledged: list.filter((entry) => entry.parent).length,
          pupilsAcknowledged: list.filter((entry) => entry.pupil).length,
        },
      };
    },
  };
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { INVENTORY_CHECK_UID, PAPER_CARRIER_UID, RETENTION_RULE_UID } from '../constants';
import { currentActor } from '../disposition/actor';
import { renderCertificateReceipt } from '../paper/certificate-receipt-pdf';
import { renderCheckPdf } from '../paper/check-pdf';
import { renderNomenclaturePdf } from '../paper/nomenclature-pdf';
import { dotted } from '../paper/pdf-table';
import { pupilStanding, STORED_CERTIFICATE, type PupilEnrollment, type PupilStanding } from '../paper/stored-certificates';
import {
  CARRIER_STATE_LABELS,
  checkSchedule,
  isSchoolYear,
  nomenclatureRows,
  stateChanges,
  unfilledRows,
  type CarrierState,
  type CheckRow,
  type CheckSchedule,
  type Finding,
  type NomenclatureRule,
} from '../rules/paper-archive';
import type { RetentionPeriod } from '../rules/retention';
import { getService } from '../utils';

/**
 * The paper archive (R60, R62, R63, R43 location): the register of paper carriers with their
 * retention rule, place and custodian; the printed class journals of a year registered in one
 * step; the list of files (номенклатура дел) of a year; inventory checks of the paper archive,
 * drafted, filled and signed, read-only once signed. Carriers are destroyed only by an approved
 * destruction act (`disposition/record-kinds.ts`, kind «paper-carrier»).
 */

const ACADEMIC_YEAR_UID = 'api::academic-year.academic-year';
const SCHOOL_CLASS_UID = 'api::school-class.school-class';
const STUDENT_UID = 'api::student.student';
/** The acceptance at admission (R48) that registered a held аттестат: its series, number and day. */
const CERTIFICATE_ACCEPTANCE_UID = 'api::certificate-acceptance.certificate-acceptance';

export const DEFAULT_CHECK_INTERVAL_MONTHS = 12;

const REGISTER_LOCK_KEY = 7_201_601;
/** Every write of inventory checks (numbering, filling, signing) takes this lock on PostgreSQL. */
const CHECK_NUMBER_LOCK_KEY = 7_201_602;
/** Two hand-backs of one аттестат at once: the second waits and then finds it returned. */
const CERTIFICATE_RETURN_LOCK_KEY = 7_201_603;
/** How many of the latest hand-backs the stored-certificates check lists with their receipts. */
const RETURNED_SHOWN = 50;

interface RuleRow extends RetentionPeriod, NomenclatureRule {
  id: number;
  documentId: string;
  countsFrom: string;
}

export interface CarrierRow {
  id: number;
  documentId: string;
  recordType: string;
  title: string;
  schoolYear: string;
  caseIndex: string | null;
  storagePlace: string | null;
  custodian: string | null;
  closedOn: string | null;
  sheets: number | null;
  state: CarrierState;
  expiresOn: string | null;
  retentionKind: string | null;
  destructionActNumber: string | null;
  destroyedAt: string | null;
  handedOverOn: string | null;
  handedOverTo: string | null;
  handedOverToKind: ReceiverKind | null;
  handedOverDocument: string | null;
  handedOverBy: string | null;
  note: string | null;
  sourceKey: string | null;
  schoolClass?: { id: number; documentId: string; name: string | null } | null;
  student?: { id: number; documentId: string; fullName: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface CarrierView extends CarrierRow {
  ruleTitle: string | null;
  stateLabel: string;
  expired: boolean;
}

export interface CarrierInput {
  recordType?: string;
  title?: string;
  schoolYear?: string;
  schoolClass?: string | null;
  student?: string | null;
  caseIndex?: string | null;
  storagePlace?: string | null;
  custodian?: string | null;
  closedOn?: string | null;
  sheets?: number | null;
  state?: 'in-storage' | 'handed-over' | 'missing';
  note?: string | null;
}

export type ReceiverKind = 'pupil' | 'parent' | 'representative';

/** The hand-back of a stored аттестат (R50) as the archivist records it. */
export interface CertificateReturnInput {
  returnedOn: string;
  receivedBy: string;
  receiverKind: ReceiverKind;
  receiverDocument?: string | null;
  note?: string | null;
}

export interface CarrierQuery {
  year?: string;
  recordType?: string;
  state?: CarrierState;
  place?: string;
  page?: number;
  pageSize?: number;
}

export interface InventoryCheck {
  id: number;
  documentId: string;
  number: string;
  date: string;
  commission: string[];
  scope: 'all' | 'storage-place';
  scopePlace: string | null;
  rows: CheckRow[];
  state: 'draft' | 'signed';
  notes: string | null;
  createdByName: string | null;
  signedBy: string | null;
  signedById: number | null;
  signedAt: string | null;
  createdAt: string;
}

export interface CheckInput {
  date?: string;
  commission?: string[];
  scope?: 'all' | 'storage-place';
  storagePlace?: string | null;
  notes?: string | null;
  findings?: Array<{ documentId: string; finding: Finding | null; note?: string | null }>;
}

interface FieldIssue {
  path: Array<string | number>;
  message: string;
  name: 'ValidationError';
}

const issue = (path: Array<string | number>, message: string): FieldIssue => ({ path, message, name: 'ValidationError' });

const fieldError = (issues: FieldIssue[]): errors.ValidationError =>
  new errors.ValidationError(issues.map((item) => item.message).join('; '), {
    errors: issues.map((item) => ({ ...item, path: item.path.map(String) })),
  });

const asDate = (value: unknown): string | null => (value ? String(value).slice(0, 10) : null);

const CARRIER_POPULATE = {
  schoolClass: { select: ['id', 'documentId', 'name'] },
  student: { select: ['id', 'documentId', 'fullName'] },
};

const createPaperArchiveService = ({ strapi }: { strapi: Core.Strapi }) => {
  const carriers = () => strapi.db.query(PAPER_CARRIER_UID);
  const checks = () => strapi.db.query(INVENTORY_CHECK_UID);
  const timeZone = (): string => (strapi.config.get('school.timeZone') as string | undefined) ?? 'Europe/Moscow';
  const today = (): string => DateTime.now().setZone(timeZone()).toISODate() as string;
  const schoolName = (): string => (strapi.config.get('school.name') as string | undefined) ?? 'Школа';

  /** A transaction-scoped PostgreSQL advisory lock (SQLite's single writer needs none). */
  const serialise = async (trx: unknown, key: number): Promise<void> => {
    if (strapi.db.dialect.client === 'postgres')
      await (trx as { raw(sql: string, bindings: unknown[]): Promise<unknown> }).raw('select pg_advisory_xact_lock(?)', [key]);
  };

  const intervalMonths = (): number => {
    const configured = (strapi.config.get('plugin::records-archive.paperArchive', {}) ?? {}) as { checkIntervalMonths?: unknown };
    const months = Number(configured.checkIntervalMonths);
    return Number.isInteger(months) && months > 0 ? months : DEFAULT_CHECK_INTERVAL_MONTHS;
  };

  const rulesByType = async (): Promise<Map<string, RuleRow>> => {
    const rows = (await strapi.db.query(RETENTION_RULE_UID).findMany({})) as RuleRow[];
    return new Map(rows.map((rule) => [rule.recordType, rule]));
  };

  /** The carrier's expiry under its rule as it stands, computed by the retention service. */
  const expiryOf = (rule: RuleRow | undefined, closedOn: string | null) => getService(strapi, 'retention').expiryFor(rule, closedOn);

  const view = (row: CarrierRow, rules: Map<string, RuleRow>, day: string): CarrierView => {
    const rule = rules.get(row.recordType);
    const { retentionKind, expiresOn } = expiryOf(rule, asDate(row.closedOn));
    return {
      ...row,
      closedOn: asDate(row.closedOn),
      expiresOn,
      retentionKind,
      ruleTitle: rule?.title ?? null,
      stateLabel: CARRIER_STATE_LABELS[row.state] ?? row.state,
      expired: Boolean(expiresOn && expiresOn <= day && rule?.actionAtExpiry !== 'hand-over'),
    };
  };

  const loadCarrier = async (id: number): Promise<CarrierRow> => {
    const row = (await carriers().findOne({ where: { id }, populate: CARRIER_POPULATE })) as CarrierRow | null;
    if (!row) throw new errors.NotFoundError('Единица хранения не найдена');
    return row;
  };

  /** The academic year titled `schoolYear` (when the school has it), for the default closing date. */
  const academicYear = async (schoolYear: string) =>
    (await strapi.db
      .query(ACADEMIC_YEAR_UID)
      .findOne({ where: { title: schoolYear }, select: ['id', 'documentId', 'title', 'endDate'] })) as {
      id: number;
      documentId: string;
      title: string;
      endDate: string;
    } | null;

  /** Checks a carrier as it will be stored; resolves relations and the defaults of its rule. */
  const prepareCarrier = async (input: CarrierInput, stored: CarrierRow | null): Promise<Record<string, unknown>> => {
    const rules = await rulesByType();
    const issues: FieldIssue[] = [];
    const recordType = input.recordType ?? stored?.recordType;
    const rule = recordType ? rules.get(recordType) : undefined;
    if (!recordType) issues.push(issue(['recordType'], 'Укажите вид документа (правило срока хранения)'));
    else if (!rule) issues.push(issue(['recordType'], `Нет правила срока хранения для вида документа «${recordType}»`));
    else if (rule.periodKind === 'not-archived')
      issues.push(issue(['recordType'], `«${rule.title}» в архиве не хранятся: единицу хранения завести нельзя`));
    const schoolYear = input.schoolYear ?? stored?.schoolYear;
    if (!schoolYear || !isSchoolYear(schoolYear)) issues.push(issue(['schoolYear'], 'Учебный год в виде «2025/2026»'));
    const title = (input.title ?? stored?.title ?? '').trim();
    if (!title) issues.push(issue(['title'], 'Укажите заголовок дела'));
    if (recordType === STORED_CERTIFICATE && input.state === 'handed-over' && stored?.state !== 'handed-over') {
      issues.push(
        issue(['state'], 'Аттестат возвращают записью о возврате (кто получил, дата, документ) с распиской, а не сменой состояния'),
      );
    }
    const closedOn = input.closedOn !== undefined ? input.closedOn : asDate(stored?.closedOn);
    if (closedOn && closedOn > today()) issues.push(issue(['closedOn'], 'Дата закрытия дела не может быть в будущем'));
    const data: Record<string, unknown> = {};
    if (input.schoolClass !== undefined) {
      if (input.schoolClass === null) data.schoolClass = null;
      else {
        const found = await strapi.db.query(SCHOOL_CLASS_UID).findOne({ where: { documentId: input.schoolClass }, select: ['id'] });
        if (!found) issues.push(issue(['schoolClass'], 'Класс не найден'));
        else data.schoolClass = input.schoolClass;
      }
    }
    if (input.student !== undefined) {
      if (input.student === null) data.student = null;
      else {
        const found = await strapi.db.query(STUDENT_UID).findOne({ where: { documentId: input.student }, select: ['id'] });
        if (!found) issues.push(issue(['student'], 'Обучающийся не найден'));
        else data.student = input.student;
      }
    }
    if (issues.length > 0) throw fieldError(issues);
    let closed = closedOn ?? null;
    if (!closed && !stored && rule?.countsFrom === 'end-of-school-year' && schoolYear) {
      closed = asDate((await academicYear(schoolYear))?.endDate) ?? `${schoolYear.slice(5)}-08-31`;
      if (closed > today()) closed = null;
    }
    Object.assign(data, {
      recordType,
      title,
      schoolYear,
      closedOn: closed,
      ...expiryOf(rule, closed),
    });
    if (!stored || input.caseIndex !== undefined) data.caseIndex = input.caseIndex ?? (stored ? null : (rule?.caseIndex ?? null));
    if (!stored || input.storagePlace !== undefined)
      data.storagePlace = input.storagePlace ?? (stored ? null : (rule?.storagePlace ?? null));
    for (const field of ['custodian', 'sheets', 'note', 'state'] as const) if (input[field] !== undefined) data[field] = input[field];
    return data;
  };

  /** Where each pupil stands on `day` by their class lists (the latest enrollment decides). */
  const standingsOf = async (pupilIds: number[], day: string): Promise<Map<number, PupilStanding>> => {
    const enrollments = pupilIds.length
      ? ((await strapi.db.query('api::enrollment.enrollment').findMany({
          where: { student: { id: { $in: pupilIds } } },
          select: ['startDate', 'endDate', 'leavingReason', 'leavingOrder'],
          populate: { student: { select: ['id'] }, schoolClass: { select: ['name', 'grade'] } },
        })) as Array<Record<string, unknown> & { student: { id: number } | null; schoolClass: { name: string; grade: number } | null }>)
      : [];
    const byPupil = new Map<number, PupilEnrollment[]>();
    for (const row of enrollments) {
      if (!row.student) continue;
      const list = byPupil.get(row.student.id) ?? [];
      list.push({
        startDate: String(row.startDate),
        endDate: (row.endDate as string | null) ?? null,
        leavingReason: (row.leavingReason as string | null) ?? null,
        leavingOrder: (row.leavingOrder as string | null) ?? null,
        className: row.schoolClass?.name ?? null,
        grade: row.schoolClass?.grade ?? null,
      });
      byPupil.set(row.student.id, list);
    }
    return new Map(pupilIds.map((id) => [id, pupilStanding(byPupil.get(id) ?? [], day)]));
  };

  const nextCheckNumber = async (date: string): Promise<string> => {
    const year = date.slice(0, 4);
    const numbers = (await checks().findMany({ where: { number: { $endsWith: `/${year}` } }, select: ['number'] })) as Array<{
      number: string;
    }>;
    const last = Math.max(0, ...numbers.map((check) => Number.parseInt(check.number.replace(/^\D+/, ''), 10)).filter(Number.isFinite));
    return `П-${last + 1}/${year}`;
  };

  const loadCheck = async (id: number): Promise<InventoryCheck> => {
    const check = (await checks().findOne({ where: { id } })) as InventoryCheck | null;
    if (!check) throw new errors.NotFoundError('Проверка не найдена');
    return check;
  };

  const requireDraft = (check: InventoryCheck): void => {
    if (check.state !== 'draft') {
      throw new errors.ValidationError(
        `Акт проверки № ${check.number} подписан ${check.signedAt ? DateTime.fromJSDate(new Date(check.signedAt)).setZone(timeZone()).toFormat('dd.LL.yyyy') : ''} и изменению не подлежит`.replace(
          '  ',
          ' ',
        ),
        { errors: [{ path: ['state'], message: 'Подписанный акт проверки изменению не подлежит', name: 'ValidationError' }] },
      );
    }
  };

  const service = {
    intervalMonths,

    async listCarriers(query: CarrierQuery = {}) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      const where: Record<string, unknown> = {};
      if (query.year) where.schoolYear = query.year;
      if (query.recordType) where.recordType = query.recordType;
      if (query.state) where.state = query.state;
      if (query.place) where.storagePlace = query.place;
      const [rows, total, rules] = await Promise.all([
        carriers().findMany({
          where,
          populate: CARRIER_POPULATE,
          orderBy: [{ schoolYear: 'desc' }, { caseIndex: 'asc' }, { title: 'asc' }, { id: 'asc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        carriers().count({ where }),
        rulesByType(),
      ]);
      const day = today();
      return {
        results: (rows as CarrierRow[]).map((row) => view(row, rules, day)),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    /**
     * The basic certificates held in safekeeping checked against the class lists (R49, R50): each
     * held certificate with where its pupil stands; those whose pupil has left (to be returned now);
     * the pupils of grades 10–11 studying today whose certificate the school does not hold; the
     * latest hand-backs with who took them (their receipts print from these).
     */
    async storedCertificates() {
      const day = today();
      const held = (await carriers().findMany({
        where: { recordType: STORED_CERTIFICATE, state: 'in-storage' },
        populate: CARRIER_POPULATE,
        orderBy: [{ title: 'asc' }],
      })) as CarrierRow[];
      const accounted = (await carriers().findMany({
        where: { recordType: STORED_CERTIFICATE, state: { $in: ['in-storage', 'handed-over'] }, student: { id: { $notNull: true } } },
        select: ['id'],
        populate: { student: { select: ['id'] } },
      })) as Array<{ student: { id: number } | null }>;
      const seniorEnrollments = (await strapi.db.query('api::enrollment.enrollment').findMany({
        where: {
          schoolClass: { grade: { $gte: 10 } },
          startDate: { $lte: day },
          $or: [{ endDate: { $null: true } }, { endDate: { $gte: day } }],
        },
        select: ['id'],
        populate: { student: { select: ['id', 'documentId', 'fullName'] }, schoolClass: { select: ['name'] } },
      })) as Array<{ student: { id: number; documentId: string; fullName: string } | null; schoolClass: { name: string } | null }>;
      const standings = await standingsOf(
        held.map((row) => row.student?.id).filter((id): id is number => typeof id === 'number'),
        day,
      );
      const rules = await rulesByType();
      const heldViews = held.map((row) => ({
        ...view(row, rules, day),
        standing: (row.student ? standings.get(row.student.id) : undefined) ?? ({ state: 'unknown' } as const),
      }));
      const accountedFor = new Set(accounted.map((row) => row.student?.id));
      const notHandedIn = [
        ...new Map(
          seniorEnrollments
            .filter((row) => row.student && !accountedFor.has(row.student.id))
            .map((row) => [
              row.student!.id,
              { documentId: row.student!.documentId, fullName: row.student!.fullName, className: row.schoolClass?.name ?? null },
            ]),
        ).values(),
      ].sort((a, b) => (a.className ?? '').localeCompare(b.className ?? '', 'ru') || a.fullName.localeCompare(b.fullName, 'ru'));
      // The latest hand-backs, each with its receipt for signature.
      const returned = (await carriers().findMany({
        where: { recordType: STORED_CERTIFICATE, state: 'handed-over', handedOverOn: { $notNull: true } },
        populate: CARRIER_POPULATE,
        orderBy: [{ handedOverOn: 'desc' }, { id: 'desc' }],
        limit: RETURNED_SHOWN,
      })) as CarrierRow[];
      return {
        held: heldViews,
        toReturn: heldViews.filter((row) => row.standing.state === 'left'),
        notHandedIn,
        returned: returned.map((row) => ({ ...view(row, rules, day), handedOverOn: asDate(row.handedOverOn) })),
      };
    },

    /** What the page's filters and forms choose from: school years, rules, storage places, academic years. */
    async choices() {
      const rules = [...(await rulesByType()).values()]
        .filter((rule) => rule.periodKind !== 'not-archived')
        .map((rule) => ({
          recordType: rule.recordType,
          title: rule.title,
          caseIndex: rule.caseIndex ?? null,
          storagePlace: rule.storagePlace ?? null,
          carrier: rule.carrier ?? null,
        }))
        .sort((a, b) => (a.caseIndex ?? '~').localeCompare(b.caseIndex ?? '~', 'ru', { numeric: true }));
      const rows = (await carriers().findMany({ select: ['schoolYear', 'storagePlace'] })) as Array<{
        schoolYear: string;
        storagePlace: string | null;
      }>;
      const academicYears = (await strapi.db
        .query(ACADEMIC_YEAR_UID)
        .findMany({ select: ['documentId', 'title'], orderBy: [{ startDate: 'desc' }] })) as Array<{ documentId: string; title: string }>;
      const years = [...new Set([...academicYears.map((year) => year.title), ...rows.map((row) => row.schoolYear)])].sort().reverse();
      const places = [
        ...new Set(
          [...rows.map((row) => row.storagePlace), ...rules.map((rule) => rule.storagePlace)].filter((place): place is string =>
            Boolean(place),
          ),
        ),
      ].sort((a, b) => a.localeCompare(b, 'ru'));
      return { years, rules, places, academicYears };
    },

    async findCarrier(id: number): Promise<CarrierView> {
      return view(await loadCarrier(id), await rulesByType(), today());
    },

    async createCarrier(input: CarrierInput): Promise<CarrierView> {
      const data = await prepareCarrier(input, null);
      const created = (await strapi.documents(PAPER_CARRIER_UID as never).create({ data: { state: 'in-storage', ...data } as never })) as {
        id: number;
      };
      return service.findCarrier(created.id);
    },

    /** Changes a carrier; one destroyed by act is final, and «destroyed» is set only by an act. */
    async updateCarrier(id: number, input: CarrierInput): Promise<CarrierView> {
      const stored = await loadCarrier(id);
      if (stored.state === 'destroyed') {
        throw fieldError([
          issue(['state'], `Единица хранения уничтожена по акту № ${stored.destructionActNumber ?? '—'}; запись в реестре не изменяется`),
        ]);
      }
      if (stored.recordType === STORED_CERTIFICATE && stored.state === 'handed-over' && stored.handedOverOn) {
        throw fieldError([
          issue(
            ['state'],
            `Аттестат возвращён ${dotted(asDate(stored.handedOverOn))} под роспись (${stored.handedOverTo ?? '—'}); запись о возврате не изменяется`,
          ),
        ]);
      }
      const data = await prepareCarrier(input, stored);
      await strapi.documents(PAPER_CARRIER_UID as never).update({ documentId: stored.documentId, data: data as never });
      return service.findCarrier(id);
    },

    /**
     * Hands a stored аттестат back (R50, seed 002 §3.4.4): the day, who took it (the pupil, a parent
     * or a legal representative) and against which document, and who handed it over, recorded on its
     * carrier, which becomes «передано» — one write, so the audit trail holds it as one entry. Only a
     * held аттестат goes back, once, not before it was taken into safekeeping and never on a day to come.
     */
    async returnCertificate(id: number, input: CertificateReturnInput): Promise<CarrierView> {
      const actor = currentActor(strapi);
      await strapi.db.transaction(async ({ trx }) => {
        // Two hand-backs at once: the second waits here and then finds the аттестат returned.
        await serialise(trx, CERTIFICATE_RETURN_LOCK_KEY);
        const stored = await loadCarrier(id);
        if (stored.recordType !== STORED_CERTIFICATE) {
          throw fieldError([
            issue(['carrier'], `«${stored.title}» — не аттестат, принятый на хранение: возврат под роспись не оформляется`),
          ]);
        }
        if (stored.state === 'handed-over') {
          const when = stored.handedOverOn ? ` ${dotted(asDate(stored.handedOverOn))}` : '';
          const whom = stored.handedOverTo ? `: получил(а) ${stored.handedOverTo}` : '';
          throw fieldError([issue(['state'], `Аттестат уже возвращён${when}${whom}; повторный возврат не оформляется`)]);
        }
        if (stored.state === 'destroyed') {
          throw fieldError([
            issue(['state'], `Единица хранения уничтожена по акту № ${stored.destructionActNumber ?? '—'}: вернуть её нельзя`),
          ]);
        }
        if (stored.state === 'missing') {
          throw fieldError([
            issue(['state'], 'Аттестат отмечен как отсутствующий: вернуть его можно, когда он найден и снова отмечен «на хранении»'),
          ]);
        }
        const issues: FieldIssue[] = [];
        const receivedBy = input.receivedBy.trim();
        if (!receivedBy) issues.push(issue(['receivedBy'], 'Укажите фамилию, имя и отчество получившего аттестат'));
        const day = today();
        const acceptance = (await strapi.db.query(CERTIFICATE_ACCEPTANCE_UID).findOne({
          where: { paperCarrier: { id } },
          select: ['acceptedOn'],
        })) as { acceptedOn: string | null } | null;
        const registeredOn =
          asDate(acceptance?.acceptedOn) ?? (DateTime.fromJSDate(new Date(stored.createdAt)).setZone(timeZone()).toISODate() as string);
        if (input.returnedOn > day) issues.push(issue(['returnedOn'], 'Дата возврата аттестата не может быть в будущем'));
        else if (input.returnedOn < registeredOn) {
          issues.push(issue(['returnedOn'], `Аттестат принят на хранение ${dotted(registeredOn)}: вернуть его раньше нельзя`));
        }
        if (issues.length > 0) throw fieldError(issues);
        const note = input.note?.trim();
        await strapi.documents(PAPER_CARRIER_UID as never).update({
          documentId: stored.documentId,
          data: {
            state: 'handed-over',
            handedOverOn: input.returnedOn,
            handedOverTo: receivedBy,
            handedOverToKind: input.receiverKind,
            handedOverDocument: input.receiverDocument?.trim() || null,
            handedOverBy: actor.name,
            ...(note ? { note: [stored.note?.trim(), `При возврате: ${note}`].filter(Boolean).join('\n') } : {}),
          } as never,
        });
      });
      return service.findCarrier(id);
    },

    /** «Расписка в получении аттестата» of a returned аттестат; `notReturned` says why not while it is still held. */
    async certificateReceipt(id: number): Promise<{ fileName: string; pdf: Buffer } | { notReturned: string }> {
      const carrier = await loadCarrier(id);
      if (carrier.recordType !== STORED_CERTIFICATE) {
        throw fieldError([issue(['carrier'], `«${carrier.title}» — не аттестат, принятый на хранение: расписки о возврате нет`)]);
      }
      if (carrier.state !== 'handed-over' || !carrier.handedOverOn || !carrier.handedOverTo || !carrier.handedOverToKind) {
        return { notReturned: 'Возврат аттестата ещё не оформлен: расписка печатается после записи о возврате' };
      }
      const returnedOn = asDate(carrier.handedOverOn) as string;
      const acceptance = (await strapi.db.query(CERTIFICATE_ACCEPTANCE_UID).findOne({
        where: { paperCarrier: { id } },
        select: ['kind', 'series', 'number', 'acceptedOn'],
      })) as { kind: 'original' | 'copy'; series: string | null; number: string | null; acceptedOn: string | null } | null;
      const pupilId = carrier.student?.id;
      // As the class lists stood on the day of the return: a leaving order of that day counts.
      const after = DateTime.fromISO(returnedOn).plus({ days: 1 }).toISODate() as string;
      const standing = pupilId ? (await standingsOf([pupilId], after)).get(pupilId) : undefined;
      const pupilName = carrier.student?.fullName ?? carrier.title;
      const pdf = await renderCertificateReceipt({
        schoolName: schoolName(),
        pupilName,
        className: standing?.state === 'left' || standing?.state === 'studying' ? standing.className : (carrier.schoolClass?.name ?? null),
        kind: acceptance ? { original: 'подлинник', copy: 'копия' }[acceptance.kind] : null,
        series: acceptance?.series ?? null,
        number: acceptance?.number ?? null,
        acceptedOn: asDate(acceptance?.acceptedOn),
        carrierTitle: carrier.title,
        leavingOrder: standing?.state === 'left' ? standing.leavingOrder : null,
        leftOn: standing?.state === 'left' ? standing.leftOn : null,
        returnedOn,
        receivedBy: carrier.handedOverTo,
        receiverKind: carrier.handedOverToKind,
        receiverDocument: carrier.handedOverDocument,
        handedOverBy: carrier.handedOverBy,
      });
      return { fileName: `Расписка в получении аттестата — ${pupilName}.pdf`, pdf };
    },

    /**
     * Registers the printed class journal of every class of the academic year: one carrier per
     * class (rule «paper-journal»), closed on the year's last day. Idempotent: a class already
     * registered is left as it is.
     */
    async registerJournals(academicYearDocumentId: string): Promise<{ created: number; existing: number; results: CarrierView[] }> {
      const year = (await strapi.db.query(ACADEMIC_YEAR_UID).findOne({
        where: { documentId: academicYearDocumentId },
        select: ['id', 'documentId', 'title', 'endDate'],
      })) as { id: number; title: string; endDate: string } | null;
      if (!year) throw new errors.NotFoundError('Учебный год не найден');
      const rules = await rulesByType();
      const rule = rules.get('paper-journal');
      if (!rule)
        throw fieldError([issue(['recordType'], 'Нет правила срока хранения «Классные журналы на бумажном носителе» (paper-journal)')]);
      const classes = (await strapi.db.query(SCHOOL_CLASS_UID).findMany({
        where: { academicYear: { id: year.id } },
        select: ['id', 'documentId', 'name', 'grade', 'letter'],
        orderBy: [{ grade: 'asc' }, { letter: 'asc' }],
      })) as Array<{ id: number; documentId: string; name: string | null; grade: number; letter: string }>;
      if (classes.length === 0) throw fieldError([issue(['academicYear'], `В учебном году ${year.title} нет классов`)]);
      const closedOn = asDate(year.endDate) as string;
      const day = today();
      let created = 0;
      let existing = 0;
      const ids: number[] = [];
      await strapi.db.transaction(async ({ trx }) => {
        // SQLite serialises writers; on PostgreSQL two registrations at once wait for each other here.
        await serialise(trx, REGISTER_LOCK_KEY);
        for (const schoolClass of classes) {
          const sourceKey = `class-journal:${schoolClass.documentId}`;
          const found = (await carriers().findOne({ where: { sourceKey }, select: ['id'] })) as { id: number } | null;
          if (found) {
            existing += 1;
            ids.push(found.id);
            continue;
          }
          const name = schoolClass.name ?? `${schoolClass.grade}${schoolClass.letter}`;
          const row = (await strapi.documents(PAPER_CARRIER_UID as never).create({
            data: {
              recordType: 'paper-journal',
              title: `Классный журнал ${name} класса, ${year.title} учебный год`,
              schoolYear: year.title,
              schoolClass: schoolClass.documentId,
              caseIndex: rule.caseIndex ?? null,
              storagePlace: rule.storagePlace ?? null,
              closedOn: closedOn <= day ? closedOn : null,
              state: 'in-storage',
              sourceKey,
              ...expiryOf(rule, closedOn <= day ? closedOn : null),
            } as never,
          })) as { id: number };
          created += 1;
          ids.push(row.id);
        }
      });
      const rows = (await carriers().findMany({
        where: { id: { $in: ids } },
        populate: CARRIER_POPULATE,
        orderBy: [{ id: 'asc' }],
      })) as CarrierRow[];
      return { created, existing, results: rows.map((row) => view(row, rules, day)) };
    },

    /** The list of files of a school year as a PDF, with the units the school holds of each case. */
    async nomenclaturePdf(schoolYear: string): Promise<Buffer> {
      const rules = [...(await rulesByType()).values()];
      const held = (await carriers().findMany({
        where: { schoolYear, state: { $in: ['in-storage', 'handed-over'] } },
        select: ['recordType', 'state'],
      })) as Array<{ recordType: string; state: CarrierState }>;
      const units: Record<string, number> = {};
      for (const row of held) if (row.state === 'in-storage') units[row.recordType] = (units[row.recordType] ?? 0) + 1;
      return renderNomenclaturePdf({ schoolName: schoolName(), schoolYear, rows: nomenclatureRows(rules, units), printedOn: today() });
    },

    /** When the next inventory check is due (the plugin's interval after the last signed check). */
    async schedule(): Promise<CheckSchedule> {
      const last = (await checks().findOne({
        where: { state: 'signed' },
        orderBy: [{ date: 'desc' }, { id: 'desc' }],
        select: ['date'],
      })) as {
        date: string;
      } | null;
      return checkSchedule(asDate(last?.date), intervalMonths(), today());
    },

    async listChecks({ page = 1, pageSize = 25 }: { page?: number; pageSize?: number } = {}) {
      const [results, total] = await Promise.all([
        checks().findMany({ orderBy: [{ date: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        checks().count({}),
      ]);
      return { results: results as InventoryCheck[], pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },

    findCheck: loadCheck,

    /** Starts a check: one row per carrier in scope (held or missing), no findings yet. */
    async createCheck(input: CheckInput): Promise<InventoryCheck> {
      const actor = currentActor(strapi);
      const date = input.date ?? today();
      const scope = input.scope ?? 'all';
      const issues: FieldIssue[] = [];
      if (date > today()) issues.push(issue(['date'], 'Дата проверки не может быть в будущем'));
      const commission = (input.commission ?? []).map((member) => member.trim()).filter(Boolean);
      if (commission.length === 0) issues.push(issue(['commission'], 'Укажите членов комиссии'));
      if (scope === 'storage-place' && !input.storagePlace?.trim()) issues.push(issue(['storagePlace'], 'Укажите место хранения'));
      if (issues.length > 0) throw fieldError(issues);
      const where: Record<string, unknown> = { state: { $in: ['in-storage', 'missing'] } };
      if (scope === 'storage-place') where.storagePlace = input.storagePlace?.trim();
      const inScope = (await carriers().findMany({
        where,
        select: ['id', 'documentId', 'title', 'caseIndex', 'storagePlace', 'state', 'schoolYear'],
        orderBy: [{ storagePlace: 'asc' }, { caseIndex: 'asc' }, { schoolYear: 'asc' }, { title: 'asc' }],
      })) as Array<Pick<CarrierRow, 'id' | 'documentId' | 'title' | 'caseIndex' | 'storagePlace' | 'state' | 'schoolYear'>>;
      if (inScope.length === 0) {
        throw fieldError([
          issue(
            [scope === 'storage-place' ? 'storagePlace' : 'scope'],
            scope === 'storage-place'
              ? `В месте хранения «${input.storagePlace}» нет единиц хранения`
              : 'В бумажном архиве нет единиц хранения',
          ),
        ]);
      }
      const rows: CheckRow[] = inScope.map((carrier) => ({
        carrierId: carrier.id,
        documentId: carrier.documentId,
        title: `${carrier.title}`,
        caseIndex: carrier.caseIndex ?? null,
        storagePlace: carrier.storagePlace ?? null,
        stateBefore: carrier.state,
        finding: null,
        note: null,
      }));
      return strapi.db.transaction(async ({ trx }) => {
        // Two checks started at once never share a number (PostgreSQL: an advisory lock; SQLite: its write lock).
        await serialise(trx, CHECK_NUMBER_LOCK_KEY);
        return (await checks().create({
          data: {
            number: await nextCheckNumber(date),
            date,
            commission,
            scope,
            scopePlace: scope === 'storage-place' ? input.storagePlace?.trim() : null,
            rows,
            state: 'draft',
            notes: input.notes ?? null,
            createdByName: actor.name,
          },
        })) as InventoryCheck;
      });
    },

    /** Fills findings (and the date, commission, notes) of a draft; a signed check is read-only. */
    async updateCheck(id: number, input: CheckInput): Promise<InventoryCheck> {
      return strapi.db.transaction(async ({ trx }) => {
        // One write of checks at a time: a check is never changed while it is being signed.
        await serialise(trx, CHECK_NUMBER_LOCK_KEY);
        const check = await loadCheck(id);
        requireDraft(check);
        const issues: FieldIssue[] = [];
        const data: Record<string, unknown> = {};
        if (input.scope !== undefined || input.storagePlace !== undefined)
          issues.push(issue(['scope'], 'Состав проверки задаётся при её начале; начните новую проверку'));
        if (input.date !== undefined) {
          if (input.date > today()) issues.push(issue(['date'], 'Дата проверки не может быть в будущем'));
          data.date = input.date;
        }
        if (input.commission !== undefined) {
          const commission = input.commission.map((member) => member.trim()).filter(Boolean);
          if (commission.length === 0) issues.push(issue(['commission'], 'Укажите членов комиссии'));
          data.commission = commission;
        }
        if (input.notes !== undefined) data.notes = input.notes;
        if (input.findings) {
          const rows = check.rows.map((row) => ({ ...row }));
          const byDocument = new Map(rows.map((row, index) => [row.documentId, index]));
          input.findings.forEach((finding, index) => {
            const at = byDocument.get(finding.documentId);
            if (at === undefined) issues.push(issue(['findings', index, 'documentId'], 'Единица хранения не входит в эту проверку'));
            else {
              rows[at].finding = finding.finding;
              if (finding.note !== undefined) rows[at].note = finding.note?.trim() || null;
            }
          });
          data.rows = rows;
        }
        if (issues.length > 0) throw fieldError(issues);
        return (await checks().update({ where: { id }, data })) as InventoryCheck;
      });
    },

    /** Signs a filled check: read-only from now on; carriers found missing are marked missing. */
    async signCheck(id: number): Promise<InventoryCheck> {
      const actor = currentActor(strapi);
      return strapi.db.transaction(async ({ trx }) => {
        // One write of checks at a time: a check is never changed while it is being signed.
        await serialise(trx, CHECK_NUMBER_LOCK_KEY);
        const check = await loadCheck(id);
        requireDraft(check);
        const unfilled = unfilledRows(check.rows);
        if (unfilled.length > 0) {
          throw new errors.ValidationError(
            `Акт проверки № ${check.number} нельзя подписать: не указан результат проверки для ${unfilled.length} ед. хр. (${unfilled
              .slice(0, 5)
              .map((index) => `«${check.rows[index].title}»`)
              .join(', ')}${unfilled.length > 5 ? ' …' : ''})`,
            {
              errors: unfilled.map((index) => ({
                path: ['rows', String(index), 'finding'],
                message: 'Укажите результат',
                name: 'ValidationError',
              })),
            },
          );
        }
        for (const change of stateChanges(check.rows)) {
          const row = (await carriers().findOne({ where: { id: change.carrierId }, select: ['documentId', 'state'] })) as {
            documentId: string;
            state: CarrierState;
          } | null;
          // A carrier destroyed by act or handed over since the check began keeps its state.
          if (!row || row.state === 'destroyed' || row.state === 'handed-over') continue;
          await strapi.documents(PAPER_CARRIER_UID as never).update({ documentId: row.documentId, data: { state: change.state } as never });
        }
        return (await checks().update({
          where: { id },
          data: { state: 'signed', signedBy: actor.name, signedById: actor.id, signedAt: new Date() },
        })) as InventoryCheck;
      });
    },

    /** The check act as a PDF (a draft is marked as such). */
    async checkPdf(id: number): Promise<{ check: InventoryCheck; pdf: Buffer }> {
      const check = await loadCheck(id);
      return { check, pdf: await renderCheckPdf(check, schoolName(), timeZone()) };
    },
  };

  return service;
};

export type PaperArchiveService = ReturnType<typeof createPaperArchiveService>;

export default createPaperArchiveService;

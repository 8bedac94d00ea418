import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { DESTRUCTION_ACT_UID, LEGAL_HOLD_UID, RETENTION_RULE_UID } from '../constants';
import { renderActPdf, type PrintableAct } from '../disposition/act-pdf';
import { currentActor } from '../disposition/actor';
import { RECORD_KINDS, TYPE_LABELS, russianDate, type Candidate, type DisposableType } from '../disposition/record-kinds';
import type { DefaultRetentionRule } from '../rules/default-retention-rules';
import { retentionExpiry, type RetentionPeriod } from '../rules/retention';

/**
 * Disposition by act (seed 002 §3.1.9: «уничтожение по акту»): records whose retention ran out are
 * listed by rule; the archivist drafts an act, the director approves (or rejects) it, and only an
 * approved act is executed, destroying exactly the records it lists. A legal hold keeps a record
 * out of the list and blocks any act that contains it. Acts are kept for ever.
 */

/** Rules this part adds to the school's defaults when missing (the defaults file stays as it is). */
export const DISPOSITION_DEFAULT_RULES: DefaultRetentionRule[] = [
  {
    recordType: 'backup',
    title: 'Резервные копии базы данных и загруженных файлов',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'record-created',
    actionAtExpiry: 'destroy-by-act',
    legalBasis:
      'Положение, п. 3.1.8 (002), п. 3.12.2 (004): ежедневное резервное копирование для восстановления данных после сбоя. ' +
      'Плановые копии хранятся по правилу ротации (7 ежедневных, 4 еженедельных, 12 ежемесячных), ручные — 1 год, затем уничтожаются по акту',
  },
];

export type ActStatus = 'draft' | 'approved' | 'rejected' | 'executed';

export interface ActItem {
  recordType: DisposableType;
  recordId: number;
  documentId: string;
  title: string;
  rule: string;
  ruleTitle: string;
  legalBasis: string;
  closedOn: string | null;
  expiresOn: string;
}

export interface ExecutionEntry {
  recordType: DisposableType;
  documentId: string;
  note: string;
  filesError?: string;
}

export interface DestructionAct {
  id: number;
  documentId: string;
  number: string;
  date: string;
  state: ActStatus;
  items: ActItem[];
  legalBasis: string | null;
  notes: string | null;
  draftedBy: string | null;
  draftedById: number | null;
  approvedBy: string | null;
  approvedById: number | null;
  approvedAt: string | null;
  rejectedBy: string | null;
  rejectedById: number | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  executedBy: string | null;
  executedById: number | null;
  executedAt: string | null;
  executionLog: ExecutionEntry[] | null;
  createdAt: string;
  updatedAt: string;
}

export interface LegalHold {
  id: number;
  documentId: string;
  recordType: DisposableType;
  recordDocumentId: string;
  recordTitle: string | null;
  reason: string;
  placedBy: string | null;
  placedById: number | null;
  placedAt: string;
  liftedAt: string | null;
  liftedBy: string | null;
  liftedById: number | null;
  liftReason: string | null;
}

interface RuleRow extends RetentionPeriod {
  documentId: string;
  recordType: string;
  title: string;
  countsFrom: string;
  actionAtExpiry: 'destroy-by-act' | 'hand-over' | 'expert-review';
  expertReviewRequired: boolean | null;
  legalBasis: string;
}

/** One candidate as the due list judges it today. */
export interface DueItem extends ActItem {
  held: { id: number; reason: string; placedAt: string } | null;
  inAct: { id: number; number: string; state: ActStatus } | null;
}

export interface DueGroup {
  rule: {
    documentId: string;
    recordType: string;
    title: string;
    periodKind: string;
    periodYears: number | null;
    periodMonths: number | null;
    actionAtExpiry: string;
    expertReviewRequired: boolean;
    legalBasis: string;
  };
  items: DueItem[];
}

export interface ActInput {
  date?: string;
  legalBasis?: string | null;
  notes?: string | null;
  items?: Array<{ recordType: DisposableType; documentId: string }>;
}

interface FieldIssue {
  path: Array<string | number>;
  message: string;
  name: 'ValidationError';
}

const fieldError = (issues: FieldIssue[]): errors.ValidationError =>
  new errors.ValidationError(issues.map((issue) => issue.message).join('; '), {
    errors: issues.map((issue) => ({ ...issue, path: issue.path.map(String) })),
  });

const keyOf = (recordType: string, documentId: string): string => `${recordType}:${documentId}`;

const STATUS_LABELS: Record<ActStatus, string> = {
  draft: 'черновик (не утверждён)',
  approved: 'утверждён',
  rejected: 'отклонён',
  executed: 'исполнен',
};

const createDispositionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const acts = () => strapi.db.query(DESTRUCTION_ACT_UID);
  const holds = () => strapi.db.query(LEGAL_HOLD_UID);

  const timeZone = (): string => (strapi.config.get('school.timeZone') as string | undefined) ?? 'Europe/Moscow';
  const today = (): string => DateTime.now().setZone(timeZone()).toISODate() as string;

  const rulesByType = async (): Promise<Map<string, RuleRow>> => {
    const rules = (await strapi.db.query(RETENTION_RULE_UID).findMany({})) as RuleRow[];
    return new Map(rules.map((rule) => [rule.recordType, rule]));
  };

  const activeHolds = async (): Promise<Map<string, LegalHold>> => {
    const rows = (await holds().findMany({ where: { liftedAt: null } })) as LegalHold[];
    return new Map(rows.map((hold) => [keyOf(hold.recordType, hold.recordDocumentId), hold]));
  };

  /** Records already in acts: destroyed (executed acts) and waiting (draft or approved acts). */
  const recordsInActs = async (): Promise<{
    executed: Set<string>;
    open: Map<string, { id: number; number: string; state: ActStatus }>;
  }> => {
    const rows = (await acts().findMany({
      where: { state: { $in: ['draft', 'approved', 'executed'] } },
      select: ['id', 'number', 'state', 'items'],
    })) as Array<Pick<DestructionAct, 'id' | 'number' | 'state' | 'items'>>;
    const executed = new Set<string>();
    const open = new Map<string, { id: number; number: string; state: ActStatus }>();
    for (const act of rows) {
      for (const item of act.items ?? []) {
        const key = keyOf(item.recordType, item.documentId);
        if (act.state === 'executed') executed.add(key);
        else open.set(key, { id: act.id, number: act.number, state: act.state });
      }
    }
    return { executed, open };
  };

  /** When a candidate's retention runs out under its rule; null when it never does (or no rule). */
  const expiryOf = (candidate: Candidate, rule: RuleRow | undefined): string | null => {
    if (!rule || rule.actionAtExpiry === 'hand-over') return null;
    // Counted under the rule as it stands today, so a lengthened period holds back older records too.
    if (candidate.periodStartsOn) {
      const expiry = retentionExpiry({ ...rule, fromNextJanuary: false }, candidate.periodStartsOn);
      return expiry.kind === 'date' ? expiry.expiresOn : null;
    }
    if (candidate.storedExpiresOn !== undefined) return candidate.storedExpiresOn ?? null;
    if (!candidate.closedOn) return null;
    const expiry = retentionExpiry(rule, candidate.closedOn);
    return expiry.kind === 'date' ? expiry.expiresOn : null;
  };

  const toItem = (candidate: Candidate, rule: RuleRow, expiresOn: string): ActItem => ({
    recordType: candidate.recordType,
    recordId: candidate.recordId,
    documentId: candidate.documentId,
    title: candidate.title,
    rule: rule.recordType,
    ruleTitle: rule.title,
    legalBasis: rule.legalBasis,
    closedOn: candidate.closedOn,
    expiresOn,
  });

  /** Every record whose period has run out (held ones and those in open acts included, marked). */
  const expiredItems = async (): Promise<DueItem[]> => {
    // One after another: inside a transaction they share one connection.
    const rules = await rulesByType();
    const held = await activeHolds();
    const inActs = await recordsInActs();
    const now = today();
    const items: DueItem[] = [];
    for (const kind of Object.values(RECORD_KINDS)) {
      if (!kind.available(strapi)) continue;
      for (const candidate of await kind.candidates(strapi)) {
        const key = keyOf(candidate.recordType, candidate.documentId);
        if (inActs.executed.has(key)) continue;
        const rule = rules.get(candidate.rule);
        const expiresOn = expiryOf(candidate, rule);
        if (!rule || !expiresOn || expiresOn > now) continue;
        const hold = held.get(key);
        items.push({
          ...toItem(candidate, rule, expiresOn),
          held: hold ? { id: hold.id, reason: hold.reason, placedAt: hold.placedAt } : null,
          inAct: inActs.open.get(key) ?? null,
        });
      }
    }
    return items.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.title.localeCompare(b.title, 'ru'));
  };

  /** The items of an act as they are judged now, with a problem per item that blocks it. */
  const resolveItems = async (requested: Array<{ recordType: DisposableType; documentId: string }>, actId?: number): Promise<ActItem[]> => {
    const issues: FieldIssue[] = [];
    const expired = new Map((await expiredItems()).map((item) => [keyOf(item.recordType, item.documentId), item]));
    const seen = new Set<string>();
    const items: ActItem[] = [];
    for (const [index, request] of requested.entries()) {
      const key = keyOf(request.recordType, request.documentId);
      const path = ['items', index, 'documentId'];
      const item = expired.get(key);
      if (seen.has(key)) issues.push({ path, message: 'Запись указана в акте дважды', name: 'ValidationError' });
      else if (!item) {
        const exists =
          RECORD_KINDS[request.recordType].available(strapi) && (await RECORD_KINDS[request.recordType].find(strapi, request.documentId));
        issues.push({
          path,
          message: exists
            ? `«${exists.title}»: срок хранения не истёк или правило не предусматривает уничтожения`
            : `${TYPE_LABELS[request.recordType]} ${request.documentId} не найдена или уже уничтожена`,
          name: 'ValidationError',
        });
      } else if (item.held) {
        issues.push({ path, message: `«${item.title}»: наложен запрет на уничтожение (${item.held.reason})`, name: 'ValidationError' });
      } else if (item.inAct && item.inAct.id !== actId) {
        issues.push({ path, message: `«${item.title}» уже включена в акт № ${item.inAct.number}`, name: 'ValidationError' });
      } else {
        const { held: _held, inAct: _inAct, ...actItem } = item;
        items.push(actItem);
      }
      seen.add(key);
    }
    if (issues.length > 0) throw fieldError(issues);
    return items;
  };

  const defaultLegalBasis = (items: ActItem[]): string => [...new Set(items.map((item) => item.legalBasis))].join('; ');

  const loadAct = async (id: number): Promise<DestructionAct> => {
    const act = (await acts().findOne({ where: { id } })) as DestructionAct | null;
    if (!act) throw new errors.NotFoundError('Акт не найден');
    return act;
  };

  const requireStatus = (act: DestructionAct, allowed: ActStatus[], doing: string): void => {
    if (!allowed.includes(act.state)) {
      throw new errors.ValidationError(`Акт № ${act.number} ${STATUS_LABELS[act.state]}: ${doing} невозможно`, {
        errors: [{ path: ['state'], message: `Состояние акта: ${STATUS_LABELS[act.state]}`, name: 'ValidationError' }],
      });
    }
  };

  /** The next number of the year: «3/2026». */
  const nextNumber = async (date: string): Promise<string> => {
    const year = date.slice(0, 4);
    const numbers = (await acts().findMany({ where: { number: { $endsWith: `/${year}` } }, select: ['number'] })) as Array<{
      number: string;
    }>;
    const last = Math.max(0, ...numbers.map((act) => Number.parseInt(act.number, 10)).filter(Number.isFinite));
    return `${last + 1}/${year}`;
  };

  const service = {
    /** Adds the rules this part needs (e.g. «backup») when the school has none for that record type. */
    async seedRules(): Promise<number> {
      const present = new Set(
        ((await strapi.db.query(RETENTION_RULE_UID).findMany({ select: ['recordType'] })) as Array<{ recordType: string }>).map(
          (rule) => rule.recordType,
        ),
      );
      const missing = DISPOSITION_DEFAULT_RULES.filter((rule) => !present.has(rule.recordType));
      for (const rule of missing) {
        await strapi.documents(RETENTION_RULE_UID).create({ data: { ...rule, fromNextJanuary: false } as never });
      }
      return missing.length;
    },

    /** Records due for destruction by act, grouped by rule (held records and destroyed ones left out). */
    async due(): Promise<DueGroup[]> {
      const rules = await rulesByType();
      const groups = new Map<string, DueGroup>();
      for (const item of await expiredItems()) {
        if (item.held) continue;
        const rule = rules.get(item.rule) as RuleRow;
        const group = groups.get(rule.recordType) ?? {
          rule: {
            documentId: rule.documentId,
            recordType: rule.recordType,
            title: rule.title,
            periodKind: rule.periodKind,
            periodYears: rule.periodYears ?? null,
            periodMonths: rule.periodMonths ?? null,
            actionAtExpiry: rule.actionAtExpiry,
            expertReviewRequired: Boolean(rule.expertReviewRequired),
            legalBasis: rule.legalBasis,
          },
          items: [],
        };
        group.items.push(item);
        groups.set(rule.recordType, group);
      }
      return [...groups.values()];
    },

    async findActs({ state, page = 1, pageSize = 25 }: { state?: ActStatus; page?: number; pageSize?: number } = {}) {
      const where = state ? { state } : {};
      const [results, total] = await Promise.all([
        acts().findMany({ where, orderBy: [{ date: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        acts().count({ where }),
      ]);
      return { results: results as DestructionAct[], pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },

    findAct: loadAct,

    /** Drafts an act for records that are due now; refuses records not due, held or in another act. */
    async createAct(input: ActInput): Promise<DestructionAct> {
      const actor = currentActor(strapi);
      return strapi.db.transaction(async () => {
        const items = await resolveItems(input.items ?? []);
        if (items.length === 0) throw fieldError([{ path: ['items'], message: 'Выберите записи для акта', name: 'ValidationError' }]);
        const date = input.date ?? today();
        return (await acts().create({
          data: {
            number: await nextNumber(date),
            date,
            state: 'draft',
            items,
            legalBasis: input.legalBasis?.trim() || defaultLegalBasis(items),
            notes: input.notes ?? null,
            draftedBy: actor.name,
            draftedById: actor.id,
          },
        })) as DestructionAct;
      });
    },

    /** Changes a draft (its date, basis, notes or list); an approved or executed act is final. */
    async updateAct(id: number, input: ActInput): Promise<DestructionAct> {
      return strapi.db.transaction(async () => {
        const act = await loadAct(id);
        requireStatus(act, ['draft'], 'изменение');
        const data: Record<string, unknown> = {};
        if (input.items) {
          const items = await resolveItems(input.items, act.id);
          if (items.length === 0) throw fieldError([{ path: ['items'], message: 'Выберите записи для акта', name: 'ValidationError' }]);
          data.items = items;
        }
        if (input.date !== undefined) data.date = input.date;
        if (input.legalBasis !== undefined)
          data.legalBasis = input.legalBasis?.trim() || defaultLegalBasis((data.items as ActItem[]) ?? act.items);
        if (input.notes !== undefined) data.notes = input.notes;
        return (await acts().update({ where: { id }, data })) as DestructionAct;
      });
    },

    /** The director approves a draft. */
    async approveAct(id: number): Promise<DestructionAct> {
      const actor = currentActor(strapi);
      return strapi.db.transaction(async () => {
        const act = await loadAct(id);
        requireStatus(act, ['draft'], 'утверждение');
        return (await acts().update({
          where: { id },
          data: { state: 'approved', approvedBy: actor.name, approvedById: actor.id, approvedAt: new Date() },
        })) as DestructionAct;
      });
    },

    /** The director rejects a draft or withdraws an approval before execution; the act is kept. */
    async rejectAct(id: number, reason: string): Promise<DestructionAct> {
      const actor = currentActor(strapi);
      return strapi.db.transaction(async () => {
        const act = await loadAct(id);
        requireStatus(act, ['draft', 'approved'], 'отклонение');
        return (await acts().update({
          where: { id },
          data: { state: 'rejected', rejectedBy: actor.name, rejectedById: actor.id, rejectedAt: new Date(), rejectionReason: reason },
        })) as DestructionAct;
      });
    },

    /**
     * Destroys exactly the records an approved act lists, in one transaction, then removes their
     * files. Refused for any other state, when a listed record is under a legal hold, or when its
     * period no longer runs out (the rule was lengthened since the act was drafted).
     */
    async executeAct(id: number): Promise<DestructionAct> {
      const actor = currentActor(strapi);
      const afterCommit: Array<{ index: number; run: () => Promise<void> }> = [];
      const executed = await strapi.db.transaction(async ({ trx }) => {
        // PostgreSQL: a second execution of the same act waits here, then finds it executed.
        if (strapi.db.dialect.client !== 'sqlite') {
          await strapi.db.queryBuilder(DESTRUCTION_ACT_UID).where({ id }).select(['id']).first().transacting(trx).forUpdate().execute();
        }
        const act = await loadAct(id);
        requireStatus(act, ['approved'], 'уничтожение');
        const held = await activeHolds();
        const heldIssues = act.items.flatMap((item, index) => {
          const hold = held.get(keyOf(item.recordType, item.documentId));
          return hold ? [{ path: ['items', index], message: `«${item.title}»: ${hold.reason}`, name: 'ValidationError' as const }] : [];
        });
        if (heldIssues.length > 0) {
          throw new errors.ValidationError(
            `Акт № ${act.number} нельзя исполнить: на записи наложен запрет на уничтожение (${heldIssues.map((issue) => issue.message).join('; ')}). Снимите запрет или исключите записи из акта`,
            { errors: heldIssues },
          );
        }
        const rules = await rulesByType();
        const now = today();
        const notDue: FieldIssue[] = [];
        for (const [index, item] of act.items.entries()) {
          const candidate = await RECORD_KINDS[item.recordType].find(strapi, item.documentId);
          if (!candidate) continue;
          const expiresOn = expiryOf(candidate, rules.get(candidate.rule));
          if (!expiresOn || expiresOn > now) {
            notDue.push({
              path: ['items', index],
              message: `«${item.title}»: срок хранения по действующему правилу ещё не истёк`,
              name: 'ValidationError',
            });
          }
        }
        if (notDue.length > 0) throw fieldError(notDue);
        const log: ExecutionEntry[] = [];
        for (const [index, item] of act.items.entries()) {
          const outcome = await RECORD_KINDS[item.recordType].destroy(strapi, item, act.number);
          log.push({ recordType: item.recordType, documentId: item.documentId, note: outcome.note });
          if (outcome.afterCommit) afterCommit.push({ index, run: outcome.afterCommit });
        }
        return (await acts().update({
          where: { id },
          data: { state: 'executed', executedBy: actor.name, executedById: actor.id, executedAt: new Date(), executionLog: log },
        })) as DestructionAct;
      });
      const log = [...(executed.executionLog ?? [])];
      let failed = false;
      for (const step of afterCommit) {
        try {
          await step.run();
        } catch (error) {
          // The records are gone already; a file that could not be removed is written into the act.
          failed = true;
          log[step.index] = { ...log[step.index], filesError: error instanceof Error ? error.message : String(error) };
          strapi.log.error(
            `[records-archive] act ${executed.number}: files of ${log[step.index].documentId} not removed: ${String(error)}`,
          );
        }
      }
      return failed ? ((await acts().update({ where: { id }, data: { executionLog: log } })) as DestructionAct) : executed;
    },

    /** The act as a PDF (A4), at any stage. */
    async actPdf(id: number): Promise<{ act: DestructionAct; pdf: Buffer }> {
      const act = await loadAct(id);
      const schoolName = (strapi.config.get('school.name') as string | undefined) ?? 'Школа';
      return { act, pdf: await renderActPdf(act as PrintableAct, schoolName) };
    },

    async listHolds({ active }: { active?: boolean } = {}): Promise<LegalHold[]> {
      const where = active === undefined ? {} : active ? { liftedAt: null } : { liftedAt: { $notNull: true } };
      return (await holds().findMany({ where, orderBy: [{ placedAt: 'desc' }, { id: 'desc' }] })) as LegalHold[];
    },

    /** Places a legal hold on a record; one active hold per record. */
    async placeHold(input: { recordType: DisposableType; documentId: string; reason: string }): Promise<LegalHold> {
      const actor = currentActor(strapi);
      const kind = RECORD_KINDS[input.recordType];
      const record = kind.available(strapi) ? await kind.find(strapi, input.documentId) : null;
      if (!record) {
        throw fieldError([{ path: ['documentId'], message: `${TYPE_LABELS[input.recordType]} не найдена`, name: 'ValidationError' }]);
      }
      const existing = (await holds().findOne({
        where: { recordType: input.recordType, recordDocumentId: input.documentId, liftedAt: null },
      })) as LegalHold | null;
      if (existing) {
        throw fieldError([
          {
            path: ['documentId'],
            message: `На запись уже наложен запрет (с ${russianDate(new Date(existing.placedAt).toISOString())})`,
            name: 'ValidationError',
          },
        ]);
      }
      return (await holds().create({
        data: {
          recordType: input.recordType,
          recordDocumentId: input.documentId,
          recordTitle: record.title,
          reason: input.reason,
          placedBy: actor.name,
          placedById: actor.id,
          placedAt: new Date(),
        },
      })) as LegalHold;
    },

    /** Lifts a hold (the hold stays on record with who lifted it and why). */
    async liftHold(id: number, reason?: string | null): Promise<LegalHold> {
      const actor = currentActor(strapi);
      const hold = (await holds().findOne({ where: { id } })) as LegalHold | null;
      if (!hold) throw new errors.NotFoundError('Запрет не найден');
      if (hold.liftedAt) throw new errors.ValidationError('Запрет уже снят');
      return (await holds().update({
        where: { id },
        data: { liftedAt: new Date(), liftedBy: actor.name, liftedById: actor.id, liftReason: reason ?? null },
      })) as LegalHold;
    },
  };

  return service;
};

export type DispositionService = ReturnType<typeof createDispositionService>;

export default createDispositionService;

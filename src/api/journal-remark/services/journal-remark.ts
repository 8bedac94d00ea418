import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { getSchoolSettings } from '../../../school/settings';

const JOURNAL_REMARK = 'api::journal-remark.journal-remark';

interface StoredRemark {
  id: number;
  documentId: string;
  state: string;
  acknowledgedAt: string | Date | null;
  journal: { id: number; teachers: Array<{ id: number }> } | null;
}

const createJournalRemarkService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The teacher's acknowledgment of the remarks (seed 002 §3.1.9): only a teacher of the journal,
   * only once. The write goes through the document service, so the record rules apply to it too.
   */
  async acknowledge(documentId: string, teacherId: number, params: Record<string, unknown> = {}) {
    return strapi.db.transaction(async () => {
      const remark = (await strapi.db.query(JOURNAL_REMARK).findOne({
        where: { documentId },
        select: ['id', 'documentId', 'state', 'acknowledgedAt'],
        populate: { journal: { select: ['id'], populate: { teachers: { select: ['id'] } } } },
      })) as StoredRemark | null;
      if (!remark) throw new errors.NotFoundError('Запись о проверке журнала не найдена');
      // A PolicyError is a 403 whose message reaches the caller (a plain ForbiddenError becomes a bare «Forbidden»).
      if (!remark.journal?.teachers.some((teacher) => teacher.id === teacherId)) {
        throw new errors.PolicyError('Ознакомиться с замечаниями может только учитель, ведущий этот журнал');
      }
      if (remark.state !== 'open') {
        const when = remark.acknowledgedAt
          ? ` ${DateTime.fromJSDate(new Date(remark.acknowledgedAt)).setZone(getSchoolSettings(strapi).timeZone).toFormat('dd.MM.yyyy HH:mm')}`
          : '';
        const message =
          remark.state === 'fixed'
            ? 'Замечания уже отмечены как устранённые'
            : `С замечаниями уже ознакомились${when}: повторная отметка не нужна`;
        throw new errors.ValidationError(message, { errors: [{ path: ['state'], message, name: 'ValidationError' }] });
      }
      return strapi.documents(JOURNAL_REMARK).update({
        ...params,
        documentId,
        data: { state: 'acknowledged', acknowledgedAt: new Date().toISOString(), acknowledgedBy: teacherId },
      } as never);
    });
  },
});

export type JournalRemarkService = ReturnType<typeof createJournalRemarkService>;

export const getJournalRemarkService = (strapi: Core.Strapi): JournalRemarkService =>
  strapi.service(JOURNAL_REMARK) as unknown as JournalRemarkService;

export default factories.createCoreService(JOURNAL_REMARK, createJournalRemarkService);

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { analyticsFiltersOf, reportHandlers, runAnalyticsReport } from '../../../../../api/analytics/reports';
import type { AnalyticsService, AnalyticsViewer } from '../../../../../api/analytics/services/analytics';
import { schoolCompletion } from '../../../../../api/work-programme/completion';
import { programmeMasteryReport } from '../../../../../api/work-programme/mastery';
import { todayInZone } from '../../../../../school/calendar';
import { getSchoolSettings } from '../../../../../school/settings';
import { analyticsWorkbook, type SummaryGroup } from '../analytics/xlsx';

/**
 * The admin panel's «Аналитика»: the same service as the REST reports, for an admin holding
 * `plugin::records-archive.analytics.read` (checked by the routes): the whole school.
 */
const WHOLE_SCHOOL: AnalyticsViewer = { wholeSchool: true };

const analyticsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const analytics = (): AnalyticsService => strapi.service('api::analytics.analytics') as unknown as AnalyticsService;
  return {
    ...reportHandlers((name) => async (ctx: Context) => {
      ctx.body = { data: await runAnalyticsReport(analytics(), name, WHOLE_SCHOOL, ctx.query as Record<string, unknown>) };
    }),

    /**
     * The work programmes' completion (R12) on the last day of the chosen study period that has
     * passed, or today: planned to date against delivered, lagging first.
     */
    async programmes(ctx: Context) {
      const today = todayInZone(getSchoolSettings(strapi).timeZone);
      const periodId = typeof ctx.query.period === 'string' && ctx.query.period ? ctx.query.period : null;
      const period = periodId
        ? ((await strapi.db.query('api::study-period.study-period').findOne({
            where: { documentId: periodId },
            select: ['endDate'],
          })) as { endDate: string } | null)
        : null;
      if (periodId && !period) return ctx.notFound('Учебный период не найден');
      const date = period && String(period.endDate) < today ? String(period.endDate) : today;
      ctx.body = { data: await schoolCompletion(strapi, date) };
    },

    /** One КИМ's results across the classes that wrote it, and the total (R98). */
    async assessmentMaterial(ctx: Context) {
      ctx.body = { data: await analytics().assessmentMaterial(WHOLE_SCHOOL, String(ctx.params.id)) };
    },

    /** One programme's mastery of its planned results, topic by topic (R91). */
    async programmeMastery(ctx: Context) {
      ctx.body = { data: await programmeMasteryReport(strapi, { kind: 'admin', id: null }, String(ctx.params.id)) };
    },

    /** The page's tables as one workbook: classes, subjects, teachers, levels and profiles ranked; at risk, leaders, attendance. */
    async exportXlsx(ctx: Context) {
      const filters = analyticsFiltersOf(ctx.query as Record<string, unknown>);
      const service = analytics();
      const [classes, subjects, teachers, levels, profiles] = await service.summaries(WHOLE_SCHOOL, filters, [
        'class',
        'subject',
        'teacher',
        'level',
        'profile',
      ]);
      const atRisk = await service.atRisk(WHOLE_SCHOOL, filters);
      const leaders = await service.leaders(WHOLE_SCHOOL, filters);
      const attendance = await service.attendance(WHOLE_SCHOOL, filters);
      const buffer = await analyticsWorkbook({
        school: getSchoolSettings(strapi).name,
        periodTitle: `${classes.period?.title ?? ''} ${classes.period?.year ?? ''}`.trim(),
        previousTitle: classes.previousPeriod ? `${classes.previousPeriod.title} ${classes.previousPeriod.year}` : null,
        classes: classes.groups as SummaryGroup[],
        subjects: subjects.groups as SummaryGroup[],
        teachers: teachers.groups as SummaryGroup[],
        levels: levels.groups as SummaryGroup[],
        profiles: profiles.groups as SummaryGroup[],
        atRisk: atRisk.pupils,
        leaders,
        attendance: attendance.classes,
      });
      const title = `${classes.period?.title ?? 'период'} ${classes.period?.year ?? ''}`.trim().replace(/[^\p{L}\p{N}]+/gu, '-');
      ctx.attachment(`analitika-${title}.xlsx`);
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      ctx.body = buffer;
    },
  };
};

export default analyticsController;

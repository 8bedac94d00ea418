import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DiaryService } from '../../diary/services/diary';
import { analyticsFiltersOf, reportHandlers, runAnalyticsReport } from '../reports';
import type { AnalyticsService, AnalyticsViewer } from '../services/analytics';

interface AnalyticsContext {
  state: { user?: { id?: number; role?: { type?: string } } };
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** Staff roles that see the whole school's analytics; teachers see their journals, class teachers also their class. */
const WHOLE_SCHOOL = new Set(['deputy-director', 'director']);
const TEACHERS = new Set(['teacher', 'class-teacher']);
const FAMILY = new Set(['parent', 'pupil']);

const userOf = (ctx: AnalyticsContext) => {
  const user = ctx.state.user;
  if (!user?.id) throw new errors.UnauthorizedError('Войдите, чтобы открыть аналитику');
  return { id: user.id, roleType: user.role?.type ?? '' };
};

/** Thin controller: who asks (and what they reach), which filters; the service computes. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const analytics = (): AnalyticsService => strapi.service('api::analytics.analytics') as unknown as AnalyticsService;
  const diary = (): DiaryService => strapi.service('api::diary.diary') as unknown as DiaryService;

  const staffViewer = async (ctx: AnalyticsContext): Promise<AnalyticsViewer> => {
    const user = userOf(ctx);
    if (WHOLE_SCHOOL.has(user.roleType)) return { wholeSchool: true };
    if (TEACHERS.has(user.roleType))
      return { wholeSchool: false, ...(await analytics().reachOf(user.id, user.roleType === 'class-teacher')) };
    throw new errors.PolicyError('Аналитика класса и школы недоступна для вашей роли');
  };

  return {
    ...reportHandlers((name) => async (ctx: AnalyticsContext) => {
      const viewer = await staffViewer(ctx);
      ctx.body = { data: await runAnalyticsReport(analytics(), name, viewer, ctx.query) };
    }),

    /** GET /analytics/assessment-materials/:id: one КИМ's results class by class and in total, within the caller's reach. */
    async assessmentMaterial(ctx: AnalyticsContext) {
      const viewer = await staffViewer(ctx);
      ctx.body = { data: await analytics().assessmentMaterial(viewer, String(ctx.params.id)) };
    },

    /** A pupil's averages and trend: their own (pupil), their child's (parent), or a pupil the staff member reaches. */
    async pupilTrend(ctx: AnalyticsContext) {
      const user = userOf(ctx);
      const filters = analyticsFiltersOf(ctx.query);
      if (FAMILY.has(user.roleType)) {
        const pupil = await diary().requirePupil(user, ctx.params.student);
        ctx.body = { data: await analytics().pupilTrend({ wholeSchool: true }, pupil.id, filters) };
        return;
      }
      const viewer = await staffViewer(ctx);
      const pupil = (await strapi.db
        .query('api::student.student')
        .findOne({ where: { documentId: ctx.params.student }, select: ['id'] })) as { id: number } | null;
      if (!pupil || !(await analytics().reachesPupil(viewer, pupil.id, filters))) throw new errors.NotFoundError('Обучающийся не найден');
      ctx.body = { data: await analytics().pupilTrend(viewer, pupil.id, filters) };
    },
  };
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { AnalyticsService } from '../../analytics/services/analytics';
import { getSchoolSettings } from '../../../school/settings';
import { diaryReaderOf, ownPupilOf } from '../caller';

/** A subject taken by fewer pupils of the class than this is listed without figures (they would point at a pupil). */
export const CLASS_RESULTS_MIN_PUPILS = 3;

interface Measures {
  pupils: number;
  averageMark: number | null;
  successRate: number | null;
  qualityRate: number | null;
}

const figures = (measures: Measures) =>
  measures.pupils < CLASS_RESULTS_MIN_PUPILS
    ? { pupils: null, averageMark: null, successRate: null, qualityRate: null, withheld: true }
    : {
        pupils: measures.pupils,
        averageMark: measures.averageMark,
        successRate: measures.successRate,
        qualityRate: measures.qualityRate,
        withheld: false,
      };

/** Thin controller: the parent, their child and the child's class; the analytics service computes. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const reader = diaryReaderOf(ctx);
    if (!getSchoolSettings(strapi).parentsSeeClassResults) throw new errors.PolicyError('Школа не открыла родителям показатели класса');
    const pupil = await ownPupilOf(strapi, ctx, reader);
    const diary = strapi.service('api::diary.diary') as unknown as {
      currentClass: (id: number) => Promise<Record<string, unknown> | null>;
    };
    const schoolClass = await diary.currentClass(Number(pupil.id));
    if (!schoolClass) throw new errors.NotFoundError('Обучающийся не числится ни в одном классе');
    const analytics = strapi.service('api::analytics.analytics') as unknown as AnalyticsService;
    const summary = await analytics.summary(
      { wholeSchool: true },
      { period: ctx.query.period, class: String(schoolClass.documentId), groupBy: 'subject' },
    );
    ctx.body = {
      data: {
        schoolClass: { name: schoolClass.name, grade: schoolClass.grade },
        period: summary.period,
        total: figures(summary.total.current),
        subjects: summary.groups.map((group) => ({ subject: group.label, ...figures(group.current) })),
      },
      meta: { student: { documentId: pupil.documentId, fullName: pupil.fullName }, minPupils: CLASS_RESULTS_MIN_PUPILS },
    };
  },
});

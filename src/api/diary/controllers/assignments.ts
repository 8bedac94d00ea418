import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import {
  pupilAssignmentMaterial,
  pupilAssignments,
  pupilSubmissionFile,
  selfAssessmentOfWorks,
  submitWork,
} from '../../assignment/distance';
import { diaryReaderOf, ownPupilOf } from '../caller';

/** Thin controller: the family's own child (another child: 404), its assignments, handing in work and reading its files. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const works = await pupilAssignments(strapi, pupil);
    ctx.body = { data: works, meta: { selfAssessment: selfAssessmentOfWorks(works) } };
  },
  async submit(ctx: Context) {
    const reader = diaryReaderOf(ctx);
    const pupil = await ownPupilOf(strapi, ctx, reader);
    ctx.status = 201;
    ctx.body = await submitWork(strapi, ctx, pupil, reader.roleType);
  },
  async file(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const { content, name, mime } = await pupilSubmissionFile(strapi, ctx, pupil);
    sendDownload(ctx, content, { fileName: name, asciiName: 'work', type: mime });
  },
  async material(ctx: Context) {
    const pupil = await ownPupilOf(strapi, ctx);
    const { content, name, mime } = await pupilAssignmentMaterial(strapi, ctx, pupil);
    sendDownload(ctx, content, { fileName: name, asciiName: 'material', type: mime });
  },
});

import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { actorFromState, type RequestState } from '../../../access/request-actor';
import { readScopeOf } from '../../../access/record-scope';
import { decisionInputsOf, RESULTS_MEETING, runMeetingStep, storedComponentsOf } from '../../../school/records/results-meeting-rules';
import { parseLocalDate } from '../../../school/calendar';
import { meetingDecisions, DECISION_FILTERS, type DecisionFilter } from '../decisions';
import { meetingProtocolPdf } from '../protocol-pdf';
import { sendDownload } from '../../../school/download';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** The meeting the REST caller may read, or 404 (as if it did not exist). */
const readableMeeting = async (strapi: Core.Strapi, ctx: Context): Promise<{ id: number; documentId: string; userId: number }> => {
  const actor = actorFromState(ctx.state as RequestState);
  if (actor.kind !== 'user' || actor.id === null) throw new errors.ForbiddenError('Протокол подписывают под своей учётной записью');
  const scope = await readScopeOf(strapi, { kind: 'user', id: actor.id, roleType: actor.roleType }, RESULTS_MEETING);
  const documentId = String(ctx.params.id);
  const where = scope.kind === 'rows' ? { $and: [{ documentId }, scope.filter] } : { documentId };
  const meeting =
    scope.kind === 'deny'
      ? null
      : ((await strapi.db.query(RESULTS_MEETING).findOne({ where, select: ['id', 'documentId'] })) as {
          id: number;
          documentId: string;
        } | null);
  if (!meeting) throw new errors.NotFoundError('Заседание не найдено');
  return { ...meeting, userId: actor.id };
};

/** Core REST of the meetings on results, the list of their decisions, signing and marking a decision done. */
export default factories.createCoreController(RESULTS_MEETING, ({ strapi }) => ({
  /** GET /api/results-meetings/decisions?due=open|overdue|all — of the meetings the caller may read. */
  async decisions(ctx: Context) {
    const due = (ctx.query as Record<string, unknown>).due ?? 'open';
    if (typeof due !== 'string' || !(DECISION_FILTERS as readonly string[]).includes(due)) {
      throw invalid('due', 'Параметр due: open (неисполненные), overdue (просроченные) или all (все)');
    }
    const actor = actorFromState(ctx.state as RequestState);
    const scope = await readScopeOf(
      strapi,
      { kind: actor.kind === 'system' ? 'none' : actor.kind, id: actor.id, roleType: actor.roleType, tokenType: actor.tokenType },
      RESULTS_MEETING,
    );
    if (scope.kind === 'deny') throw new errors.PolicyError('Эти сведения вам недоступны');
    ctx.body = { data: await meetingDecisions(strapi, due as DecisionFilter, scope.kind === 'rows' ? scope.filter : {}) };
  },

  /** GET /api/results-meetings/:id/protocol.pdf: the printed protocol, for those who may read the meeting. */
  async protocolPdf(ctx: Context) {
    const meeting = await readableMeeting(strapi, ctx);
    const { pdf, fileName } = await meetingProtocolPdf(strapi, meeting.id);
    sendDownload(ctx, pdf, { fileName, asciiName: 'protocol.pdf' });
  },

  /** POST /api/results-meetings/:id/sign: the protocol is signed and from then on read-only. */
  async sign(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    const meeting = await readableMeeting(strapi, ctx);
    await runMeetingStep({ kind: 'sign', accountId: meeting.userId }, () =>
      strapi.documents(RESULTS_MEETING).update({ documentId: meeting.documentId, data: {} } as never),
    );
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    const result = await strapi.documents(RESULTS_MEETING).findOne({ documentId: meeting.documentId, ...query } as never);
    return this.transformResponse(await this.sanitizeOutput(result as never, ctx));
  },

  /** POST /api/results-meetings/:id/decisions/:n/done { data: { doneOn } }: decision n (from 1) is done on that day. */
  async decisionDone(this: Core.CoreAPI.Controller.Base, ctx: Context) {
    const meeting = await readableMeeting(strapi, ctx);
    const body = (ctx.request as { body?: unknown }).body;
    const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw invalid('data', 'Тело запроса: { "data": { "doneOn": "ГГГГ-ММ-ДД" } }');
    const { doneOn, ...rest } = data as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length > 0) throw invalid(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустим только doneOn`);
    const day = parseLocalDate(doneOn);
    if (!day) throw invalid('doneOn', 'Укажите дату исполнения в формате ГГГГ-ММ-ДД');
    const { decisions } = await storedComponentsOf(strapi, meeting.id);
    const number = Number(ctx.params.n);
    if (!Number.isInteger(number) || number < 1 || number > decisions.length) {
      throw new errors.NotFoundError(`В протоколе нет решения № ${String(ctx.params.n)}`);
    }
    const inputs = decisionInputsOf(decisions);
    if (inputs[number - 1].doneOn)
      throw invalid('doneOn', `Решение № ${number} уже отмечено исполненным ${String(inputs[number - 1].doneOn)}`);
    inputs[number - 1] = { ...inputs[number - 1], doneOn: day };
    await runMeetingStep({ kind: 'done' }, () =>
      strapi.documents(RESULTS_MEETING).update({ documentId: meeting.documentId, data: { decisions: inputs } } as never),
    );
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    const result = await strapi.documents(RESULTS_MEETING).findOne({ documentId: meeting.documentId, ...query } as never);
    return this.transformResponse(await this.sanitizeOutput(result as never, ctx));
  },
}));

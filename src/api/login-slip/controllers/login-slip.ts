import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { loginSlipsDisposition } from '../credentials';
import { LOGIN_SLIP_AUDIENCES, type IssueLoginSlipsOptions, type LoginSlipAudience, type LoginSlipService } from '../services/login-slip';

interface IssuerContext {
  state: { auth?: { strategy?: { name?: string } }; user?: { id?: number; role?: { type?: string } } };
  params: Record<string, string>;
  request: { body?: unknown };
  body: unknown;
  type: string;
  set: (field: string, value: string) => void;
}

const NOT_AN_ISSUER =
  'Данные для входа в электронный дневник выдаёт классный руководитель своего класса или заместитель директора под своей учётной записью';
const NOT_YOUR_CLASS =
  'Вы не классный руководитель этого класса: данные для входа его обучающихся и родителей выдаёт их классный руководитель или заместитель директора';

const invalid = (path: string, message: string) => new errors.ValidationError(message, { errors: [{ path: ['data', path], message }] });

/** `{ data: { reset?: boolean, include?: 'pupils' | 'parents' | 'both' } }`; an empty body means the defaults. */
const parseOptions = (body: unknown): Omit<IssueLoginSlipsOptions, 'classDocumentId'> => {
  const data = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw invalid('data', 'Тело запроса: { data: { reset, include } }');
  const { reset, include, ...rest } = data as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw invalid(unknown[0], `Неизвестные параметры: ${unknown.join(', ')}; допустимы reset и include`);
  if (reset !== undefined && typeof reset !== 'boolean') throw invalid('reset', 'reset: true или false');
  if (include !== undefined && !LOGIN_SLIP_AUDIENCES.includes(include as LoginSlipAudience)) {
    throw invalid('include', 'include: pupils (обучающиеся), parents (родители) или both (все)');
  }
  return { reset: reset as boolean | undefined, include: include as LoginSlipAudience | undefined };
};

/**
 * POST /api/school-classes/:documentId/login-slips — the class teacher of that class or the deputy
 * director (the role permission already narrows the callers to these two roles; an API token, even a
 * full-access one, never issues passwords). Answers with the PDF itself.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async issue(ctx: IssuerContext) {
    const { auth, user } = ctx.state;
    if (auth?.strategy?.name !== 'users-permissions' || typeof user?.id !== 'number') throw new errors.PolicyError(NOT_AN_ISSUER);
    const classDocumentId = String(ctx.params.documentId);
    const roleType = user.role?.type;
    if (roleType === 'class-teacher') {
      const leads = await strapi.db
        .query('api::school-class.school-class')
        .count({ where: { documentId: classDocumentId, classTeacher: { id: user.id } } });
      if (leads === 0) throw new errors.PolicyError(NOT_YOUR_CLASS);
    } else if (roleType !== 'deputy-director') {
      throw new errors.PolicyError(NOT_AN_ISSUER);
    }
    const options = parseOptions(ctx.request.body);
    const service = strapi.service('api::login-slip.login-slip') as unknown as LoginSlipService;
    const { issue, pdf } = await service.issuePdf({ classDocumentId, ...options });
    ctx.set('Content-Disposition', loginSlipsDisposition(issue.schoolClass.name));
    // One-time passwords: no cache on the way may keep a copy.
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/pdf';
    ctx.body = pdf;
  },
});

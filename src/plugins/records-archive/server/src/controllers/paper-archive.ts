import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../../../school/download';
import { STORED_CERTIFICATE } from '../paper/stored-certificates';
import { assertAdminAppointed } from '../policies/appointed';
import { getService } from '../utils';
import {
  validateCarrierParams,
  validateCertificateReturn,
  validateCreateCarrier,
  validateCreateCheck,
  validateEmpty,
  validateIdParams,
  validateListCarriers,
  validateListChecks,
  validateNomenclature,
  validateRegisterJournals,
  validateUpdateCarrier,
  validateUpdateCheck,
} from './validation/paper-archive';

/** Admin API of the paper archive («Бумажный архив»): carriers, the list of files, inventory checks. */
const paperArchiveController = ({ strapi }: { strapi: Core.Strapi }) => {
  const paper = () => getService(strapi, 'paper-archive');
  /** The basic certificates taken into safekeeping are kept by the person appointed by order (seed 002 §3.4.5). */
  const assertKeeperOf = async (ctx: Context, ...recordTypes: Array<string | undefined>) => {
    if (recordTypes.includes(STORED_CERTIFICATE)) await assertAdminAppointed(strapi, ctx, 'stored-certificates');
  };
  const pdf = (ctx: Context, filename: string, body: Buffer) => {
    ctx.attachment(filename);
    ctx.type = 'application/pdf';
    ctx.body = body;
  };
  return {
    async storedCertificates(ctx: Context) {
      ctx.body = { data: await paper().storedCertificates() };
    },

    /** Hands a held аттестат back against the receiver's signature (R50); kept to its keeper. */
    async returnCertificate(ctx: Context) {
      const { carrier } = await validateCarrierParams({ carrier: ctx.params.carrier });
      const input = await validateCertificateReturn(ctx.request.body);
      await assertKeeperOf(ctx, STORED_CERTIFICATE);
      ctx.body = { data: await paper().returnCertificate(carrier, input) };
    },

    /** «Расписка в получении аттестата» for signature; 409 until the return is recorded. */
    async certificateReceipt(ctx: Context) {
      const { carrier } = await validateCarrierParams({ carrier: ctx.params.carrier });
      const receipt = await paper().certificateReceipt(carrier);
      if ('notReturned' in receipt)
        return ctx.conflict(receipt.notReturned, { errors: [{ path: ['state'], message: receipt.notReturned }] });
      sendDownload(ctx, receipt.pdf, { fileName: receipt.fileName, asciiName: `raspiska-attestat-${carrier}.pdf` });
    },

    async choices(ctx: Context) {
      ctx.body = { data: await paper().choices() };
    },

    async findCarriers(ctx: Context) {
      const query = await validateListCarriers(ctx.query);
      const { results, pagination } = await paper().listCarriers(query);
      ctx.body = { data: results, meta: { pagination } };
    },

    async findCarrier(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      ctx.body = { data: await paper().findCarrier(id) };
    },

    async createCarrier(ctx: Context) {
      const input = await validateCreateCarrier(ctx.request.body);
      await assertKeeperOf(ctx, input.recordType);
      ctx.created({ data: await paper().createCarrier(input) });
    },

    async updateCarrier(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      const input = await validateUpdateCarrier(ctx.request.body);
      await assertKeeperOf(ctx, input.recordType, (await paper().findCarrier(id)).recordType);
      ctx.body = { data: await paper().updateCarrier(id, input) };
    },

    async registerJournals(ctx: Context) {
      const { academicYear } = await validateRegisterJournals(ctx.request.body);
      const { created, existing, results } = await paper().registerJournals(academicYear);
      ctx.body = { data: results, meta: { created, existing } };
    },

    async nomenclaturePdf(ctx: Context) {
      const { year } = await validateNomenclature(ctx.query);
      pdf(ctx, `nomenklatura-${year.replace('/', '-')}.pdf`, await paper().nomenclaturePdf(year));
    },

    async schedule(ctx: Context) {
      ctx.body = { data: await paper().schedule() };
    },

    async findChecks(ctx: Context) {
      const query = await validateListChecks(ctx.query);
      const { results, pagination } = await paper().listChecks(query);
      ctx.body = { data: results, meta: { pagination } };
    },

    async findCheck(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      ctx.body = { data: await paper().findCheck(id) };
    },

    async createCheck(ctx: Context) {
      const input = await validateCreateCheck(ctx.request.body);
      ctx.created({ data: await paper().createCheck(input) });
    },

    async updateCheck(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      const input = await validateUpdateCheck(ctx.request.body);
      ctx.body = { data: await paper().updateCheck(id, input) };
    },

    async signCheck(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      await validateEmpty(ctx.request.body ?? {});
      ctx.body = { data: await paper().signCheck(id) };
    },

    async checkPdf(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      const { check, pdf: body } = await paper().checkPdf(id);
      pdf(ctx, `akt-proverki-${check.number.replace(/\W+/g, '-')}.pdf`, body);
    },
  };
};

export default paperArchiveController;

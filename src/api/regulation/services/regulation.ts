import { factories, type Core } from '@strapi/strapi';
import { ADOPTED_STATUSES } from '../../../school/records/regulation-rules';

const REGULATION = 'api::regulation.regulation';

type Params = Record<string, unknown> & { filters?: unknown; sort?: unknown };
type Edition = Record<string, unknown> & { id: number; documentId: string };

/** Who is asking: those who edit the regulation also see its drafts; everyone else only adopted editions. */
export interface RegulationAudience {
  withDrafts: boolean;
}

/** Newest edition first, unless the caller chose an order. */
const DEFAULT_SORT = 'editionNumber:desc';

const visibleFilters = (filters: unknown, { withDrafts }: RegulationAudience): unknown =>
  withDrafts ? filters : { $and: [filters ?? {}, { state: { $in: ADOPTED_STATUSES } }] };

const createRegulationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(REGULATION);
  return {
    /** The editions the audience may see, paginated like the core `find`. */
    async findEditions(params: Params, audience: RegulationAudience): Promise<{ results: Edition[]; pagination: unknown }> {
      const core = strapi.service(REGULATION) as unknown as {
        find: (params: Params) => Promise<{ results: Edition[]; pagination: unknown }>;
      };
      return core.find({ ...params, filters: visibleFilters(params.filters, audience), sort: params.sort ?? DEFAULT_SORT });
    },

    /** One edition by document id, or null when it does not exist or is a draft the audience may not see. */
    async findEdition(documentId: string, params: Params, audience: RegulationAudience): Promise<Edition | null> {
      return (await documents().findFirst({ ...params, filters: visibleFilters({ documentId }, audience) } as never)) as Edition | null;
    },

    /** The edition in force, or null before the first one is adopted. */
    async findCurrent(params: Params): Promise<Edition | null> {
      return (await documents().findFirst({ ...params, filters: { state: 'current' }, sort: DEFAULT_SORT } as never)) as Edition | null;
    },
  };
};

export type RegulationService = ReturnType<typeof createRegulationService>;

export const getRegulationService = (strapi: Core.Strapi): RegulationService => strapi.service(REGULATION) as unknown as RegulationService;

export default factories.createCoreService(REGULATION, createRegulationService);

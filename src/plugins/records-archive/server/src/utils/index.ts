import type { Core } from '@strapi/strapi';
import type services from '../services';
import { PLUGIN_ID } from '../constants';

type Services = typeof services;
type ServiceName = keyof Services;

/** The plugin's services, typed: `getService(strapi, 'retention').seedDefaultRules()`. */
export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
  strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[Name]>;

import { createSecretKey, type KeyObject } from 'crypto';
import type { Core } from '@strapi/strapi';

const SECRET_PATH = 'plugin::users-permissions.jwtSecret';

/**
 * Hands the users-permissions JWT secret to jsonwebtoken as a ready key. Given a string, jsonwebtoken
 * first tries to read it as a public key (which throws) and then derives a secret key, on every
 * request: about 5 % of the server's CPU under concurrent mark entry (docs/benchmarks.md). Signing
 * and verifying accept the key object unchanged.
 */
export const useJwtSecretKey = (strapi: Core.Strapi): void => {
  const secret = strapi.config.get(SECRET_PATH) as string | KeyObject | undefined;
  if (typeof secret === 'string' && secret !== '') strapi.config.set(SECRET_PATH, createSecretKey(Buffer.from(secret)));
};

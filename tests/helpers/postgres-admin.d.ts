import type { Client } from 'pg';

/** The maintenance connection of the test cluster (database `postgres`). */
export declare const postgresAdmin: () => Promise<Client>;

'use strict';
// The maintenance connection of the test cluster (database `postgres`; see scripts/with-postgres.sh),
// for creating and dropping the test files' databases. Plain JS: the template's child process
// (template-database.js) runs outside jest and its TypeScript transform.
const { Client } = require('pg');

const postgresAdmin = async () => {
  const client = new Client({
    host: process.env.DATABASE_HOST,
    port: Number(process.env.DATABASE_PORT),
    user: process.env.DATABASE_USERNAME,
    password: process.env.DATABASE_PASSWORD || undefined,
    database: 'postgres',
  });
  await client.connect();
  return client;
};

module.exports = { postgresAdmin };

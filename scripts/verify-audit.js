'use strict';
/**
 * Verifies the hash chain of the audit trail: `npm run audit:verify`.
 * Exits 0 when intact, 1 when an entry was edited, removed or inserted outside the application.
 */
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.CRON_ENABLED = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'error';
  const app = await createStrapi(await compileStrapi()).load();
  try {
    const { verifyAuditTrail } = require('../dist/src/audit/audit-trail');
    const result = await verifyAuditTrail(app);
    if (result.intact) {
      console.log(`Audit trail intact: ${result.entries} entries, head hash ${result.headHash}`);
    } else {
      const { sequence, documentId, problem } = result.brokenAt;
      console.error(
        `Audit trail BROKEN at entry #${sequence} (${documentId}): ${problem}. ${result.entries} entries before it are intact.`,
      );
    }
    return result.intact ? 0 : 1;
  } finally {
    await app.destroy();
  }
};

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);

import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';

const UID = 'api::notification.notification';
/** After this many failed attempts a letter stays failed (visible in the content manager) until resent by hand. */
export const MAX_ATTEMPTS = 5;
const BATCH = 50;

type Row = { id: number; recipient: string; subject: string; text: string | null; state: string; attempts: number | null };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** The letter's text as HTML: escaped, paragraphs and line breaks kept. */
const htmlOf = (text: string): string =>
  text
    .replace(/[&<>"']/g, (char) => ESCAPES[char])
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** Minutes to wait before attempt n+1: 1, 2, 4, 8 … */
const backoffMs = (attempts: number): number => 60_000 * 2 ** Math.max(0, attempts - 1);

/**
 * The e-mail sender: takes queued letters (and failed ones whose retry time has come), claims each by
 * its attempt count (so two instances never send the same attempt), sends it through Strapi's email
 * plugin and records sent or failed with the error. Runs after each queued notification and every
 * minute from cron; never called in the request that caused the letter.
 */
export default factories.createCoreService(UID, ({ strapi }: { strapi: Core.Strapi }) => {
  let running: Promise<{ sent: number; failed: number }> | null = null;
  let again = false;

  const sendDue = async (): Promise<{ sent: number; failed: number }> => {
    const counts = { sent: 0, failed: 0 };
    // Without an SMTP server the letters are recorded (queued) but not sent.
    if (!process.env.SMTP_HOST) return counts;
    const now = new Date();
    const due = (await strapi.db.query(UID).findMany({
      where: {
        $or: [{ state: 'queued' }, { state: 'failed', attempts: { $lt: MAX_ATTEMPTS }, nextAttemptAt: { $lte: now.toISOString() } }],
      },
      orderBy: { id: 'asc' },
      limit: BATCH,
    })) as Row[];
    for (const row of due) {
      const attempts = row.attempts ?? 0;
      const claimed = await strapi.db
        .query(UID)
        .updateMany({ where: { id: row.id, state: row.state, attempts }, data: { attempts: attempts + 1 } });
      if (claimed.count !== 1) continue;
      try {
        await strapi
          .plugin('email')
          .service('email')
          .send({ to: row.recipient, subject: row.subject, text: row.text ?? '', html: htmlOf(row.text ?? '') });
        await strapi.db.query(UID).update({
          where: { id: row.id },
          data: { state: 'sent', sentAt: new Date().toISOString(), lastError: null, nextAttemptAt: null },
        });
        counts.sent += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await strapi.db.query(UID).update({
          where: { id: row.id },
          data: {
            state: 'failed',
            lastError: message.slice(0, 2000),
            nextAttemptAt: attempts + 1 < MAX_ATTEMPTS ? new Date(Date.now() + backoffMs(attempts + 1)).toISOString() : null,
          },
        });
        counts.failed += 1;
        strapi.log.warn(`E-mail notification ${row.id} to ${row.recipient} failed (attempt ${attempts + 1}): ${message}`);
      }
    }
    return counts;
  };

  return {
    /** Sends what is due; a call during a run shares it and makes it look once more for new letters. */
    flush(): Promise<{ sent: number; failed: number }> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        const total = { sent: 0, failed: 0 };
        do {
          again = false;
          const counts = await sendDue();
          total.sent += counts.sent;
          total.failed += counts.failed;
        } while (again);
        return total;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    /** Puts failed letters back in the queue at once (e.g. after the SMTP server is repaired). */
    async retryFailed(): Promise<number> {
      const result = await strapi.db.query(UID).updateMany({ where: { state: 'failed' }, data: { state: 'queued', nextAttemptAt: null } });
      return result.count;
    },
  };
});

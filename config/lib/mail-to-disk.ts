import fs from 'fs';
import path from 'path';
import { randomUUID } from 'crypto';

/**
 * The development mail transport: with no SMTP server configured (no SMTP_HOST), every mail the
 * app sends is written to `<dir>/<time>-<id>.eml` (open it in any mail client) and announced in
 * the log, so `npm run develop` needs nothing else to show what customers would receive. A
 * nodemailer transport plugin: `@strapi/provider-email-nodemailer` hands it to
 * `nodemailer.createTransport`, so the message is built exactly as it would be for SMTP.
 * Kept in a sub-folder so Strapi's config loader does not read it as a config file.
 */

interface BuiltMail {
  data: { to?: unknown; subject?: unknown };
  message: { build(callback: (error: Error | null, message: Buffer) => void): void; getEnvelope(): { from: string | false; to: string[] } };
}

type Log = (message: string) => void;

/** Strapi's logger once Strapi is up (mails are sent long after the config is read), else the console. */
const strapiLog = (level: 'info' | 'warn'): Log => (message) => {
  const logger = (globalThis as { strapi?: { log?: Record<'info' | 'warn', (m: string) => void> } }).strapi?.log;
  if (logger) logger[level](message);
  else if (level === 'warn') console.warn(message);
  else console.log(message);
};

export const mailToDisk = (dir: string, { warn = false }: { warn?: boolean } = {}) => {
  const log = strapiLog(warn ? 'warn' : 'info');
  return {
    name: 'offboarding-mail-to-disk',
    version: '1.0.0',
    send(mail: BuiltMail, callback: (error: Error | null, info?: { envelope: unknown; messageId: string; file: string }) => void) {
      mail.message.build((error, message) => {
        if (error) return callback(error);
        try {
          fs.mkdirSync(dir, { recursive: true });
          const id = randomUUID();
          const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`);
          fs.writeFileSync(file, message);
          const envelope = mail.message.getEnvelope();
          // The body stays out of the log: it may hold a signed download link.
          log(`[mail] ${warn ? 'NOT DELIVERED (no SMTP_HOST) ' : ''}to ${envelope.to.join(', ')}: "${String(mail.data.subject ?? '')}" written to ${file}`);
          callback(null, { envelope, messageId: `<${id}@offboarding.local>`, file });
        } catch (failure) {
          callback(failure instanceof Error ? failure : new Error(String(failure)));
        }
      });
    },
  };
};

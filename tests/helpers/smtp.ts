/**
 * A real SMTP server for the notices tests (the `smtp-server` package): it receives what the
 * app's nodemailer provider sends and keeps each mail, decoded enough to read (envelope, subject,
 * text part). `failNext(n, code)` refuses the next n mails with that reply, as a provider outage.
 */
import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

const decodeWords = (value: string) =>
  value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' '))
  );

const decodeQp = (value: string) => {
  const soft = value.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
};

const split = (part: string) => {
  const at = part.search(/\r?\n\r?\n/);
  const head = (at < 0 ? part : part.slice(0, at)).replace(/\r?\n[ \t]+/g, ' ');
  const body = at < 0 ? '' : part.slice(at).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  return { header, body };
};

const decodeBody = (header: (name: string) => string, body: string) => {
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQp(body);
  return body;
};

/** The text/plain and text/html parts of a message (single part or multipart/alternative). */
const partsOf = (raw: string) => {
  const { header, body } = split(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(header('Content-Type'))?.[1];
  const found = { text: '', html: '' };
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const p = split(part.replace(/^\r?\n/, ''));
    const type = p.header('Content-Type').toLowerCase();
    const decoded = decodeBody(p.header, p.body).replace(/\r\n/g, '\n').replace(/\n$/, '');
    if (type.startsWith('text/plain')) found.text = decoded;
    if (type.startsWith('text/html')) found.html = decoded;
  }
  return { subject: decodeWords(header('Subject')), ...found };
};

export const startSmtp = async () => {
  const mails: ReceivedMail[] = [];
  let refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onMailFrom: (_address, _session, callback) => {
      const code = refusals.shift();
      if (code) return callback(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable (test)' : 'Try again later (test)'), { responseCode: code }));
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address).sort(),
          raw,
          ...partsOf(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    /** Refuses the next mails, one reply code each (4xx: try later, 5xx: refused). */
    failNext: (...codes: number[]) => {
      refusals = [...codes];
    },
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
};

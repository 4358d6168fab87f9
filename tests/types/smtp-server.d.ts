/** The part of smtp-server (no bundled types) the notices test uses. */
declare module 'smtp-server' {
  import type { Readable } from 'stream';
  import type { Server } from 'net';

  interface Address {
    address: string;
  }
  interface Session {
    envelope: { mailFrom: Address | false; rcptTo: Address[] };
  }
  type Done = (error?: Error | null) => void;
  interface Options {
    authOptional?: boolean;
    disabledCommands?: string[];
    logger?: boolean;
    onMailFrom?: (address: Address, session: Session, callback: Done) => void;
    onData?: (stream: Readable, session: Session, callback: Done) => void;
  }
  export class SMTPServer {
    constructor(options: Options);
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    close(callback: () => void): void;
  }
}

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Fault } from './faults';
import type { RequestLogEntry } from './requestLog';

/** One request and its answer; every status goes through `head` so the log sees it. */
export class Exchange {
  readonly url: URL;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly entry: RequestLogEntry,
    /** A fault that changes how the real answer is delivered (the others answer for it). */
    readonly fault?: Fault,
    /** Sends a JSON answer later instead of now (a `slow-answer` fault). */
    private readonly hold?: (send: () => void) => void,
  ) {
    this.url = new URL(req.url ?? '/', 'http://simulator');
  }

  head(status: number, headers: OutgoingHttpHeaders): void {
    this.entry.status = status;
    this.res.writeHead(status, headers);
  }

  json(status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
    if (this.fault?.kind === 'reset-after-create') {
      this.req.socket.resetAndDestroy();
      return;
    }
    let text = JSON.stringify(body);
    if (this.fault?.kind === 'malformed-json') text = text.slice(0, Math.ceil(text.length / 2));
    const send = () => this.text(status, 'application/json', text, headers);
    if (this.hold) this.hold(send);
    else send();
  }

  error(
    status: number,
    type: string,
    message: string,
    param?: string,
    headers: OutgoingHttpHeaders = {},
  ): void {
    this.json(
      status,
      { error: { type, message, ...(param === undefined ? {} : { param }) } },
      headers,
    );
  }

  text(status: number, contentType: string, text: string, headers: OutgoingHttpHeaders = {}): void {
    this.head(status, {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    this.res.end(this.req.method === 'HEAD' ? undefined : text);
  }
}

/** The key of `Authorization: Bearer <key>`, if the header has that shape. */
export function bearerKey(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes)
      throw new BodyTooLargeError(`The body is larger than ${limitBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const proxyErrorPage =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/**
 * Answers for the faults that replace the real answer. Returns false when the fault only
 * changes delivery, and the route must run.
 */
export function answerInsteadOfRoute(
  ex: Exchange,
  fault: Fault,
  hanging: Set<ServerResponse>,
  errorBody: (status: number) => string,
): boolean {
  switch (fault.kind) {
    case 'status': {
      const body = fault.body ?? errorBody(fault.status);
      const type = /^\s*[[{]/.test(body)
        ? 'application/json'
        : body.startsWith('<?xml')
          ? 'application/xml'
          : 'text/plain; charset=utf-8';
      ex.text(
        fault.status,
        type,
        body,
        fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter },
      );
      return true;
    }
    case 'hang':
      hanging.add(ex.res);
      ex.res.once('close', () => hanging.delete(ex.res));
      return true;
    case 'html':
      ex.text(502, 'text/html', proxyErrorPage);
      return true;
    default:
      return false;
  }
}

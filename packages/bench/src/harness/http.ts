import { Agent, request } from 'node:http';

/** One HTTP request of a benchmark, with the token it is sent with. */
export interface BenchCall {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: string;
  /**
   * What the call counts towards in a load's `byTag` figures (e.g. its
   * endpoint family and its endpoint): its latency and status go to each.
   */
  tags?: string[];
}

export interface CallOutcome {
  ms: number;
  status: number;
  bytes: number;
  /**
   * The start of the answer when it is not a 200 or 201; '' otherwise. With
   * `keepBody`, the whole answer whatever its status.
   */
  text: string;
}

/** GET calls of `paths`, all with `token`. */
export const getCalls = (paths: string[], token: string): BenchCall[] =>
  paths.map(path => ({ method: 'GET', path, token }));

/**
 * One HTTP call, timed from the first byte sent to the last byte read. Only
 * a failed answer's body is kept (for the message), so a successful one
 * costs the load generator no more than counting its bytes. With
 * `timeoutMs`, a call not answered by then is given up (status 0), as a
 * proxy in front of the backend would.
 */
export function callOnce(
  agent: Agent,
  baseUrl: string,
  call: BenchCall,
  keepBody = false,
  timeoutMs?: number,
): Promise<CallOutcome> {
  const url = new URL(baseUrl);
  return new Promise(resolve => {
    const started = performance.now();
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: call.path,
        method: call.method,
        headers: {
          authorization: `Bearer ${call.token}`,
          ...(call.body !== undefined
            ? {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(call.body),
              }
            : {}),
        },
      },
      res => {
        const status = res.statusCode ?? 0;
        const keep = keepBody || (status !== 200 && status !== 201);
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (keep) {
            chunks.push(chunk);
          }
        });
        res.on('end', () =>
          resolve({
            ms: performance.now() - started,
            status,
            bytes,
            text: keep
              ? Buffer.concat(chunks).toString(
                  'utf8',
                  0,
                  keepBody ? undefined : 300,
                )
              : '',
          }),
        );
      },
    );
    if (timeoutMs) {
      req.setTimeout(timeoutMs, () =>
        req.destroy(new Error(`no answer within ${timeoutMs} ms`)),
      );
    }
    req.on('error', error =>
      resolve({
        ms: performance.now() - started,
        status: 0,
        bytes: 0,
        text: String(error),
      }),
    );
    req.end(call.body);
  });
}

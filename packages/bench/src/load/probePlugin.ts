/*
 * Loaded into each replica (ReplicaSpec.modules): what the load benchmark
 * measures inside a replica while a phase runs. `POST /api/bench-probe/start`
 * notes the event loop's use and the process's CPU time (and starts a V8
 * CPU profile with `?profile=FILE`); `POST /api/bench-probe/stop` answers
 * the share of the phase the event loop was busy, the CPU milliseconds the
 * process used (all its threads: garbage collection and libuv included) and
 * writes the profile. Only on the replica's loopback port; no credentials.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { EventLoopUtilization, performance } from 'node:perf_hooks';

/** What `stop` answers. */
export interface ProbeReading {
  wallMs: number;
  eventLoopBusy: number;
  cpuMs: number;
  heapMb: number;
  profile?: string;
}

interface Running {
  started: number;
  elu: EventLoopUtilization;
  cpu: NodeJS.CpuUsage;
  profile?: { session: Session; file: string };
}

function post(session: Session, method: string, params: object = {}) {
  return new Promise<any>((resolve, reject) =>
    session.post(method, params, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );
}

export default createBackendPlugin({
  pluginId: 'bench-probe',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        let running: Running | undefined;
        httpRouter.use(async (req, res, next) => {
          if (req.method !== 'POST') {
            next();
            return;
          }
          try {
            if (req.path === '/start') {
              const file =
                typeof req.query.profile === 'string'
                  ? req.query.profile
                  : undefined;
              let profile: Running['profile'];
              if (file) {
                const session = new Session();
                session.connect();
                await post(session, 'Profiler.enable');
                await post(session, 'Profiler.setSamplingInterval', {
                  interval: 500,
                });
                await post(session, 'Profiler.start');
                profile = { session, file };
              }
              running = {
                started: performance.now(),
                elu: performance.eventLoopUtilization(),
                cpu: process.cpuUsage(),
                profile,
              };
              res.json({ ok: true });
            } else if (req.path === '/stop' && running) {
              const { started, elu, cpu, profile } = running;
              running = undefined;
              const used = process.cpuUsage(cpu);
              const reading: ProbeReading = {
                wallMs: performance.now() - started,
                eventLoopBusy:
                  performance.eventLoopUtilization(elu).utilization,
                cpuMs: (used.user + used.system) / 1000,
                heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
              };
              if (profile) {
                const stopped = await post(profile.session, 'Profiler.stop');
                writeFileSync(profile.file, JSON.stringify(stopped.profile));
                profile.session.disconnect();
                reading.profile = profile.file;
              }
              res.json(reading);
            } else {
              next();
            }
          } catch (error) {
            next(error);
          }
        });
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { isLoopbackHost } from '../../server/host-check.js';
import type { CliRuntime } from '../runtime.js';
import { note } from '../output.js';
import { reportWatchEvent } from './library-watch.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

function parseTranscodes(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > 64) throw new InvalidArgumentError('a whole number from 1 to 64');
  return count;
}

function parseSearchWorkers(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > 16) throw new InvalidArgumentError('a whole number from 0 to 16');
  return count;
}

/** One search thread per core, up to 4: on a small machine searches then share the cores with the server's own thread. */
function defaultSearchWorkers(): number {
  return Math.min(4, availableParallelism());
}

function parseHost(value: string): string {
  const host = value.trim();
  // An empty host makes Node listen on every address: exactly what the default is there to avoid.
  if (host === '') throw new InvalidArgumentError('give an address: 127.0.0.1 (this machine only) or 0.0.0.0 (every network)');
  return host;
}

const HOST_NAME = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i;

function collectAllowedHost(value: string, previous: string[]): string[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  for (const name of names) {
    if (!HOST_NAME.test(name) && isIP(name.replace(/^\[|\]$/g, '')) === 0) {
      throw new InvalidArgumentError(`"${name}" is not a host name (e.g. music.example.com, or .example.com for every name under it)`);
    }
  }
  return [...previous, ...names];
}

/** proxy-addr's names for address ranges, as Fastify's trustProxy takes them. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function collectProxy(value: string, previous: string[]): string[] {
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_RANGES.has(entry) && (family === 0 || !bitsOk || rest.length > 0)) {
      throw new InvalidArgumentError(`"${entry}" is not an address, a CIDR range, or loopback/linklocal/uniquelocal`);
    }
  }
  return [...previous, ...entries];
}

export function registerServeCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('serve')
    .description('serve the library over HTTP (REST API and audio streaming)')
    .option('--host <address>', 'address to listen on; anything but loopback exposes tunes to the network', parseHost, '127.0.0.1')
    .option('--port <number>', 'port to listen on (0 picks a free one)', parsePort, 5000)
    .option(
      '--allowed-host <name>',
      'a host name clients may use besides localhost (a reverse proxy\'s, say); repeat or separate with commas',
      collectAllowedHost,
      [] as string[],
    )
    .option(
      '--trust-proxy <addresses>',
      'reverse proxies (addresses, CIDR ranges or "loopback") whose X-Forwarded-For and -Host to believe',
      collectProxy,
      [] as string[],
    )
    .addOption(
      new Option('--registration <mode>', 'who may create an account over HTTP: open (anyone who reaches the server) or closed (admins add accounts)')
        .choices(['open', 'closed'])
        .default('closed'),
    )
    .option('--watch', 'keep the library up to date while serving, as tunes library watch does (the logged-in account must be an admin)')
    .option('--search-workers <number>', 'threads that answer searches and listings beside the one serving requests (0: searches run in that one)', parseSearchWorkers, defaultSearchWorkers())
    .option('--max-transcodes <number>', 'Subsonic streams ffmpeg may transcode at once (past it a client is told to try again)', parseTranscodes, 4)
    .action(async (options: { host: string; port: number; allowedHost: string[]; trustProxy: string[]; registration: 'open' | 'closed'; maxTranscodes: number; searchWorkers: number; watch?: boolean }) => {
      const services = await runtime.services();
      // Before listening: a watch not allowed stops the server from starting. It takes the scan lock for
      // each scan only, so `tunes library scan` and the background player's watch go on beside it.
      const watch = options.watch
        ? await services.library.watch(await services.session.currentUser(), { onEvent: (event) => reportWatchEvent(runtime, event), shareLock: true })
        : undefined;
      await services.startSearchWorkers(options.searchWorkers);
      // Lazy: plain commands never load Fastify.
      const { listen, untilShutdownSignal } = await import('../../server/listen.js');
      const server = await listen(services, {
        host: options.host,
        port: options.port,
        allowedHosts: options.allowedHost,
        trustProxy: options.trustProxy,
        registration: options.registration,
        transcoding: { ffmpeg: process.env.TUNES_FFMPEG || undefined, maxConcurrent: options.maxTranscodes },
        log: (line) => runtime.stderr.write(`${line}\n`),
      }).catch(async (error: unknown) => {
        await watch?.stop();
        throw error;
      });
      note(runtime, `tunes serve: listening on ${server.url} (Ctrl-C to stop)`);
      note(
        runtime,
        options.registration === 'open'
          ? 'tunes serve: registration is open: anyone who reaches this server can create an account'
          : 'tunes serve: registration is closed (add accounts with `tunes users add`, or serve with --registration open)',
      );
      if (!isLoopbackHost(options.host)) {
        note(runtime, `tunes serve: warning: ${options.host} is not loopback; other machines can reach this server`);
      }
      const signal = await untilShutdownSignal();
      note(runtime, `tunes serve: ${signal}, finishing requests in flight`);
      await server.close();
      await watch?.stop();
      note(runtime, 'tunes serve: stopped');
    });
}

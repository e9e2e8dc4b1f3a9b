import { InvalidArgumentError, type Command } from 'commander';
import type { CliRuntime } from '../runtime.js';
import { note } from '../output.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

export function registerServeCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('serve')
    .description('serve the library over HTTP (REST API and audio streaming)')
    .option('--host <address>', 'address to listen on; anything but loopback exposes tunes to the network', '127.0.0.1')
    .option('--port <number>', 'port to listen on (0 picks a free one)', parsePort, 5000)
    .action(async (options: { host: string; port: number }) => {
      const services = await runtime.services();
      // Lazy: plain commands never load Fastify.
      const { listen, untilShutdownSignal } = await import('../../server/listen.js');
      const server = await listen(services, {
        host: options.host,
        port: options.port,
        log: (line) => runtime.stderr.write(`${line}\n`),
      });
      note(runtime, `tunes serve: listening on ${server.url} (Ctrl-C to stop)`);
      if (!LOOPBACK.has(options.host)) {
        note(runtime, `tunes serve: warning: ${options.host} is not loopback; other machines can reach this server`);
      }
      const signal = await untilShutdownSignal();
      note(runtime, `tunes serve: ${signal}, finishing requests in flight`);
      await server.close();
      note(runtime, 'tunes serve: stopped');
    });
}

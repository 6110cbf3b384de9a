/**
 * For "unreachable" tests: a port on 127.0.0.1 that nothing listens on. Taken below 1024, where no
 * `listen(0)` is ever given a port: an ephemeral port taken and released here could be handed to
 * a broker another test file starts meanwhile, and the "unreachable" cluster then answered (seen
 * in CI: "does not support the requested API version" from a broker on the released port).
 */
import { connect } from 'node:net';

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

export async function closedPort(): Promise<number> {
  for (let port = 1; port < 1024; port++) if (await refused(port)) return port;
  throw new Error('Every port below 1024 on 127.0.0.1 answers or fails otherwise: no closed port for the test.');
}

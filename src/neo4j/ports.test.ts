import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort, isPortInUse } from './ports.ts';

describe('ports', () => {
  it('finds a free port and tells when something listens on it', async () => {
    const port = await findFreePort();
    expect(await isPortInUse(port)).toBe(false);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await isPortInUse(port)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('sees a listener on all interfaces as taking the loopback port', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await isPortInUse(port)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

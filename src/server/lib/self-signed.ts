import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { generate } from 'selfsigned';

/** The machine's LAN IPv4 addresses, so a phone on the same Wi-Fi can reach us. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

/**
 * A self-signed certificate for the LAN trial (browsers give the camera only to secure pages),
 * kept in DATA_DIR so the browser's exception survives restarts.
 */
export async function selfSignedCertificate(dataDir: string): Promise<{ key: string; cert: string }> {
  const keyFile = path.join(dataDir, 'tls', 'key.pem');
  const certFile = path.join(dataDir, 'tls', 'cert.pem');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  }
  const altNames = [{ type: 2 as const, value: 'localhost' }, { type: 7 as const, ip: '127.0.0.1' }, ...lanAddresses().map((ip) => ({ type: 7 as const, ip }))];
  // Loaded only for HTTPS on the LAN: selfsigned (node-forge) is ~15 MB of memory otherwise unused.
  const { generate: make } = await import('selfsigned');
  const pems = await make([{ name: 'commonName', value: 'MedConnect local' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames }],
  } as Parameters<typeof generate>[1]);
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A TLS key and certificate, PEM. */
export interface TlsCredentials {
  readonly key: string;
  readonly cert: string;
}

/**
 * A throwaway self-signed certificate for `host`, made with the openssl command (Node has no X.509 writer), valid for
 * one day, for a test server on 127.0.0.1. The browser that loads its pages runs with --ignore-certificate-errors:
 * the tests need an https origin (what Keystep treats as a site by default), not a trusted one.
 */
export async function selfSignedCertificate(host: string): Promise<TlsCredentials> {
  const folder = await mkdtemp(join(tmpdir(), 'keystep-tls-'));
  try {
    const key = join(folder, 'key.pem');
    const cert = join(folder, 'cert.pem');
    await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`]);
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

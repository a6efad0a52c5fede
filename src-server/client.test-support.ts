/**
 * A test laptop for the office server: real Ed25519 and X25519 device keys, signed enrolment,
 * approval and sign-in, and changes sealed with ChaCha20-Poly1305 (associated data = partition,
 * key version, change id) exactly as the sync worker will seal them. Test-only.
 */
import {
  createCipheriv,
  diffieHellman,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign,
  type KeyObject,
} from 'node:crypto';
import type { DeviceStatement } from '../src-shared/office/contracts';
import { joinStatement, type JoinRequestBody } from '../src-shared/office/joins';
import { authStatement, deviceStatement } from '../src-shared/office/statements';

/** An HTTP answer: status and parsed JSON body. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  bytes: number;
}

/** Calls the server: JSON in, JSON out, with a bearer token when given. */
export async function call<T = Record<string, unknown>>(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token?: string,
): Promise<Answer<T>> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as T, bytes: text.length };
}

function rawPublic(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}

/** A device: its ids, role, keys, and a token once signed in. */
export class TestDevice {
  readonly deviceId = randomUUID();
  readonly sign = generateKeyPairSync('ed25519');
  readonly box = generateKeyPairSync('x25519');
  token = '';

  constructor(
    readonly url: string,
    readonly officeId: string,
    readonly userId: string,
    readonly role: DeviceStatement['role'],
    readonly teamId: string | null = null,
  ) {}

  /** The public statement of this device. */
  statement(): DeviceStatement {
    return {
      deviceId: this.deviceId,
      userId: this.userId,
      role: this.role,
      teamId: this.teamId,
      signKey: rawPublic(this.sign.publicKey),
      boxKey: rawPublic(this.box.publicKey),
    };
  }

  /** This device's Ed25519 signature (base64) of `text`. */
  signText(text: string): string {
    return sign(null, Buffer.from(text, 'utf8'), this.sign.privateKey).toString('base64');
  }

  /** Enrols as the first owner device with `code`. */
  enrol(code: string): Promise<Answer> {
    const device = this.statement();
    return call(this.url, 'POST', '/v1/enrol', {
      code,
      device,
      signature: this.signText(deviceStatement('enrol', this.officeId, device)),
    });
  }

  /** As an owner device: approves `other` (signed statement). */
  approve(other: TestDevice): Promise<Answer> {
    const device = other.statement();
    return this.post('/v1/devices/approve', {
      device,
      signature: this.signText(deviceStatement('approve', this.officeId, device)),
    });
  }

  /** Asks to join with `invite` (not signed in: the office does not know this device yet). */
  join(invite: string): Promise<Answer> {
    return call(this.url, 'POST', '/v1/join', this.joinBody(invite));
  }

  /** Signs in: challenge → signature → token (kept). Returns the token answer. */
  async signIn(): Promise<Answer> {
    const challenge = await call<{ challenge: string }>(this.url, 'POST', '/v1/auth/challenge', {
      deviceId: this.deviceId,
    });
    if (challenge.status !== 200) return challenge;
    const answer = await call<{ token: string }>(this.url, 'POST', '/v1/auth/token', {
      deviceId: this.deviceId,
      challenge: challenge.body.challenge,
      signature: this.signText(
        authStatement(this.officeId, this.deviceId, challenge.body.challenge),
      ),
    });
    if (answer.status === 200) this.token = answer.body.token;
    return answer;
  }

  /**
   * A join request with `invite` for this device (its name sealed to nobody: random bytes), signed
   * by its key; `forged`: signed over another user id than the one it names.
   */
  joinBody(invite: string, forged = false): JoinRequestBody {
    const { deviceId, userId, signKey, boxKey } = this.statement();
    const signed = {
      invite,
      deviceId,
      userId,
      signKey,
      boxKey,
      sealedName: randomBytes(60).toString('base64'),
    };
    const over = forged ? { ...signed, userId: randomUUID() } : signed;
    return { ...signed, signature: this.signText(joinStatement(this.officeId, over)) };
  }

  /** An authenticated POST. */
  post<T = Record<string, unknown>>(path: string, body: unknown): Promise<Answer<T>> {
    return call<T>(this.url, 'POST', path, body, this.token);
  }

  /** An authenticated GET. */
  get<T = Record<string, unknown>>(path: string): Promise<Answer<T>> {
    return call<T>(this.url, 'GET', path, undefined, this.token);
  }

  /**
   * A stand-in key envelope for `partitionKey` to this device: X25519 agreement with a fresh
   * ephemeral key, then the partition key XORed with the shared secret (the real wrap is the
   * sync worker's; the server only stores and returns the bytes).
   */
  envelopeFor(partitionKey: Buffer): { deviceId: string; wrapped: string } {
    const ephemeral = generateKeyPairSync('x25519');
    const shared = diffieHellman({
      privateKey: ephemeral.privateKey,
      publicKey: this.box.publicKey,
    });
    const wrapped = Buffer.concat([
      Buffer.from(rawPublic(ephemeral.publicKey), 'base64'),
      Buffer.from(partitionKey.map((b, i) => b ^ (shared[i] ?? 0))),
    ]);
    return { deviceId: this.deviceId, wrapped: wrapped.toString('base64') };
  }
}

/** Seals `plaintext` for a partition: ChaCha20-Poly1305, nonce ‖ ciphertext ‖ tag, base64. */
export function seal(
  partitionKey: Buffer,
  partitionId: string,
  keyVersion: number,
  changeId: string,
  plaintext: string,
): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('chacha20-poly1305', partitionKey, nonce, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(`${partitionId}\n${keyVersion}\n${changeId}`, 'utf8'), {
    plaintextLength: Buffer.byteLength(plaintext),
  });
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}

/** A sealed change ready to push. */
export function sealedChange(
  partitionKey: Buffer,
  partitionId: string,
  keyVersion: number,
  plaintext: string,
  changeId: string = randomUUID(),
): { changeId: string; partitionId: string; keyVersion: number; sealed: string } {
  return {
    changeId,
    partitionId,
    keyVersion,
    sealed: seal(partitionKey, partitionId, keyVersion, changeId, plaintext),
  };
}

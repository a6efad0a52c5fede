/**
 * A signed-in connection to the office: the device proves itself with its Ed25519 key (challenge →
 * signature → 15-minute token) and then calls with the token. The office id in the challenge
 * answer must be the one this vault joined (a server swapped behind the same address is refused).
 */
import { authStatement } from '../../src-shared/office/statements';
import { OfficeCallError, officeCall, type OfficeEndpoint } from './client';
import { signText } from './crypto';
import type { OfficeSettings } from './store';

/** Calls the office as this device. */
export class OfficeSession {
  private constructor(
    readonly endpoint: OfficeEndpoint,
    private readonly token: string,
  ) {}

  /** Signs in as the device of `settings`. */
  static async signIn(settings: OfficeSettings): Promise<OfficeSession> {
    const endpoint = endpointOf(settings);
    const challenge = await officeCall<{ challenge: string; officeId: string }>(
      endpoint,
      'POST',
      '/v1/auth/challenge',
      { deviceId: settings.device_id },
    );
    if (challenge.officeId !== settings.office_id) {
      throw new OfficeCallError(
        0,
        'wrong_office',
        'This server is not the office this vault joined.',
      );
    }
    const statement = authStatement(settings.office_id, settings.device_id, challenge.challenge);
    const { token } = await officeCall<{ token: string }>(endpoint, 'POST', '/v1/auth/token', {
      deviceId: settings.device_id,
      challenge: challenge.challenge,
      signature: signText(Buffer.from(settings.sign_private), statement),
    });
    return new OfficeSession(endpoint, token);
  }

  /** An authenticated POST (cut short when `signal` fires). */
  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return officeCall<T>(this.endpoint, 'POST', path, body, this.token, signal);
  }

  /** An authenticated GET. */
  get<T>(path: string): Promise<T> {
    return officeCall<T>(this.endpoint, 'GET', path, undefined, this.token);
  }
}

/** The endpoint a vault's office settings name. */
export function endpointOf(settings: OfficeSettings): OfficeEndpoint {
  return { url: settings.server_url, fingerprint: settings.fingerprint };
}

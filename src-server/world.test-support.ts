/**
 * An office for tests: a running server on one engine, an enrolled owner device, and helpers to
 * add users' devices and partitions (with random partition keys the "laptops" keep). Test-only.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { DeviceStatement } from '../src-shared/office/contracts';
import { TestDevice, sealedChange } from './client.test-support';
import { silentLogger } from './log';
import { issueEnrolmentCode, loadOffice } from './office';
import { serveOffice, type OfficeStorage, type RunningOffice } from './serve';

/** A partition as the laptops know it: id, current key version, and the keys by version. */
export interface TestPartition {
  partitionId: string;
  keyVersion: number;
  keys: Map<number, Buffer>;
}

/** Starts a server on `storage` (loopback, a free port, no logs). */
export function startTestOffice(storage: OfficeStorage): Promise<RunningOffice> {
  return serveOffice({ storage, host: '127.0.0.1', port: 0, log: silentLogger() });
}

const TABLES =
  'changes, key_envelopes, partition_access, partitions, auth_challenges, devices, users';

/** Empties the office (keeps its id and secret) and returns a fresh enrolment code. */
export async function resetOffice(office: RunningOffice): Promise<string> {
  await office.db.exec(`TRUNCATE ${TABLES} CASCADE`);
  const code = await issueEnrolmentCode(await loadOffice(office.db));
  if (!code) throw new Error('no enrolment code after a reset');
  return code;
}

/** An office with an enrolled, signed-in owner device. */
export class TestOffice {
  private constructor(
    readonly office: RunningOffice,
    readonly owner: TestDevice,
  ) {}

  /** Resets `office` and enrols a first owner device. */
  static async enrolled(office: RunningOffice): Promise<TestOffice> {
    const code = await resetOffice(office);
    const owner = new TestDevice(office.url, office.officeId, randomUUID(), 'owner');
    expect((await owner.enrol(code)).status).toBe(200);
    expect((await owner.signIn()).status).toBe(200);
    return new TestOffice(office, owner);
  }

  /** A device of a new user that the office does not know yet (to join with an invitation). */
  newcomer(role: DeviceStatement['role'] = 'manager'): TestDevice {
    return new TestDevice(this.office.url, this.office.officeId, randomUUID(), role);
  }

  /** A new device for a new user, approved by the owner and signed in. */
  async device(role: DeviceStatement['role'], teamId: string | null = null): Promise<TestDevice> {
    const device = new TestDevice(
      this.office.url,
      this.office.officeId,
      randomUUID(),
      role,
      teamId,
    );
    expect((await this.owner.approve(device)).status).toBe(200);
    expect((await device.signIn()).status).toBe(200);
    return device;
  }

  /**
   * A partition owned by `owner` (a device's user), readable by the owner device and the given
   * devices; `pushers` may also push (the owner device always may).
   */
  async partition(
    owner: TestDevice | null,
    pushers: TestDevice[],
    readers: TestDevice[] = [],
  ): Promise<TestPartition> {
    const partition: TestPartition = {
      partitionId: randomUUID(),
      keyVersion: 1,
      keys: new Map([[1, randomBytes(32)]]),
    };
    const created = await this.owner.post('/v1/partitions', {
      partitionId: partition.partitionId,
      kind: owner ? 'owner' : 'audit',
      ownerUserId: owner?.userId ?? null,
    });
    expect(created.status).toBe(200);
    for (const [device, mayPush] of [
      [this.owner, true],
      ...pushers.map(d => [d, true] as const),
      ...readers.map(d => [d, false] as const),
    ] as const) {
      await this.grant(partition, device, mayPush);
    }
    return partition;
  }

  /** Grants `device` the partition (with its current key wrapped to it). */
  async grant(partition: TestPartition, device: TestDevice, mayPush: boolean): Promise<void> {
    const key = partition.keys.get(partition.keyVersion);
    if (!key) throw new Error('no key');
    const answer = await this.owner.post('/v1/partitions/grant', {
      partitionId: partition.partitionId,
      mayPush,
      keyVersion: partition.keyVersion,
      envelope: device.envelopeFor(key),
    });
    expect(answer.status).toBe(200);
  }
}

/** `n` sealed changes for `partition` under its current key, each holding `text` and its index. */
export function changesFor(partition: TestPartition, n: number, text = 'change') {
  const key = partition.keys.get(partition.keyVersion);
  if (!key) throw new Error('no key');
  return Array.from({ length: n }, (_, i) =>
    sealedChange(key, partition.partitionId, partition.keyVersion, `${text} #${i}`),
  );
}

/** A pull answer's shape. */
export interface Pulled {
  partitions: {
    partitionId: string;
    keyVersion: number;
    more: boolean;
    changes: { seq: number; changeId: string; sealed: string }[];
  }[];
}

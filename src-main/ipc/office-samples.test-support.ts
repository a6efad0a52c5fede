/**
 * Valid inputs of the office `sync` and `office` channels (spread into ./router.test-support.ts
 * `validSamples`; split from it by feature).
 */

/** A valid input (the shape of ./router.test-support.ts `ChannelSample`, kept apart: no cycle). */
interface Sample {
  input: Record<string, unknown>;
  optionalKeys?: readonly string[];
}

/** A valid input for every office sync, enrolment, approval and conflict channel. */
export const officeSamples: Readonly<Record<string, Sample>> = {
  'zamok:sync.status': { input: {} },
  'zamok:sync.now': { input: {} },
  'zamok:sync.enrol': {
    input: { server: 'http://127.0.0.1:8443', code: 'ABCDE-FGHJK', fingerprint: 'AB'.repeat(32) },
    optionalKeys: ['fingerprint'],
  },
  'zamok:sync.join': { input: { server: 'https://office.local:8443' } },
  'zamok:sync.approve': {
    input: { request: 'eyJkZXZpY2VJZCI6IngifQ', role: 'manager', teamId: 'north' },
    optionalKeys: ['teamId'],
  },
  'zamok:sync.verifyOffice': { input: {} },
  'zamok:office.join': {
    input: { server: 'http://127.0.0.1:8443', code: 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23' },
  },
  'zamok:office.invite': { input: {} },
  'zamok:office.waiting': { input: {} },
  'zamok:office.approve': {
    input: { deviceId: 'device-1', role: 'manager', teamId: 'north' },
    optionalKeys: ['teamId'],
  },
  'zamok:office.refuse': { input: { deviceId: 'device-1' } },
  'zamok:office.forget': { input: {} },
  'zamok:sync.conflicts': { input: {} },
  'zamok:sync.dismiss': { input: { userId: 'user-1' } },
  'zamok:sync.resolve': { input: { changeId: 'c-1', field: 'stage_id', keep: 'mine' } },
};

import { ErrorCode, SubsonicFailure, SUBSONIC_VERSION } from './envelope.js';

const [OUR_MAJOR, OUR_MINOR] = SUBSONIC_VERSION.split('.').map(Number) as [number, number];

/** `v=`: a client newer than 1.16 gets 30, one before 1.0 gets 20; absent is taken as current (OpenSubsonic lets clients omit it). */
export function checkClientVersion(v: string | undefined): void {
  if (v === undefined || v === '') return;
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(v.trim());
  if (!match) throw new SubsonicFailure(ErrorCode.generic, `'${v}' is not a protocol version like ${SUBSONIC_VERSION}`);
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major < 1) throw new SubsonicFailure(ErrorCode.clientTooOld, 'Incompatible Subsonic REST protocol version. Client must upgrade.');
  if (major > OUR_MAJOR || (major === OUR_MAJOR && minor > OUR_MINOR)) {
    throw new SubsonicFailure(ErrorCode.serverTooOld, 'Incompatible Subsonic REST protocol version. Server must upgrade.');
  }
}

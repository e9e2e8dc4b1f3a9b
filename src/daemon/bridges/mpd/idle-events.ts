import type { HostEvent, HostState } from '../../../domain/player-state.js';
import type { IdleSubsystem } from './command-table.js';

/** Which MPD subsystems one player event changed, given the state before it (`idle`'s "changed:" lines). */
export function changedSubsystems(event: HostEvent, before: HostState): IdleSubsystem[] {
  switch (event.type) {
    case 'state': {
      const after = event.state;
      const changed: IdleSubsystem[] = [];
      if (after.status !== before.status || after.song?.id !== before.song?.id || after.queue_index !== before.queue_index || after.problem !== before.problem) {
        changed.push('player');
      }
      if (after.volume !== before.volume || after.muted !== before.muted) changed.push('mixer');
      if (after.shuffle !== before.shuffle || after.repeat !== before.repeat) changed.push('options');
      if (after.queue_version !== before.queue_version || after.queue_length !== before.queue_length) changed.push('playlist');
      return changed;
    }
    case 'queue':
      return ['playlist'];
    case 'track':
    case 'seeked':
    case 'ended':
    case 'error':
      return ['player'];
    case 'warning':
    case 'quit':
      return [];
  }
}

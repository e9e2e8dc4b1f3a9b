import type { Endpoint } from './context.js';
import { ErrorCode, SubsonicFailure } from './envelope.js';
import { presentUser } from './present.js';

export function userEndpoints(): Endpoint[] {
  return [
    {
      name: 'getUser',
      // Only one's own account: other accounts are the admin CLI's business (`tunes users`).
      handler: async ({ user, params }) => {
        const username = params.get('username') ?? user.username;
        if (username.toLowerCase() !== user.username.toLowerCase()) {
          throw new SubsonicFailure(ErrorCode.notAuthorised, 'You may only look at your own account');
        }
        return { user: presentUser(user) };
      },
    },
  ];
}

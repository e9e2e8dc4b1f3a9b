import type { User } from '../../domain/user.js';
import type { Services } from '../../services/container.js';
import type { CliRuntime } from '../runtime.js';

/** The services plus the logged-in user (throws not_logged_in, exit 3). */
export async function withUser(runtime: CliRuntime): Promise<{ services: Services; user: User }> {
  const services = await runtime.services();
  return { services, user: await services.session.currentUser() };
}

import type { FastifyInstance } from 'fastify';

export interface RouteInfo {
  method: string;
  /** As registered, with `:param` placeholders. */
  url: string;
  /** The query string and body fields its schema names (empty when it has none). */
  queryFields: readonly string[];
  bodyFields: readonly string[];
}

const routesByApp = new WeakMap<FastifyInstance, RouteInfo[]>();

/** Starts noting every route registered on `app` from now on (call before registering any). */
export function trackRoutes(app: FastifyInstance): void {
  const routes: RouteInfo[] = [];
  routesByApp.set(app, routes);
  app.addHook('onRoute', (route) => {
    const schema = (route.schema ?? {}) as { querystring?: unknown; body?: unknown };
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, queryFields: fieldsOf(schema.querystring), bodyFields: fieldsOf(schema.body) });
    }
  });
}

/** Every route of the API (for tools and tests that must cover each, such as the fuzz test). */
export function registeredRoutes(app: FastifyInstance): readonly RouteInfo[] {
  return routesByApp.get(app) ?? [];
}

function fieldsOf(schema: unknown): string[] {
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

import { createHash } from 'node:crypto';
import type { PublishedSchemas } from '@meridian/canonical/published';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { sendJson } from '@meridian/graphql-http';
import type { Route } from '../server';

const SCHEMA_FILE = /^\/schemas\/([^/]+)\/([^/]+)\.json$/;
// A published version never changes, so clients and proxies may keep it for good; a draft may change.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=300';

/**
 * `GET /schemas` (the index: every schema, its versions and their URLs) and
 * `GET /schemas/<name>/<version>.json` (the committed JSON Schema, byte for byte).
 */
export function schemasRoute(published: PublishedSchemas): Route {
  const files = new Map<string, { text: string; etag: string; cacheControl: string }>();
  for (const { name, versions } of published.index.schemas) {
    for (const { version, published: isPublished } of versions) {
      const text = published.text(name, version)!;
      const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
      files.set(`${name}/${version}`, { text, etag, cacheControl: isPublished ? IMMUTABLE : REVALIDATE });
    }
  }
  const names = new Set(published.index.schemas.map((schema) => schema.name));

  return {
    name: 'schemas',
    matches: (path) => path === '/schemas' || path === '/schemas/' || path.startsWith('/schemas/'),
    handle(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'Schemas are read-only: use GET.');
      }
      const path = (req.url ?? '').split('?')[0]!;
      if (path === '/schemas' || path === '/schemas/') {
        sendJson(res, 200, published.index, { 'cache-control': REVALIDATE });
        return;
      }
      const [, name = '', version = ''] = SCHEMA_FILE.exec(path) ?? [];
      const file = files.get(`${name}/${version}`);
      if (!file) {
        throw new MeridianError(
          ErrorCode.NOT_FOUND,
          names.has(name)
            ? `${name} has no version ${version || '(none given)'}; GET /schemas lists the published versions.`
            : `There is no schema at ${path}; GET /schemas lists every schema and its versions.`,
        );
      }
      const headers = { etag: file.etag, 'cache-control': file.cacheControl };
      if (req.headers['if-none-match'] === file.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': 'application/schema+json; charset=utf-8' });
      res.end(file.text);
    },
  };
}

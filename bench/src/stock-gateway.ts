/**
 * The baseline the benchmark compares against: a stock `ApolloGateway` + `@apollo/server` standalone over the
 * same supergraph and subgraphs, doing what a straightforward implementation does to satisfy the subgraphs'
 * identity check: verify the bearer token in `context`, sign an identity assertion in `willSendRequest`.
 * Env: PORT, ACCESS_TOKEN_PUBLIC_KEY, GATEWAY_PRIVATE_KEY, <NAME>_URL.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  IDENTITY_HEADER,
  type Identity,
  importSigningKey,
  signIdentityAssertion,
  verifyAccessToken,
} from '@meridian/auth';
import { DEFAULT_PORTS, type SubgraphName } from '@meridian/config';

interface Context {
  identity: Identity;
}

const supergraphSdl = readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8');
const accessTokenPublicKey = await importSigningKey(process.env.ACCESS_TOKEN_PUBLIC_KEY ?? '');
const gatewayPrivateKey = await importSigningKey(process.env.GATEWAY_PRIVATE_KEY ?? '');
const urlOf = (name: SubgraphName) =>
  process.env[`${name.toUpperCase()}_URL`] || `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;

const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name }) =>
    new (class extends RemoteGraphQLDataSource<Context> {
      override async willSendRequest({
        request,
        context,
      }: Parameters<RemoteGraphQLDataSource<Context>['willSendRequest'] & {}>[0]) {
        const identity = context.identity ?? { kind: 'anonymous' };
        request.http?.headers.set(IDENTITY_HEADER, await signIdentityAssertion(gatewayPrivateKey, identity));
      }
    })({ url: urlOf(name as SubgraphName) }),
});

const server = new ApolloServer<Context>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 4999), host: '127.0.0.1' },
  context: async ({ req }): Promise<Context> => {
    const header = req.headers.authorization;
    if (!header) return { identity: { kind: 'anonymous' } };
    return { identity: await verifyAccessToken(accessTokenPublicKey, header.replace(/^Bearer\s+/i, '')) };
  },
});
console.log(`stock gateway listening at ${url}`);

import type { GraphQLResolverMap } from '@apollo/subgraph';
import { dateTimeScalar, type SubgraphContext } from '@meridian/subgraph-runtime';
import * as sessions from '../services/sessions';

type UserWithRoles = NonNullable<Awaited<ReturnType<typeof sessions.currentUser>>>;

export const resolvers: GraphQLResolverMap<SubgraphContext> = {
  DateTime: dateTimeScalar,
  Query: {
    me: (_, __, { prisma, identity }) => sessions.currentUser(prisma, identity),
  },
  Mutation: {
    login: (_, credentials: { email: string; password: string }, { prisma }) =>
      sessions.login(prisma, credentials),
  },
  User: {
    __resolveReference: (ref: { id: string }, { prisma, identity }: SubgraphContext) =>
      sessions.userById(prisma, identity, ref.id),
    roles: (user: UserWithRoles) => user.roles.map(({ role }) => role.name.toUpperCase()),
    tenant: (user: UserWithRoles) => user.tenant,
  },
  Tenant: {
    __resolveReference: (ref: { id: string }, { prisma, identity }: SubgraphContext) =>
      sessions.tenantById(prisma, identity, ref.id),
  },
};

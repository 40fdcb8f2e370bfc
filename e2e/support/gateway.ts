/** Direct GraphQL calls to the gateway, for setting up and checking what the browser shows. */
export const gatewayUrl = process.env.E2E_GATEWAY_URL ?? 'http://localhost:4000/graphql';

export const demoPassword = process.env.E2E_DEMO_PASSWORD ?? 'meridian-demo';

export type DemoRole = 'planner' | 'logistics' | 'marketing' | 'analyst' | 'admin' | 'partner';

export function demoEmail(role: DemoRole): string {
  return `${role}@demo.meridian.test`;
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data) {
    throw new Error(`Gateway refused the request: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

export interface SignedInUser {
  token: string;
  name: string;
}

export async function signInThroughApi(role: DemoRole): Promise<SignedInUser> {
  const data = await graphql<{ login: { accessToken: string; user: { name: string } } }>(
    `mutation ($email: String!, $password: String!) {
      login(email: $email, password: $password) { accessToken user { name } }
    }`,
    { email: demoEmail(role), password: demoPassword },
  );
  return { token: data.login.accessToken, name: data.login.user.name };
}

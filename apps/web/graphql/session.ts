import { graphql } from './generated';

// Result and variable types are generated from the gateway's API schema by `pnpm --filter @meridian/web codegen`.
export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      expiresAt
      user {
        name
        email
        roles
        tenant {
          name
        }
      }
    }
  }
`);

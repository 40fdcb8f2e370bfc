import { gql } from '@urql/core';

export interface LoginData {
  login: {
    accessToken: string;
    expiresAt: string;
    user: { name: string; email: string; roles: string[]; tenant: { name: string } };
  };
}

export interface LoginVariables {
  email: string;
  password: string;
}

export const LoginMutation = gql<LoginData, LoginVariables>`
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
`;

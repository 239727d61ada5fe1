'use client';

import { ReactNode, useMemo } from 'react';
import { SessionProvider } from 'next-auth/react';
import { ApolloClient, ApolloProvider, HttpLink, InMemoryCache, from } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ThemeProvider } from './theme';

const GRAPHQL_URL = process.env.NEXT_PUBLIC_GRAPHQL_URL ?? 'https://api.example.com/graphql';

const authLink = setContext((_, { headers }) => {
  const token = typeof window === 'undefined' ? null : window.sessionStorage.getItem('gql_token');
  return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
});

const errorLink = onError(({ graphQLErrors, networkError }) => {
  graphQLErrors?.forEach((e) => console.warn('[graphql]', e.message, e.path?.join('.')));
  if (networkError) console.warn('[network]', networkError.message);
});

function makeApollo() {
  return new ApolloClient({
    link: from([errorLink, authLink, new HttpLink({ uri: GRAPHQL_URL, credentials: 'include' })]),
    cache: new InMemoryCache({
      typePolicies: {
        Project: { keyFields: ['slug'] },
      },
    }),
  });
}

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 2, staleTime: 60_000, refetchOnWindowFocus: false },
    },
  });
}

export function Providers({ children, session }: { children: ReactNode; session: unknown }) {
  const apollo = useMemo(makeApollo, []);
  const queryClient = useMemo(makeQueryClient, []);
  return (
    <SessionProvider session={session as never} refetchInterval={5 * 60}>
      <ApolloProvider client={apollo}>
        <QueryClientProvider client={queryClient}>
          <ThemeProvider defaultTheme="system">{children}</ThemeProvider>
        </QueryClientProvider>
      </ApolloProvider>
    </SessionProvider>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div role="status" className="spinner">
      <span className="sr-only">{label}</span>
    </div>
  );
}

import { QueryClient, defaultShouldDehydrateQuery, isServer } from "@tanstack/react-query";

/** One QueryClient per request on the server, one per tab in the browser. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Data prefetched on the server is fresh on arrival: don't refetch it straight away.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
      dehydrate: {
        shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) || q.state.status === "pending",
      },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

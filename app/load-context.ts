import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
  }
  // Single-fetch types for useLoaderData/useActionData.
  interface Future {
    v3_singleFetch: true;
  }
}
export {};

// A typed client for the Stadtlabore API. The types come from the contract (openapi.yaml) via
// openapi-typescript; openapi-fetch checks paths, parameters, bodies and answers against them.
import createClient, { type Middleware } from "openapi-fetch";

import type { components, paths } from "./generated/api.js";

export type Occurrence = components["schemas"]["Occurrence"];
export type Registration = components["schemas"]["Registration"];
export type Problem = components["schemas"]["Problem"];

/** A client for one base URL, e.g. https://api.example.org or http://localhost:8080 in dev mode. */
export function stadtlabore(baseUrl: string, options: { apiKey?: string; language?: "de" | "en" } = {}) {
  const client = createClient<paths>({ baseUrl });
  const headers: Middleware = {
    onRequest({ request }) {
      if (options.apiKey !== undefined) {
        request.headers.set("X-API-Key", options.apiKey);
      }
      request.headers.set("Accept-Language", options.language ?? "de");
      return request;
    },
  };
  client.use(headers);
  return client;
}

/** An error answer of the API: its problem document (RFC 9457). */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
  }
}

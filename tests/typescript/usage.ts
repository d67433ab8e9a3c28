// What a TypeScript client does with the types openapi-typescript generates from openapi.yaml.
// tests/system/test_typescript_client.py compiles it beside the generated schema.d.ts with
// `tsc --strict`: a spec that loses a typed field, or widens one, stops it compiling.
import type { components, paths } from "./schema";

type Claim = components["schemas"]["Claim"];
type ClaimPage = paths["/v1/claims"]["get"]["responses"][200]["content"]["application/json"];
type ClaimQuery = NonNullable<paths["/v1/claims"]["get"]["parameters"]["query"]>;
type ApiError = components["schemas"]["Error"];

export function speakerName(claim: Claim): string | null {
  return claim.speaker === null ? null : claim.speaker.name;
}

export function coordinates(claim: Claim): [number, number] | null {
  const place = claim.place;
  return place && place.lat !== null && place.lon !== null ? [place.lat, place.lon] : null;
}

export function ids(page: ClaimPage): number[] {
  return page.items.map((claim) => claim.id);
}

// Optional query parameters are optional, not required-and-nullable.
export const query: ClaimQuery = { speaker: "लावरोव", limit: 50 };

export function describe(error: ApiError): string {
  return `${error.code} ${error.status}: ${error.message ?? ""}`;
}

export const quoteType: Claim["quote_type"] = "direct";
// @ts-expect-error quote_type is an enum, not any string
export const badQuoteType: Claim["quote_type"] = "paraphrase";

// Closed sets in responses are unions: a typo is a compile error, not a silent empty filter.
export const origin: Claim["origin"] = "manual";
// @ts-expect-error origin is an enum
export const badOrigin: Claim["origin"] = "scraped";
type Granularity = components["schemas"]["ClaimDate"]["granularity"];
export const fiscal: Granularity = "fiscal_year";
// @ts-expect-error granularity is an enum
export const badGranularity: Granularity = "fortnight";

/**
 * The location service as the AI service uses it: its internal routes (no user token; the mesh
 * admits the AI service as a caller). Types and paths come from the catalog.
 */
import {
  LOCATION_INTERNAL_PATHS,
  internalPrefix,
  type CandidatesRequest,
  type CandidatesResponse,
  type PlacesBatchRequest,
  type PlacesBatchResponse,
} from '@tripgen/catalog';
import { createServiceClient, type CallOptions } from '@tripgen/service-kit';

export interface PlaceDirectory {
  candidates(body: CandidatesRequest, options?: CallOptions): Promise<CandidatesResponse>;
  places(body: PlacesBatchRequest, options?: CallOptions): Promise<PlacesBatchResponse>;
}

export const locationDirectory = (baseUrl: string, timeoutMs = 2_000): PlaceDirectory => {
  const client = createServiceClient('location', baseUrl, { timeoutMs });
  const prefix = internalPrefix('location');
  return {
    candidates: (body, options) => client.post(`${prefix}${LOCATION_INTERNAL_PATHS.candidates}`, body, options),
    places: (body, options) => client.post(`${prefix}${LOCATION_INTERNAL_PATHS.placesBatch}`, body, options),
  };
};

import { queryOptions } from '@tanstack/react-query';
import { apiPaths, ConfigResponseSchema } from '../../shared/mixscope-api.ts';
import { getJson } from './api-client.ts';

export const configQueries = {
  server: () =>
    queryOptions({
      queryKey: ['config'],
      queryFn: ({ signal }) => getJson(apiPaths.config, ConfigResponseSchema, signal),
      staleTime: Infinity,
    }),
};

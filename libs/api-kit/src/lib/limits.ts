import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

/** A list field costs its children times the page it asks for (react-admin's `perPage`). */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const perPage = typeof args['perPage'] === 'number' ? args['perPage'] : undefined;
  return perPage ? 1 + perPage * childComplexity : undefined;
};

/** Rejects queries deeper than `maxDepth` during validation. */
export function depthRule(limits: QueryLimits) {
  return depthLimit(limits.maxDepth);
}

/** Rejects operations whose estimated cost exceeds `maxCost` before anything resolves. */
export function costPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables ?? {},
            estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > limits.maxCost) {
            throw new GraphQLError(`This query costs ${cost}, more than the limit of ${limits.maxCost}.`, {
              extensions: { code: 'BAD_USER_INPUT', field: 'query', cost, maxCost: limits.maxCost },
            });
          }
        },
      };
    },
  };
}

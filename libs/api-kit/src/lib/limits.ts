import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
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
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables ?? {},
              estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (err) {
            // getComplexity coerces the variables: a variable of the wrong type fails here, before
            // execution would report it. It is the client's input, not a server fault.
            const message = err instanceof Error ? err.message : String(err);
            throw new GraphQLError(message, {
              extensions: { code: 'BAD_USER_INPUT', field: fieldOfVariableError(message, document), http: { status: 400 } },
            });
          }
          if (cost > limits.maxCost) {
            // Apollo answers an error thrown here with a 500 unless told otherwise (and strips `http`).
            throw new GraphQLError(`This query costs ${cost}, more than the limit of ${limits.maxCost}.`, {
              extensions: { code: 'BAD_USER_INPUT', field: 'query', cost, maxCost: limits.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * The field a variable coercion error is about, named the way the validation pipe names fields:
 * the path inside the argument (`password`, `address.city`), or the argument itself (`perPage`).
 */
export function fieldOfVariableError(message: string, document: DocumentNode): string {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (!variable) return 'query';
  const at = new RegExp(` at "${variable}((?:\\.\\w+|\\[\\d+\\])*)"; `).exec(message)?.[1] ?? '';
  const path = at.split(/[.[\]]+/).filter(Boolean);
  const named = /; Field "(\w+)" (?:of required type .* was not provided|is not defined by type)/.exec(message)?.[1];
  if (named) path.push(named);
  return path.length ? path.join('.') : argumentOf(variable, document) ?? variable;
}

/** The argument (or input field) a variable is passed to. */
function argumentOf(variable: string, document: DocumentNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    enter(node) {
      if (found) return false;
      if ((node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) && node.value.kind === Kind.VARIABLE && node.value.name.value === variable) {
        found = node.name.value;
      }
      return undefined;
    },
  });
  return found;
}

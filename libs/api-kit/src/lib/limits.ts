import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, getOperationAST, getVariableValues, GraphQLError, Kind, visit } from 'graphql';
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

/** Whether a document's cost can depend on its variables: only a page size (`perPage`) moves it. */
function hasPageArgument(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (node.name.value === 'perPage') found = true;
    },
  });
  return found;
}

/**
 * Rejects operations whose estimated cost exceeds `maxCost` before anything resolves. Apollo hands the
 * same parsed document to repeated requests: the cost of one without a page size is the same whatever
 * its variables, so it is estimated once (the hot server-to-server mutations are such documents).
 */
export function costPlugin(limits: QueryLimits): ApolloServerPlugin {
  const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const variables = request.variables ?? {};
          const operationName = request.operationName ?? '';
          const badVariable = (message: string) =>
            // A variable of the wrong type is the client's input, not a server fault: refused here, before
            // execution would report it, naming the field.
            new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: fieldOfVariableError(message, document), http: { status: 400 } } });
          let cost = fixedCosts.get(document)?.get(operationName);
          if (cost !== undefined) {
            const operation = getOperationAST(document, request.operationName);
            const errors = operation ? getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors : undefined;
            // The error getComplexity would have thrown: the last one.
            if (errors?.length) throw badVariable(errors[errors.length - 1].message);
          } else {
            try {
              cost = getComplexity({ schema, operationName: request.operationName, query: document, variables, estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })] });
            } catch (err) {
              // getComplexity coerces the variables: a wrong one fails here.
              throw badVariable(err instanceof Error ? err.message : String(err));
            }
            if (!hasPageArgument(document)) {
              const byOperation = fixedCosts.get(document) ?? new Map<string, number>();
              byOperation.set(operationName, cost);
              fixedCosts.set(document, byOperation);
            }
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

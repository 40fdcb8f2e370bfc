import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
  visit,
} from 'graphql';

/** The supergraph query that fetches what a subscriber selected on `exceptionRaised`. */
export interface ExceptionQuery {
  query: string;
  /** Name of the variable that carries the exception id. */
  idVariable: string;
  /** The subscriber's own variables the selection uses; their values are passed along. */
  variableNames: string[];
}

export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'operation'>;

const built = new WeakMap<FieldNode, ExceptionQuery>();

/**
 * Turns `subscription { exceptionRaised { title sku { code } } }` into
 * `query ExceptionRaised($exceptionId: ID!) { exception(id: $exceptionId) { title sku { code } } }`, keeping the
 * subscriber's aliases, fragments and variables. Built once per subscription (keyed by its field node).
 */
export function exceptionQueryFor(info: SelectionInfo): ExceptionQuery {
  const [fieldNode] = info.fieldNodes;
  if (!fieldNode) throw new Error('exceptionRaised resolved without a field node');
  const cached = built.get(fieldNode);
  if (cached) return cached;

  const selectionSet: SelectionSetNode = {
    kind: Kind.SELECTION_SET,
    selections: info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []),
  };
  const fragments = new Map<string, FragmentDefinitionNode>();
  const variableNames = new Set<string>();
  const collect = (node: SelectionSetNode | FragmentDefinitionNode) => {
    visit(node, {
      Variable(variable) {
        variableNames.add(variable.name.value);
      },
      FragmentSpread(spread) {
        const name = spread.name.value;
        const definition = info.fragments[name];
        if (definition && !fragments.has(name)) {
          fragments.set(name, definition);
          collect(definition);
        }
      },
    });
  };
  collect(selectionSet);

  let idVariable = 'exceptionId';
  while (variableNames.has(idVariable)) idVariable = `_${idVariable}`;
  const variableDefinitions = variableDefinitionsOf(info.operation, variableNames);
  const query = [
    `query ExceptionRaised($${idVariable}: ID!${variableDefinitions.map((definition) => `, ${definition}`).join('')}) {`,
    `  exception(id: $${idVariable}) ${print(selectionSet)}`,
    '}',
    ...[...fragments.values()].map((fragment) => print(fragment)),
  ].join('\n');
  const result = { query, idVariable, variableNames: [...variableNames] };
  built.set(fieldNode, result);
  return result;
}

function variableDefinitionsOf(operation: OperationDefinitionNode, used: Set<string>): string[] {
  return (operation.variableDefinitions ?? [])
    .filter((definition) => used.has(definition.variable.name.value))
    .map((definition) => print(definition));
}

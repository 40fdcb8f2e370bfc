import { buildSchema, type FieldNode, Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exceptionQueryFor, type SelectionInfo } from './exception-query';

const supergraphApi = buildSchema(`
  type Sku { id: ID! code: String! name: String! inboundShipments(status: [Status!]): [Shipment!]! }
  type Shipment { reference: String! }
  enum Status { PLANNED IN_TRANSIT }
  type Exception { id: ID! title: String! severity: String! sku: Sku }
  type Query { exception(id: ID!): Exception }
`);

function infoFor(subscription: string): SelectionInfo {
  const document = parse(subscription);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  const fragments = Object.fromEntries(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments, operation };
}

describe('exceptionQueryFor', () => {
  it('asks the supergraph for exactly what the subscriber selected, aliases included', () => {
    const { query, idVariable } = exceptionQueryFor(
      infoFor('subscription { exceptionRaised { title level: severity sku { code name } } }'),
    );
    expect(idVariable).toBe('exceptionId');
    expect(validate(supergraphApi, parse(query))).toEqual([]);
    expect(query).toContain('exception(id: $exceptionId)');
    expect(query).toContain('level: severity');
    expect(query).toContain('sku {');
  });

  it('carries the fragments and variables the selection uses, and only those', () => {
    const info = infoFor(`
      subscription Live($statuses: [Status!], $unused: Int) { exceptionRaised { ...Row } }
      fragment Row on Exception { title sku { ...SkuBits inboundShipments(status: $statuses) { reference } } }
      fragment SkuBits on Sku { code }
      fragment Unused on Sku { name }
    `);
    const { query, variableNames } = exceptionQueryFor(info);
    expect(variableNames).toEqual(['statuses']);
    expect(query).toContain('fragment Row on Exception');
    expect(query).toContain('fragment SkuBits on Sku');
    expect(query).not.toContain('Unused');
    expect(query).not.toContain('$unused');
    expect(validate(supergraphApi, parse(query))).toEqual([]);
  });

  it('renames its id variable when the subscriber already uses that name', () => {
    const info = infoFor(
      'subscription ($exceptionId: [Status!]) { exceptionRaised { sku { inboundShipments(status: $exceptionId) { reference } } } }',
    );
    const { query, idVariable } = exceptionQueryFor(info);
    expect(idVariable).toBe('_exceptionId');
    expect(validate(supergraphApi, parse(query))).toEqual([]);
  });

  it('builds the query once per subscription', () => {
    const info = infoFor('subscription { exceptionRaised { title } }');
    expect(exceptionQueryFor(info)).toBe(exceptionQueryFor(info));
  });
});

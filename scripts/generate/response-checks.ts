/**
 * The SDK's response checks, derived from the spec: for each field the SDK, `downloadResults`
 * and the CLI read, its JSON type(s) and whether it must be present, taken from the operation's
 * 2xx response schema. Core checks answers against these tables (internal/validate.ts) without
 * loading a JSON Schema validator, so `@claid/core` stays small and the checks cannot drift from
 * the spec: they are regenerated with the types.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};
type Spec = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
};

/**
 * What is read of each operation's `data`, by path (`[]` = every item of a list). A create is
 * read only for its `id` (to wait on it): any other field of an accepted batch may be off
 * without losing the id of a batch that now exists and is billed.
 */
export const READ_FIELDS: Record<string, { method: string; path: string; constant: string; fields: string[] }> = {
  create: {
    method: "post",
    path: "/v1/image/edit/batch",
    constant: "ACCEPTED_SHAPE",
    fields: ["id"],
  },
  retrieve: {
    method: "get",
    path: "/v1/image/edit/batch/{task_id}",
    constant: "BATCH_SHAPE",
    fields: [
      "id",
      "status",
      ...["input_object", "output_object"].flatMap((side) =>
        ["width", "height", "mps", "ext", "format", "mime"].map((field) => `results[].${side}.${field}`),
      ),
      "results[].output_object.tmp_url",
      "results[].output_object.object_uri",
      "errors[].error",
    ],
  },
};

/** A field as the spec types it: JSON types, required, and the shapes of what is read inside it (`[]`: a list's items). */
type FieldShape = [types: string, required: 0 | 1, inner?: { [field: string]: FieldShape }];

/** The shape of what is read of the `data` member of `method path`'s 200 answer: `fields` and their parents. */
export function readShape(spec: Spec, method: string, path: string, fields: string[]): FieldShape {
  const schema = spec.paths[path]?.[method]?.responses["200"]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} has no JSON 200 response in the spec.`);
  const envelope = resolve(spec, schema, `${method} ${path} 200`);
  const data = resolve(spec, envelope.properties?.data ?? {}, "data");
  const root: FieldShape = [typesOf(data, "data"), required(envelope, "data")];
  for (const field of fields) {
    let parent = data;
    let shape = root;
    let at = "";
    for (const segment of field.split(/\.|(?=\[\])/)) {
      at = segment === "[]" || !at ? `${at}${segment}` : `${at}.${segment}`;
      const raw = segment === "[]" ? parent.items : parent.properties?.[segment];
      if (!raw) throw new Error(`The spec does not define \`${at}\` (read by the SDK) in ${method} ${path}.`);
      const child = resolve(spec, raw, at);
      const inner = shape[2] ?? {};
      shape[2] = inner;
      // A list's items are always there; a field is as the spec's `required` says.
      inner[segment] ??= [typesOf(child, at), segment === "[]" ? 1 : required(parent, segment)];
      shape = inner[segment];
      parent = child;
    }
  }
  return root;
}

/** A schema with `$ref` and single-member `allOf` followed; unions are refused (the SDK reads none). */
function resolve(spec: Spec, schema: Schema, label: string): Schema {
  let current = schema;
  for (;;) {
    if (current.$ref) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1];
      const target = name === undefined ? undefined : spec.components.schemas[name];
      if (!target) throw new Error(`\`${label}\`: unresolvable $ref ${current.$ref}.`);
      current = target;
    } else if (current.allOf?.length === 1 && current.allOf[0]) {
      current = current.allOf[0];
    } else if (current.anyOf || current.oneOf || (current.allOf?.length ?? 0) > 1) {
      throw new Error(`\`${label}\` is a union in the spec; the generated checks handle plain types only.`);
    } else {
      return current;
    }
  }
}

function typesOf(schema: Schema, label: string): string {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) throw new Error(`\`${label}\` has no type in the spec.`);
  return types.join("|");
}

const required = (parent: Schema, name: string): 0 | 1 => (parent.required?.includes(name) ? 1 : 0);

/** The module text (without the header) of packages/core/src/generated/response-checks.ts. */
export function renderResponseChecks(spec: Spec): string {
  const shapes = Object.entries(READ_FIELDS).map(([operation, { method, path, constant, fields }]) =>
    [
      `/** What the SDK reads of the \`data\` of ${method.toUpperCase()} ${path} (${operation}), typed by the spec. */`,
      `export const ${constant}: FieldShape = ${render(readShape(spec, method, path, fields), "")};`,
    ].join("\n"),
  );
  return [
    "/**",
    " * A field as the spec types it: its JSON types (`|`-separated), 1 when the spec requires it, and",
    ' * the shapes of the fields the SDK reads inside it (`"[]"`: every item of a list).',
    " * Written from the spec's response schemas by scripts/generate/response-checks.ts.",
    " */",
    "export type FieldShape = readonly [types: string, required: 0 | 1, inner?: { readonly [field: string]: FieldShape }];",
    "",
    ...shapes.flatMap((text) => [text, ""]),
  ].join("\n");
}

/** A shape as TypeScript, one field per line. */
function render([types, isRequired, inner]: FieldShape, indent: string): string {
  const head = `${JSON.stringify(types)}, ${isRequired}`;
  if (!inner) return `[${head}]`;
  const fields = Object.entries(inner).map(([name, shape]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    return `${indent}  ${key}: ${render(shape, `${indent}  `)},`;
  });
  return `[${head}, {\n${fields.join("\n")}\n${indent}}]`;
}

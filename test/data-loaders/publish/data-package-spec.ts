// The shape the Frictionless Data Package specification (version 1, https://specs.frictionlessdata.io:
// Data Package, Data Resource, Tabular Data Resource, Table Schema, CSV Dialect) gives a
// descriptor, as a zod schema, for the tests of datapackage.json. Written from the spec's
// profiles: objects stay open (the spec allows properties of one's own), the patterns are the
// spec's. What zod cannot say alone (unique names, a primary key among the fields, paths that
// stay inside the package) is checked by `specProblems`.
import { z } from "zod";

/** Names of packages and resources: "lower case characters with `.`, `_`, `-` and `/`". */
const NAME = /^([-a-z0-9._/])+$/;
/** A resource's path: a POSIX path relative to the descriptor, or a URL. */
const PATH = z.string().min(1);
/** `<algorithm>:<hex>`, or a bare MD5. */
const HASH = /^([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32}|)$/;
const MEDIATYPE = /^(.+)\/(.+)$/;
const FIELD_TYPES = ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"] as const;

/** A licence's name: an Open Definition licence id, capitals allowed (`CC-BY-4.0`). */
const LICENSE_NAME = /^([-a-zA-Z0-9._])+$/;
const license = z.looseObject({ name: z.string().regex(LICENSE_NAME).optional(), path: PATH.optional(), title: z.string().optional() }).refine((l) => l.name !== undefined || l.path !== undefined, "a licence needs a name or a path");
const source = z.looseObject({ title: z.string().min(1), path: PATH.optional(), email: z.email().optional() });

const constraints = z.looseObject({
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  minimum: z.union([z.string(), z.number()]).optional(),
  maximum: z.union([z.string(), z.number()]).optional(),
  pattern: z.string().optional(),
  enum: z.array(z.unknown()).min(1).optional(),
});
const tableField = z.looseObject({
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  type: z.enum(FIELD_TYPES).optional(),
  format: z.string().optional(),
  constraints: constraints.optional(),
});
export const tableSchema = z.looseObject({
  fields: z.array(tableField).min(1),
  primaryKey: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  missingValues: z.array(z.string()).optional(),
  foreignKeys: z.array(z.unknown()).optional(),
});
const csvDialect = z.looseObject({
  delimiter: z.string().min(1).optional(),
  lineTerminator: z.string().optional(),
  quoteChar: z.string().length(1).optional(),
  doubleQuote: z.boolean().optional(),
  escapeChar: z.string().length(1).optional(),
  nullSequence: z.string().optional(),
  skipInitialSpace: z.boolean().optional(),
  header: z.boolean().optional(),
  commentChar: z.string().optional(),
  caseSensitiveHeader: z.boolean().optional(),
  csvddfVersion: z.number().optional(),
});
export const dataResource = z.looseObject({
  profile: z.string().optional(),
  name: z.string().regex(NAME),
  path: z.union([PATH, z.array(PATH).min(1)]),
  title: z.string().optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  mediatype: z.string().regex(MEDIATYPE).optional(),
  encoding: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  hash: z.string().regex(HASH).optional(),
  schema: z.union([tableSchema, z.string()]).optional(),
  dialect: z.union([csvDialect, z.string()]).optional(),
  sources: z.array(source).optional(),
  licenses: z.array(license).min(1).optional(),
});
export const dataPackageSchema = z.looseObject({
  profile: z.string().optional(),
  name: z.string().regex(NAME).optional(),
  id: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  homepage: z.string().optional(),
  version: z.string().optional(),
  // "MUST be in ISO 8601 format" (a date-time), as the profile's format says.
  created: z.iso.datetime().optional(),
  keywords: z.array(z.string()).min(1).optional(),
  image: z.string().optional(),
  licenses: z.array(license).min(1).optional(),
  sources: z.array(source).optional(),
  contributors: z.array(z.looseObject({ title: z.string().min(1) })).optional(),
  resources: z.array(dataResource).min(1),
});
export type CheckedPackage = z.infer<typeof dataPackageSchema>;

/**
 * What the spec asks beyond the profiles' shapes: resource names unique in the package; a
 * path relative, POSIX, inside the package (no leading `/`, no `..`); field names unique in a
 * schema; every primary key column a field; a Tabular Data Resource with a schema. Returns one
 * line per problem, empty when there is none.
 */
export function specProblems(descriptor: CheckedPackage): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const resource of descriptor.resources) {
    if (names.has(resource.name)) problems.push(`${resource.name}: resource name used twice`);
    names.add(resource.name);
    for (const path of [resource.path].flat()) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(path)) continue;
      if (path.startsWith("/") || path.split("/").includes("..") || path.includes("\\")) problems.push(`${resource.name}: path "${path}" leaves the package`);
    }
    if (resource.profile === "tabular-data-resource" && typeof resource.schema !== "object") problems.push(`${resource.name}: a tabular data resource without a schema`);
    if (typeof resource.schema === "object") {
      const fields = resource.schema.fields.map((f) => f.name);
      if (new Set(fields).size !== fields.length) problems.push(`${resource.name}: a field name used twice`);
      for (const key of [resource.schema.primaryKey ?? []].flat()) if (!fields.includes(key)) problems.push(`${resource.name}: primary key "${key}" is not a field`);
    }
  }
  return problems;
}

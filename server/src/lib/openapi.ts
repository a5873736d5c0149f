import { z } from 'zod';
import { ZErrorBody } from '@zjh/shared';
import type { AnyRouteSpec } from './route';

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: '输入有误（details 列出字段）',
  401: '未登录或令牌无效',
  403: '无权执行',
  404: '不存在或不属于你',
  409: '冲突',
  413: '内容过大',
  415: '内容类型不受支持',
  429: '尝试过多',
  503: '数据库不可用',
};

function clean(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function idOf(schema: z.ZodType): string | undefined {
  return (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
}

/** Inline JSON Schema for a route schema, or a $ref when it is a named component. */
function schemaRef(schema: z.ZodType, io: 'input' | 'output'): Json {
  const id = idOf(schema);
  if (id) return { $ref: `#/components/schemas/${id}` };
  return inline(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json);
}

/** Named sub-schemas land in $defs of an inline schema; point them at the components instead. */
function inline(schema: Json): Json {
  const { $defs: _defs, ...rest } = clean(schema);
  return JSON.parse(JSON.stringify(rest).replace(/"#\/\$defs\//g, '"#/components/schemas/')) as Json;
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests, so the
 * published contract cannot drift from the code.
 */
export function buildOpenApi(specs: AnyRouteSpec[], info: { version: string }): Json {
  const opts = { target: 'draft-2020-12' as const, unrepresentable: 'any' as const, uri: (id: string) => `#/components/schemas/${id}` };
  const inputs = z.toJSONSchema(z.globalRegistry, { ...opts, io: 'input' }).schemas as Record<string, Json>;
  const outputs = z.toJSONSchema(z.globalRegistry, { ...opts, io: 'output' }).schemas as Record<string, Json>;
  const inputIds = new Set(specs.flatMap((s) => [s.body, s.query, s.params].filter(Boolean).map((x) => idOf(x!))).filter(Boolean) as string[]);
  const components: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(outputs)) components[id] = clean(inputIds.has(id) ? inputs[id] : schema);

  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of specs) {
    const path = '/api' + spec.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: Json[] = [];
    for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
      if (!schema) continue;
      const id = idOf(schema);
      const js = (id ? clean(inputs[id]) : inline(z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Json)) as {
        properties?: Record<string, Json>;
        required?: string[];
      };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
      }
    }
    for (const name of spec.path.match(/:([A-Za-z_]+)/g)?.map((m) => m.slice(1)) ?? []) {
      if (!parameters.some((p) => p.name === name && p.in === 'path')) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
    }
    const responses: Record<string, Json> = {};
    for (const [status, schema] of Object.entries(spec.responses)) {
      if (schema === null) responses[status] = { description: '无内容' };
      else if ('binary' in (schema as object) && !(schema instanceof z.ZodType)) {
        responses[status] = { description: '文件', content: { [(schema as { binary: string }).binary]: { schema: { type: 'string', format: 'binary' } } } };
      } else responses[status] = { description: '成功', content: { 'application/json': { schema: schemaRef(schema as z.ZodType, 'output') } } };
    }
    const errorStatuses = new Set<number>([...(spec.errors ?? [])]);
    if (spec.body || spec.query || spec.params) errorStatuses.add(400);
    if (spec.auth !== 'none') errorStatuses.add(401);
    if (spec.auth !== 'none' && spec.auth !== 'user' && spec.auth !== 'any') errorStatuses.add(403);
    for (const s of [...errorStatuses].sort()) {
      responses[String(s)] = { description: ERROR_TEXT[s] ?? '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    paths[path] ??= {};
    paths[path][spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth !== 'none' ? { security: [{ bearer: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaRef(spec.body, 'input') } } } } : {}),
      responses,
    };
  }
  void ZErrorBody; // registered in the global registry as "Error"
  return {
    openapi: '3.1.0',
    info: { title: '湛家和 API', version: info.version, description: '湛江市妇联“湛家和”维权服务平台接口。时间均为带时区偏移的 ISO 8601，服务按 Asia/Shanghai 运作。' },
    servers: [{ url: '/' }],
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

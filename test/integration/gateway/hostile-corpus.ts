/**
 * A corpus of hostile requests, by class: each is sent to the gateway as it is and must be
 * refused with the status and code given, before any upstream call.
 */

export interface HostileCase {
  name: string;
  /** Path and query below the gateway's origin. */
  path: string;
  init: RequestInit;
  status: number;
  /** `extensions.code` of the first error; null for a response without a body. */
  code: string | null;
}

// Past CSRF prevention, so parsing is what is tested.
const CSRF = { 'x-graphql-csrf': '1' };
const json = (body: string, extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...CSRF, ...extra },
  body,
});
const form = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...CSRF },
  body,
});
const get = (): RequestInit => ({ method: 'GET', headers: { accept: 'application/json', ...CSRF } });

const BROKEN_JSON = [
  '{nope',
  '{',
  '}',
  '[',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  'NaN',
  '{"a":"\\x"}',
  '{"a":"unterminated',
  '{a:1}',
  '{"a":1}}',
  '\u0000',
  '{"a":01}',
  '--',
  '{"__proto__":',
  '[1,2',
  'tru',
  '{"a":[}',
];

function malformedParams(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [i, bad] of BROKEN_JSON.entries()) {
    for (const [name, code] of [
      ['variables', 'INVALID_VARIABLES'],
      ['extensions', 'INVALID_EXTENSIONS'],
    ] as const) {
      const params = new URLSearchParams({ query: '{ __typename }', [name]: bad });
      cases.push({ name: `GET ${name} #${i}`, path: `/graphql?${params}`, init: get(), status: 400, code });
      cases.push({
        name: `form ${name} #${i}`,
        path: '/graphql',
        init: form(params.toString()),
        status: 400,
        code,
      });
    }
  }
  return cases;
}

function malformedBodies(): HostileCase[] {
  const bodies = [
    ...BROKEN_JSON,
    'null',
    '1',
    '"query"',
    'true',
    '{"query":"{ __typename }","variables":"x"}',
    '{"query":"{ __typename }","variables":[1]}',
    '{"query":"{ __typename }","variables":5}',
    '{"query":"{ __typename }","extensions":"x"}',
    '{"query":"{ __typename }","extensions":[]}',
    '{"query":5}',
    '{"query":["{ __typename }"]}',
    '{"query":"{ __typename }","operationName":5}',
    '{"query":{"kind":"Document"}}',
    '{}',
    '[{"query":"{ __typename }"}]',
    '',
  ];
  // GraphQL over HTTP: with `application/json` answers, a request without a document is a 200.
  const answeredAs: Record<string, [number, string]> = {
    '{}': [200, 'BAD_REQUEST'],
    '{"query":"{ __typename }","operationName":5}': [400, 'OPERATION_RESOLUTION_FAILURE'],
  };
  return bodies.map((body, i) => {
    const [status, code] = answeredAs[body] ?? [400, 'BAD_REQUEST'];
    return { name: `JSON body #${i}`, path: '/graphql', init: json(body), status, code };
  });
}

const multipart = (parts: Record<string, string>, boundary = 'XyZ'): RequestInit => {
  const body = `${Object.entries(parts)
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join('')}--${boundary}--\r\n`;
  return {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...CSRF },
    body,
  };
};

function contentTypes(): HostileCase[] {
  const types = [
    'text/plain',
    'text/html',
    'application/xml',
    'application/octet-stream',
    'application/jsonx',
    'application/x-json',
    'image/png',
    'application/x-www-form-urlencode',
    'multipart/mixed; boundary=x',
    'application/javascript',
    'text/csv',
    'application/graphql-response+json',
    '*/*',
    'garbage',
    'application/json-patch+json',
    'application/ld+json',
    'application/problem+json',
    'text/json',
    'text/graphql',
    'application/x-ndjson',
    'application/vnd.api+json',
    'application/cbor',
    'application/msgpack',
    'text/event-stream',
  ];
  const cases: HostileCase[] = types.map((type, i) => ({
    name: `content type ${i} ${type}`,
    path: '/graphql',
    init: { method: 'POST', headers: { 'content-type': type, ...CSRF }, body: '{"query":"{ __typename }"}' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  }));
  cases.push({
    name: 'no content type',
    path: '/graphql',
    init: { method: 'POST', headers: CSRF, body: new Uint8Array([1, 2, 3]) },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  });
  const operations = '{"query":"mutation($f: File!) { __typename }","variables":{"f":null}}';
  const broken: [string, RequestInit][] = [
    ['garbage body', { ...multipart({}), body: 'garbage' }],
    [
      'no boundary',
      { method: 'POST', headers: { 'content-type': 'multipart/form-data', ...CSRF }, body: 'garbage' },
    ],
    ['no operations', multipart({ map: '{}' })],
    ['operations not JSON', multipart({ operations: '{nope' })],
    ['operations null', multipart({ operations: 'null', map: '{"0":["variables.f"]}', 0: 'x' })],
    ['map not JSON', multipart({ operations, map: '{nope' })],
    ['map value not a list', multipart({ operations, map: '{"0":5}', 0: 'x' })],
    ['map into a scalar', multipart({ operations, map: '{"0":["query.x.y"]}', 0: 'x' })],
    [
      'unterminated part',
      { ...multipart({}), body: '--XyZ\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{' },
    ],
  ];
  for (const [name, init] of broken) {
    cases.push({ name: `multipart ${name}`, path: '/graphql', init, status: 400, code: 'BAD_REQUEST' });
  }
  // The map builds the missing objects; the document then fails validation (File! is null).
  cases.push({
    name: 'multipart map into missing objects',
    path: '/graphql',
    init: multipart({ operations, map: '{"0":["variables.a.b.c.d"]}', 0: 'x' }),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  });
  return cases;
}

const field = '{ nonEmployeeSources(first: 1) { totalCount } }';

function nesting(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const depth of [33, 40, 64, 100, 250, 500, 1000, 2000, 2400, 3000]) {
    const list = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const object = `${'{a:'.repeat(depth)}1${'}'.repeat(depth)}`;
    const mixed = `${'[{a:'.repeat(Math.ceil(depth / 2))}1${'}]'.repeat(Math.ceil(depth / 2))}`;
    const docs: [string, string][] = [
      ['list argument', `{ nonEmployeeRecords(sourceId: ${list}) { totalCount } }`],
      ['object argument', `{ nonEmployeeSource(id: ${object}) { id } }`],
      ['mixed argument', `{ nodes(ids: ${mixed}) { id } }`],
      ['directive argument', `{ __typename @include(if: ${list}) }`],
      ['variable default', `query($x: ID = ${list}) { nonEmployeeSource(id: $x) { id } }`],
    ];
    for (const [name, query] of docs) {
      cases.push({
        name: `${name} ${depth} deep`,
        path: '/graphql',
        init: json(JSON.stringify({ query })),
        status: 400,
        code: 'VALUE_TOO_DEEP',
      });
    }
    const deepJson = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    for (const [name, body] of [
      [
        'variable list',
        `{"query":"query($x: ID!) { nonEmployeeSource(id: $x) { id } }","variables":{"x":${deepJson}}}`,
      ],
      [
        'variable object',
        `{"query":"query($x: ID!) { nonEmployeeSource(id: $x) { id } }","variables":{"x":${deepObject}}}`,
      ],
      ['extensions', `{"query":"{ __typename }","extensions":{"x":${deepObject}}}`],
    ]) {
      cases.push({
        name: `${name} ${depth} deep`,
        path: '/graphql',
        init: json(body),
        status: 400,
        code: 'VALUE_TOO_DEEP',
      });
    }
    const params = new URLSearchParams({ query: '{ __typename }', variables: `{"x":${deepJson}}` });
    cases.push({
      name: `GET variables ${depth} deep`,
      path: `/graphql?${params}`,
      init: get(),
      status: 400,
      code: 'VALUE_TOO_DEEP',
    });
    cases.push({
      name: `selection ${depth} deep`,
      path: '/graphql',
      init: json(JSON.stringify({ query: `${'{ a '.repeat(depth + 100)}${'}'.repeat(depth + 100)}` })),
      status: 400,
      code: 'DOCUMENT_TOO_DEEP',
    });
  }
  return cases;
}

function sizes(maxBodyBytes: number, maxUploadBytes: number): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const kb of [65, 70, 100, 200, 500, 900]) {
    const pad = kb * 1024;
    const docs: [string, string][] = [
      ['comment', `${field}\n#${'x'.repeat(pad)}`],
      ['whitespace', `${' '.repeat(pad)}${field}`],
      ['string', `{ nonEmployeeSource(id: "${'y'.repeat(pad)}") { id } }`],
      ['fields', `{ ${'__typename '.repeat(Math.ceil(pad / 11))} }`],
      ['multibyte', `{ nonEmployeeSource(id: "${'é'.repeat(Math.ceil(pad / 2))}") { id } }`],
    ];
    for (const [name, query] of docs) {
      cases.push({
        name: `${kb} KB document (${name})`,
        path: '/graphql',
        init: json(JSON.stringify({ query })),
        status: 413,
        code: 'DOCUMENT_TOO_LARGE',
      });
    }
    const params = new URLSearchParams({ query: `${field}\n#${'x'.repeat(pad)}` });
    cases.push({
      name: `${kb} KB GET document`,
      path: `/graphql?${params}`,
      init: get(),
      status: 413,
      code: 'DOCUMENT_TOO_LARGE',
    });
  }
  for (const factor of [1.01, 1.5, 2, 4]) {
    const size = Math.ceil(maxBodyBytes * factor);
    const big = JSON.stringify({ query: field, variables: { pad: 'z'.repeat(size) } });
    cases.push({
      name: `JSON body x${factor}`,
      path: '/graphql',
      init: json(big),
      status: 413,
      code: 'REQUEST_ENTITY_TOO_LARGE',
    });
    cases.push({
      name: `form body x${factor}`,
      path: '/graphql',
      init: form(`query=${encodeURIComponent(field)}&pad=${'z'.repeat(size)}`),
      status: 413,
      code: 'REQUEST_ENTITY_TOO_LARGE',
    });
    cases.push({
      name: `GraphQL text body x${factor}`,
      path: '/graphql',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/graphql', ...CSRF },
        body: `${field}#${'z'.repeat(size)}`,
      },
      status: 413,
      code: 'REQUEST_ENTITY_TOO_LARGE',
    });
    // Chunked: no Content-Length to refuse up front, so the body is cut as it streams.
    cases.push({
      name: `chunked JSON body x${factor}`,
      path: '/graphql',
      init: { ...json(''), body: chunked(big), duplex: 'half' } as RequestInit,
      status: 413,
      code: 'REQUEST_ENTITY_TOO_LARGE',
    });
    const upload = multipart({
      operations: '{"query":"mutation($f: File!) { __typename }","variables":{"f":null}}',
      map: '{"0":["variables.f"]}',
      0: 'u'.repeat(Math.ceil(maxUploadBytes * factor)),
    });
    cases.push({
      name: `upload x${factor}`,
      path: '/graphql',
      init: upload,
      status: 413,
      code: 'REQUEST_ENTITY_TOO_LARGE',
    });
  }
  return cases;
}

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 16_384));
      at += 16_384;
    },
  });
}

/** Every class, by name. */
export function hostileCorpus(limits: {
  maxBodyBytes: number;
  maxUploadBytes: number;
}): Record<string, HostileCase[]> {
  return {
    'malformed variables/extensions (GET, form)': malformedParams(),
    'malformed JSON bodies': malformedBodies(),
    'content types and multipart': contentTypes(),
    'value and selection nesting': nesting(),
    'document and body sizes': sizes(limits.maxBodyBytes, limits.maxUploadBytes),
  };
}

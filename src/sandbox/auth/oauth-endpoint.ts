import type { IncomingHttpHeaders } from 'node:http';
import { formBody, isFormType, mediaType } from '../http/body.ts';
import type { SandboxResponse } from '../http/types.ts';
import type { IdentityRegistry } from '../seed/identities.ts';
import type { TokenService } from './token-service.ts';

interface TokenRequest {
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const oauthError = (status: number, error: string, description: string): SandboxResponse => ({
  status,
  headers: { 'cache-control': 'no-store' },
  body: { error, error_description: description },
});

/** Client credentials from Basic auth, the query string, or a urlencoded/multipart form, in that order. */
async function readParameters(request: TokenRequest): Promise<Map<string, string>> {
  const params = new Map<string, string>();
  const type = mediaType(request);
  if (request.body.length > 0 && isFormType(type)) {
    const form = await formBody(request);
    for (const [name, value] of form.entries()) if (typeof value === 'string') params.set(name, value);
  }
  for (const [name, value] of request.query) params.set(name, value);
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      params.set('client_id', decodeURIComponent(decoded.slice(0, colon)));
      params.set('client_secret', decodeURIComponent(decoded.slice(colon + 1)));
    }
  }
  return params;
}

/** `POST /oauth/token`: the client-credentials grant, answered as RFC 6749 says. */
export async function handleTokenRequest(
  request: TokenRequest,
  deps: { identities: IdentityRegistry; tokens: TokenService },
): Promise<SandboxResponse> {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST.');
  let params: Map<string, string>;
  try {
    params = await readParameters(request);
  } catch {
    return oauthError(400, 'invalid_request', 'The request body is not a valid form.');
  }
  const grantType = params.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'Missing grant type');
  if (grantType !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
  }
  const client = deps.identities.client(params.get('client_id') ?? '');
  if (!client || client.clientSecret !== params.get('client_secret')) {
    return oauthError(401, 'invalid_client', 'Bad client credentials');
  }
  const identity =
    client.kind === 'personal-access-token' ? deps.identities.byId(client.identityId) : undefined;
  if (client.kind === 'personal-access-token' && !identity) {
    return oauthError(401, 'invalid_client', 'Bad client credentials');
  }
  const token = await deps.tokens.issue(client, identity);
  return { status: 200, headers: { 'cache-control': 'no-store', pragma: 'no-cache' }, body: token };
}

/**
 * The fake's answers. Handlers throw `HttpRefusal`; the router turns it into a JSON
 * `{ message }` response, the shape Langfuse's public API uses for 4xx bodies.
 */

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function errorResponse(status: number, message: string): Response {
  return jsonResponse({ message }, status);
}

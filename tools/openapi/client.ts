// A client written against the types generated from /openapi/v1.json (api.d.ts, made by the test):
// if an operation, a parameter or a response shape changes, this stops compiling.
import type { paths, components } from "./api";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

export type Post = Json<paths["/api/posts/{id}"]["get"]["responses"]["200"]>;
export type SuitablePosts = Json<paths["/api/persons/{id}/suitable-posts"]["get"]["responses"]["200"]>;
export type Problem = components["schemas"]["ProblemDetails"];

export async function suitablePosts(base: string, token: string, person: string, limit: number): Promise<SuitablePosts> {
  const response = await fetch(`${base}/api/persons/${person}/suitable-posts?limit=${limit}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(problem.detail ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as SuitablePosts;
}

export function describe(post: Post): string {
  return `${post.title} (${post.status}) — ${post.capacity} place(s)`;
}

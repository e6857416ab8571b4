/**
 * The form's validator (lib/schema.ts, with zod: most of the popup's script) loads once the form
 * is on screen, so opening the popup waits only for what it paints.
 */
let loading: Promise<typeof import('@/lib/schema')> | undefined;

export function loadValidator(): Promise<typeof import('@/lib/schema')> {
  loading ??= import('@/lib/schema');
  return loading;
}

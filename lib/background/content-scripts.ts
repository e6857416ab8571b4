/**
 * The content scripts the manifest declares, and which of them belongs in a tab: read from the
 * manifest the browser loaded, so the hosts and built file names are never written twice.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';

export interface DeclaredScript {
  matches: string[];
  files: string[];
}

export interface ScriptsBrowser {
  runtime: { getManifest(): { content_scripts?: { matches?: string[]; js?: string[] }[] } };
}

export function declaredScripts(browser: ScriptsBrowser): DeclaredScript[] {
  return (browser.runtime.getManifest().content_scripts ?? []).flatMap(({ matches, js }) =>
    matches?.length && js?.length ? [{ matches, files: js }] : [],
  );
}

/**
 * The files of the content script declared for the page at `url` (unknown: none). The address is
 * matched here: `tabs.query` ignores a `url` filter where the extension has no host permission,
 * and would call a career page under activeTab's grant a LinkedIn tab.
 */
export function declaredScriptFor(
  browser: ScriptsBrowser,
  url: string | undefined,
): string[] | undefined {
  return declaredScripts(browser).find((script) => matchesAny(script.matches, url))?.files;
}

/** Whether the address `url` (unknown: no) is one of `patterns`' pages. */
export function matchesAny(patterns: string[], url: string | undefined): boolean {
  return !!url && patterns.some((pattern) => new MatchPattern(pattern).includes(url));
}

/**
 * The content scripts the manifest declares, and which of them belongs in a tab: read from the
 * manifest the browser loaded, so the hosts and built file names are never written twice.
 */

export interface DeclaredScript {
  matches: string[];
  files: string[];
}

export interface ScriptsBrowser {
  runtime: { getManifest(): { content_scripts?: { matches?: string[]; js?: string[] }[] } };
  tabs: { query(query: { url: string[] }): Promise<{ id?: number }[]> };
}

export function declaredScripts(browser: ScriptsBrowser): DeclaredScript[] {
  return (browser.runtime.getManifest().content_scripts ?? []).flatMap(({ matches, js }) =>
    matches?.length && js?.length ? [{ matches, files: js }] : [],
  );
}

/**
 * The files of the content script declared for the page in tab `tabId`, if any. The browser
 * matches the tab against the patterns (`tabs.query`), exactly as it does when it loads them.
 */
export async function declaredScriptOf(
  browser: ScriptsBrowser,
  tabId: number,
): Promise<string[] | undefined> {
  for (const script of declaredScripts(browser)) {
    const tabs = await browser.tabs.query({ url: script.matches }).catch(() => []);
    if (tabs.some((tab) => tab.id === tabId)) return script.files;
  }
  return undefined;
}

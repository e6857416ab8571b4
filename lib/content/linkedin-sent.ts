/**
 * LinkedIn's Easy Apply confirmation, as public descriptions of its DOM give it (Easy Apply bots
 * that wait for it, 2021-25): a `role="dialog"` modal `aria-labelledby="post-apply-modal"`, whose
 * `<h2 id="post-apply-modal">` reads "Application sent", above "Your application was sent to
 * <company>!" and a Done button. Its name is matched, not its hashed classes or its id; English only.
 */
export const isLinkedInConfirmation = (name: string): boolean =>
  /^(application sent|your application was sent\b)/i.test(name);

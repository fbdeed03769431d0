/** The cookie that remembers, for one user on this browser, that they skipped the getting-started guide. */
export const guideCookie = (userId: string) => `mutual-guide-skipped-${userId}`;

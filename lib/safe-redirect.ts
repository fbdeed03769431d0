/** Only same-site paths are followed after sign-in; anything else goes to the app home. */
export function safeCallbackUrl(url: string | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return "/w";
  return url;
}

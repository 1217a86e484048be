/** Makes a server-given link absolute, so it can be shared outside the browser. */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).toString();
  } catch {
    return url;
  }
}

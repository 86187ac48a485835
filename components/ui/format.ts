/** Dates as UTC text: identical on the server and in the browser, so hydration never disagrees. */
export function formatDate(value: Date | string): string {
  const iso = (typeof value === "string" ? new Date(value) : value).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

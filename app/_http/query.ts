/** The first value of a query parameter that may be repeated. */
export const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

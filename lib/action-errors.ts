/** The first message for each field of a flattened next-safe-action result, and the form-level one. */
export function formErrors(result: {
  serverError?: string;
  validationErrors?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };
}): { form?: string; field: (name: string) => string | undefined } {
  const v = result.validationErrors;
  return {
    form: result.serverError ?? v?.formErrors[0],
    field: (name) => v?.fieldErrors[name]?.[0],
  };
}

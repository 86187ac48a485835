"use client";

import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/app/(console)/_lib/result";
import { applyServerError } from "./server-errors";
import { resolverOptions } from "./zod-messages";

type Options<In extends FieldValues, Out, Data> = {
  /** The domain's own schema: the browser checks exactly what the server will. */
  schema: z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  action: (values: Out) => Promise<ActionResult<Data>>;
  /** The form's fields a server issue may name; any other issue becomes the form-level error. */
  fields: readonly Path<In>[];
  onSuccess: (data: Data) => void;
  /** Messages for zod's issues when the plain-language defaults do not fit this form. */
  messages?: { error: (issue: z.core.$ZodRawIssue) => string | undefined };
};

/**
 * A console form that sends its values to a server action: checked by the
 * schema first, then the server's refusal lands on the fields it names.
 */
export function useActionForm<In extends FieldValues, Out, Data>({ schema, defaultValues, action, fields, onSuccess, messages = resolverOptions }: Options<In, Out, Data>) {
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(schema, messages), defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (result.error) return applyServerError(form.setError, result.error, fields);
    onSuccess(result.data);
  });
  return { form, onSubmit };
}
